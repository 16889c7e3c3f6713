// The locations the signed-in staff member or admin serves (from their claims), live with their
// settings, and the one they chose to work on: the one owner of both for every screen.
import { acceptHMRUpdate, defineStore, storeToRefs } from 'pinia';
import { computed, ref } from 'vue';
import type { Location } from '@sos/model';
import type { WithId } from '../firebase/refs';
import { useSessionStore } from './session';
import { useMyLocationsStore } from './myLocations';

export const useServedLocationsStore = defineStore('servedLocations', () => {
  const { role } = storeToRefs(useSessionStore());
  const myLocations = useMyLocationsStore();
  const { byId } = storeToRefs(myLocations);
  /** In the order of the claims; residents serve none. */
  const ids = computed<string[]>(() => (role.value && role.value !== 'resident' ? (myLocations.ids ?? []) : []));

  /** Loaded locations in the order of the claims; one not loaded yet is left out. */
  const locations = computed<WithId<Location>[]>(() =>
    ids.value.flatMap((id) => {
      const location = byId.value[id];
      return location ? [{ ...location, id }] : [];
    }),
  );
  const nameOf = (id: string) => byId.value[id]?.name ?? id;

  const chosenId = ref<string | null>(null);
  /** The location being worked on: the one chosen while it is still served, else the first served. */
  const locationId = computed<string | null>({
    get: () => (chosenId.value && ids.value.includes(chosenId.value) ? chosenId.value : (ids.value[0] ?? null)),
    set: (id) => (chosenId.value = id),
  });
  const location = computed<Location | null>(() => (locationId.value ? (byId.value[locationId.value] ?? null) : null));

  return { ids, byId, locations, nameOf, locationId, location };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useServedLocationsStore, import.meta.hot));
