// A membership document carries its person's name and phone (a new request reads only that document): when the
// profile's name or phone changes, every membership document of that person follows.
import type { Member, UserProfile } from '@sos/model';
import { db, peopleRefs } from '../firestore';

export type ProfileContact = Pick<Member, 'name' | 'phone'>;

/** The contact the membership documents must hold after this profile write, or null when name and phone did not change. */
export function contactChange(before: UserProfile | undefined, after: UserProfile | undefined): ProfileContact | null {
  if (!after) return null;
  if (before && before.displayName === after.displayName && before.phone === after.phone) return null;
  return { name: after.displayName, phone: after.phone };
}

/** Idempotent: only membership documents that exist and differ are written. */
export async function syncMemberContact(uid: string, locationIds: readonly string[], contact: ProfileContact): Promise<number> {
  if (locationIds.length === 0) return 0;
  const members = await db.getAll(...locationIds.map((locationId) => peopleRefs.member(locationId, uid)));
  const stale = members.filter((member) => {
    const data = member.data();
    return data && (data.name !== contact.name || data.phone !== contact.phone);
  });
  if (stale.length === 0) return 0;
  const batch = db.batch();
  for (const member of stale) batch.update(member.ref, contact);
  await batch.commit();
  return stale.length;
}
