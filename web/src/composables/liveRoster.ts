// The staff roster of a location for the roster screen, and the admin's changes to it (onDuty, tier),
// which firestore.rules allow the location's admins.
import { computed, shallowRef, toValue, type MaybeRefOrGetter } from 'vue';
import { deleteField, serverTimestamp, updateDoc } from 'firebase/firestore';
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

  /**
   * Members with a change the server has not confirmed yet, from the tap on: the snapshot that marks the local write
   * pending comes a moment after it, and in that moment the screen would say «saved» for a change not yet sent.
   */
  const saving = shallowRef<ReadonlySet<string>>(new Set());
  const markSaving = (uid: string, on: boolean) => {
    const next = new Set(saving.value);
    if (on) next.add(uid);
    else next.delete(uid);
    saving.value = next;
  };

  async function saveMember(uid: string, change: RosterChange): Promise<void> {
    const id = toValue(locationId);
    if (!id) throw new Error('no location chosen');
    markSaving(uid, true);
    try {
      // A manual start carries the time it was switched on, so it ends after 12 hours as the staff member's own does.
      const since = change.onDuty === undefined ? {} : { onDutySince: change.onDuty ? serverTimestamp() : deleteField() };
      await updateDoc(refs.staffMember(id, uid), { ...change, ...since });
    } finally {
      markSaving(uid, false);
    }
  }

  /** `pending`: a change of this member is not confirmed by the server yet (sent or about to be). */
  const members = computed(() => live.items.value.map((member) => (saving.value.has(member.id) ? { ...member, pending: true } : member)));

  return { members, loaded: live.loaded, error: live.error, status: liveStatus([live]), saveMember };
}
