// A membership document carries its person's name, phone and language (a new request reads only that document):
// when the profile's change, every membership document of that person follows.
import type { Locale, Member, UserPeopleFields, UserProfile } from '@sos/model';
import { db, peopleRefs } from '../firestore';
import { localeOf } from '../notify/texts';

export type ProfileContact = Pick<Member, 'name' | 'phone'> & { locale: Locale };

type Profile = UserProfile & Pick<UserPeopleFields, 'locale'>;

/** What a membership document copies from the profile (no locale reads as Russian). */
export const contactOf = (profile: Profile): ProfileContact => ({ name: profile.displayName, phone: profile.phone, locale: localeOf(profile.locale) });

/** The contact the membership documents must hold after this profile write, or null when it did not change. */
export function contactChange(before: Profile | undefined, after: Profile | undefined): ProfileContact | null {
  if (!after) return null;
  const next = contactOf(after);
  if (before) {
    const previous = contactOf(before);
    if (previous.name === next.name && previous.phone === next.phone && previous.locale === next.locale) return null;
  }
  return next;
}

/** Idempotent: only membership documents that exist and differ are written. */
export async function syncMemberContact(uid: string, locationIds: readonly string[], contact: ProfileContact): Promise<number> {
  if (locationIds.length === 0) return 0;
  const members = await db.getAll(...locationIds.map((locationId) => peopleRefs.member(locationId, uid)));
  const stale = members.filter((member) => {
    const data = member.data();
    return data && (data.name !== contact.name || data.phone !== contact.phone || data.locale !== contact.locale);
  });
  if (stale.length === 0) return 0;
  const batch = db.batch();
  for (const member of stale) batch.update(member.ref, contact);
  await batch.commit();
  return stale.length;
}
