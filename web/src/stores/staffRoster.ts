// The staff roster of the chosen location and the admin's changes to it (onDuty, tier), which
// firestore.rules allow the location's admins.
import { defineStore, storeToRefs } from 'pinia';
import { updateDoc } from 'firebase/firestore';
import type { StaffMember } from '@sos/model';
import { refs } from '../firebase/refs';
import { useLiveQuery } from '../composables/useLive';
import { useServedLocationsStore } from './servedLocations';

export type RosterChange = Partial<Pick<StaffMember, 'onDuty' | 'tier'>>;

export const useStaffRosterStore = defineStore('staffRoster', () => {
  const { locationId } = storeToRefs(useServedLocationsStore());
  const live = useLiveQuery(
    () => (locationId.value ? refs.staff(locationId.value) : null),
    () => locationId.value ?? '',
  );

  async function saveMember(uid: string, change: RosterChange): Promise<void> {
    if (!locationId.value) throw new Error('no location chosen');
    await updateDoc(refs.staffMember(locationId.value, uid), change);
  }

  return { locationId, members: live.items, loaded: live.loaded, error: live.error, saveMember };
});
