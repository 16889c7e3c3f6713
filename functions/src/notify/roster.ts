// Reads the duty roster of a location (on-duty members only; tier-1 only for a new request).
import type { StaffMember } from '@sos/model';
import { readQuery, refs } from '../firestore';
import type { RosterEntry } from './audience';

export async function readOnDutyRoster(locationId: string, tier?: StaffMember['tier']): Promise<RosterEntry[]> {
  const snapshot = await readQuery(refs.staff(locationId), (staff) => {
    const onDuty = staff.where('onDuty', '==', true);
    return tier === undefined ? onDuty : onDuty.where('tier', '==', tier);
  });
  return snapshot.docs.map((doc) => ({ uid: doc.id, member: doc.data() }));
}
