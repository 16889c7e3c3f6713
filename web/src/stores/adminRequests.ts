// The live list of requests for the staff and admin screens: every request of the locations served.
import { defineStore, storeToRefs } from 'pinia';
import { computed } from 'vue';
import { limit, orderBy, query, where } from 'firebase/firestore';
import { refs } from '../firebase/refs';
import { useLiveQuery } from '../composables/useLive';
import { useSessionStore } from './session';

/** Newest first; one listener shared by every screen of the location side. */
export const useLocationRequestsStore = defineStore('locationRequests', () => {
  const { claims } = storeToRefs(useSessionStore());
  const locationIds = computed(() => claims.value?.locationIds ?? []);
  const live = useLiveQuery(
    () =>
      locationIds.value.length > 0 && claims.value?.role !== 'resident'
        ? query(refs.sosRequests(), where('locationId', 'in', locationIds.value.slice(0, 30)), orderBy('createdAt', 'desc'), limit(300))
        : null,
    () => `${claims.value?.role}:${locationIds.value.join(',')}`,
  );
  return { requests: live.items, loaded: live.loaded, error: live.error, locationIds };
});
