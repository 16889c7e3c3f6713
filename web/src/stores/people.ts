// The admins' "People" list of a location (members, with duty for staff), and changes to it through callables.
import { defineStore, storeToRefs } from 'pinia';
import { computed, ref } from 'vue';
import type { Role } from '@sos/model';
import { callables } from '../firebase/functions';
import { peopleRefs, refs } from '../firebase/refs';
import { useLiveQuery } from '../composables/useLive';
import { callableFailure, type CallableFailure } from './callableFailure';
import { useServedLocationsStore } from './servedLocations';

export const usePeopleStore = defineStore('people', () => {
  /** The location chosen on the admin screens (one owner: the served-locations store). */
  const { locationId } = storeToRefs(useServedLocationsStore());
  const key = () => locationId.value ?? '';
  const members = useLiveQuery(() => (locationId.value ? peopleRefs.members(locationId.value) : null), key);
  const roster = useLiveQuery(() => (locationId.value ? refs.staff(locationId.value) : null), key);
  /** Everyone of the location by name; `onDuty` is null for people not on the roster. */
  const people = computed(() => {
    const duty = new Map(roster.items.value.map((entry) => [entry.id, entry.onDuty]));
    return members.items.value
      .map((member) => ({ ...member, onDuty: duty.get(member.id) ?? null }))
      .sort((a, b) => a.name.localeCompare(b.name));
  });
  const loaded = computed(() => members.loaded.value && roster.loaded.value);
  const error = computed(() => members.error.value ?? roster.error.value);
  /** The uid whose change is in flight, and the last failure with whom it was about. */
  const busyUid = ref<string | null>(null);
  const failure = ref<(CallableFailure & { uid: string }) | null>(null);

  async function change(uid: string, work: (location: string) => Promise<unknown>): Promise<boolean> {
    if (!locationId.value || busyUid.value) return false;
    busyUid.value = uid;
    failure.value = null;
    try {
      await work(locationId.value);
      return true;
    } catch (error) {
      failure.value = { ...callableFailure(error), uid };
      return false;
    } finally {
      busyUid.value = null;
    }
  }

  const setRole = (uid: string, role: Role) => change(uid, (location) => callables.setMemberRole({ locationId: location, uid, role }));
  const remove = (uid: string) => change(uid, (location) => callables.removeMember({ locationId: location, uid }));

  return { locationId, people, loaded, error, busyUid, failure, setRole, remove };
});
