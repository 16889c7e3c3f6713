// Admins answer calls too, so every admin of a location has a roster entry there (a claim carries the entry's name,
// and the rules require one). The People flows create it; this brings in step the admins made before they did.
import type { StaffMember } from '@sos/model';
import { db, peopleRefs, refs } from '../firestore';
import { peopleLogs } from '../logs';

/** An admin's roster entry: off duty until they switch on, tier 1. */
export const adminRosterEntry = (name: string, phone: string): StaffMember => ({ name, phone, onDuty: false, tier: 1 });

/**
 * Creates the missing roster entry of every admin of every location, off duty and tier 1, named as their membership
 * (else their profile) names them. Idempotent: an existing entry is never changed. Returns how many were created.
 */
export async function ensureAdminsOnRoster(): Promise<number> {
  const locations = await refs.locations().get();
  let created = 0;
  for (const location of locations.docs) {
    for (const uid of location.data().admins ?? []) {
      const made = await db.runTransaction(async (tx) => {
        const rosterRef = refs.staffMember(location.id, uid);
        const [entry, member, profile] = await Promise.all([tx.get(rosterRef), tx.get(peopleRefs.member(location.id, uid)), tx.get(refs.user(uid))]);
        if (entry.exists) return false;
        const name = member.data()?.name ?? profile.data()?.displayName;
        if (!name) return false;
        tx.create(rosterRef, adminRosterEntry(name, member.data()?.phone ?? profile.data()?.phone ?? ''));
        return true;
      });
      if (made) {
        created += 1;
        peopleLogs.adminAddedToRoster(location.id, uid);
      }
    }
  }
  return created;
}
