// The signed-in person's home location: the one their profile names, if their claims already carry it.
import { acceptHMRUpdate, defineStore, storeToRefs } from 'pinia';
import { computed } from 'vue';
import type { Location } from '@sos/model';
import { liveStatus } from '../composables/liveStatus';
import { useSessionStore } from './session';
import { useProfileStore } from './profile';
import { useMyLocationsStore } from './myLocations';

export const useHomeLocationStore = defineStore('homeLocation', () => {
  const { claims } = storeToRefs(useSessionStore());
  const { profile, status: profileStatus } = storeToRefs(useProfileStore());
  const { byId, status: locationsStatus } = storeToRefs(useMyLocationsStore());
  // Only a location the ID token already carries: a profile written just before a token refresh must not start a denied listener.
  const homeLocationId = computed(() => {
    const ids = claims.value?.locationIds ?? [];
    const home = profile.value?.homeLocationId;
    return home && ids.includes(home) ? home : (ids[0] ?? null);
  });
  const homeLocation = computed<Location | null>(() => (homeLocationId.value ? (byId.value[homeLocationId.value] ?? null) : null));
  /** The profile and the home location as the home screens wait for them (no home location: nothing to wait for). */
  const homeStatus = liveStatus(() => (homeLocationId.value ? [profileStatus.value, locationsStatus.value] : [profileStatus.value]));
  return { homeLocationId, homeLocation, homeStatus };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useHomeLocationStore, import.meta.hot));
