// The location documents of the signed-in person's claims, one listener each for the whole app: a
// resident's home, the locations staff and admins serve.
import { acceptHMRUpdate, defineStore, storeToRefs } from 'pinia';
import { computed } from 'vue';
import { refs } from '../firebase/refs';
import { useLiveDocuments } from '../composables/useLive';
import { liveStatus } from '../composables/liveStatus';
import { useSessionStore } from './session';

export const useMyLocationsStore = defineStore('myLocations', () => {
  const { claims } = storeToRefs(useSessionStore());
  /** In the order of the claims; none until the claims are known. */
  const ids = computed<string[] | null>(() => claims.value?.locationIds ?? null);
  const live = useLiveDocuments(ids, refs.location);
  return { ids, byId: live.byId, loaded: live.loaded, error: live.error, status: liveStatus([live]) };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useMyLocationsStore, import.meta.hot));
