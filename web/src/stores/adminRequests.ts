// The live list of requests for the staff and admin screens: every request of the locations served.
import { defineStore, storeToRefs } from 'pinia';
import { computed } from 'vue';
import { limit, orderBy, query, where } from 'firebase/firestore';
import { ACTIVE_STATUSES } from '@sos/model';
import { refs } from '../firebase/refs';
import { useLiveQuery } from '../composables/useLive';
import { useSessionStore } from './session';

const RECENT_LIMIT = 300;

/**
 * Newest first; one pair of listeners shared by every screen of the location side: the newest
 * requests (history) and every request still active, however old, so none falls off the queue.
 */
export const useLocationRequestsStore = defineStore('locationRequests', () => {
  const { claims } = storeToRefs(useSessionStore());
  const locationIds = computed(() => claims.value?.locationIds ?? []);
  const servesLocations = computed(() => locationIds.value.length > 0 && claims.value?.role !== 'resident');
  const key = () => `${claims.value?.role}:${locationIds.value.join(',')}`;
  const ofMyLocations = () => where('locationId', 'in', locationIds.value.slice(0, 30));

  const recent = useLiveQuery(
    () => (servesLocations.value ? query(refs.sosRequests(), ofMyLocations(), orderBy('createdAt', 'desc'), limit(RECENT_LIMIT)) : null),
    key,
  );
  const active = useLiveQuery(
    () => (servesLocations.value ? query(refs.sosRequests(), ofMyLocations(), where('status', 'in', [...ACTIVE_STATUSES])) : null),
    key,
  );

  const requests = computed(() => {
    const byId = new Map(recent.items.value.map((request) => [request.id, request]));
    for (const request of active.items.value) byId.set(request.id, request);
    return [...byId.values()].sort((a, b) => b.createdAt.toMillis() - a.createdAt.toMillis());
  });
  const loaded = computed(() => recent.loaded.value && active.loaded.value);
  const error = computed(() => recent.error.value ?? active.error.value);
  return { requests, loaded, error, locationIds };
});
