// Reads the duty roster of a location (on-duty members only; tier-1 only for a new request).
import type { Query } from 'firebase-admin/firestore';
import type { StaffMember } from '@sos/model';
import { refs } from '../firestore';
import { countQuery } from '../costs';
import type { RosterEntry } from './audience';

export async function readOnDutyRoster(locationId: string, tier?: StaffMember['tier']): Promise<RosterEntry[]> {
  let query: Query<StaffMember> = refs.staff(locationId).where('onDuty', '==', true);
  if (tier !== undefined) query = query.where('tier', '==', tier);
  const snapshot = await query.get();
  countQuery('staff', snapshot.size);
  return snapshot.docs.map((doc) => ({ uid: doc.id, member: doc.data() }));
}
