// The staff roster of a location for the roster screen, and the admin's changes to it (onDuty, tier),
// which firestore.rules allow the location's admins.
import { toValue, type MaybeRefOrGetter } from 'vue';
import { updateDoc } from 'firebase/firestore';
import type { StaffMember } from '@sos/model';
import { refs } from '../firebase/refs';
import { useLiveQuery } from './useLive';
import { liveStatus } from './liveStatus';

export type RosterChange = Partial<Pick<StaffMember, 'onDuty' | 'tier'>>;

/** Listens while the calling screen is open; follows `locationId` (the admin's chosen location). */
export function liveRoster(locationId: MaybeRefOrGetter<string | null>) {
  const live = useLiveQuery(
    () => {
      const id = toValue(locationId);
      return id ? refs.staff(id) : null;
    },
    () => toValue(locationId) ?? '',
  );

  async function saveMember(uid: string, change: RosterChange): Promise<void> {
    const id = toValue(locationId);
    if (!id) throw new Error('no location chosen');
    await updateDoc(refs.staffMember(id, uid), change);
  }

  return { members: live.items, loaded: live.loaded, error: live.error, status: liveStatus([live]), saveMember };
}
