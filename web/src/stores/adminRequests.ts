// The requests of the locations served, one live list shared by the staff and admin screens.
import { acceptHMRUpdate, defineStore, storeToRefs } from 'pinia';
import { computed } from 'vue';
import { limit, orderBy, query, where, type Timestamp } from 'firebase/firestore';
import { ACTIVE_STATUSES, type SosRequest } from '@sos/model';
import { refs } from '../firebase/refs';
import { useLiveQueries, type LiveItem } from '../composables/useLive';
import { liveStatus } from '../composables/liveStatus';
import { useSessionStore } from './session';
import { useServedLocationsStore } from './servedLocations';

export type LiveRequest = LiveItem<SosRequest<Timestamp>>;

const RECENT_LIMIT = 300;
/** Firestore allows at most 30 disjunctions in one query (`in` × `in` multiply). */
const MAX_DISJUNCTIONS = 30;

/** Splits `ids` into groups small enough that `ids × perId` disjunctions fit in one query. */
export function disjunctionChunks(ids: readonly string[], perId = 1): string[][] {
  const size = Math.max(1, Math.floor(MAX_DISJUNCTIONS / perId));
  const chunks: string[][] = [];
  for (let start = 0; start < ids.length; start += size) chunks.push(ids.slice(start, start + size));
  return chunks;
}

/**
 * Newest first; one set of listeners shared by every screen of the location side: the newest
 * requests (history) and every request still active, however old, so none falls off the queue.
 * Locations are split into chunks so any number of them fits Firestore's disjunction limit.
 */
export const useLocationRequestsStore = defineStore('locationRequests', () => {
  const { claims } = storeToRefs(useSessionStore());
  const { ids: locationIds } = storeToRefs(useServedLocationsStore());
  const key = () => `${claims.value?.role}:${locationIds.value.join(',')}`;

  const recent = useLiveQueries(
    () =>
      disjunctionChunks(locationIds.value).map((chunk) =>
        query(refs.sosRequests(), where('locationId', 'in', chunk), orderBy('createdAt', 'desc'), limit(RECENT_LIMIT)),
      ),
    key,
  );
  const active = useLiveQueries(
    () =>
      disjunctionChunks(locationIds.value, ACTIVE_STATUSES.length).map((chunk) =>
        query(refs.sosRequests(), where('locationId', 'in', chunk), where('status', 'in', [...ACTIVE_STATUSES])),
      ),
    key,
  );

  const requests = computed<LiveRequest[]>(() => {
    const byId = new Map(recent.items.value.map((request) => [request.id, request]));
    for (const request of active.items.value) byId.set(request.id, request);
    return [...byId.values()].sort((a, b) => b.createdAt.toMillis() - a.createdAt.toMillis());
  });
  const loaded = computed(() => recent.loaded.value && active.loaded.value);
  const error = computed(() => recent.error.value ?? active.error.value);
  const status = liveStatus([recent, active]);

  return {
    requests,
    loaded,
    error,
    status,
    locationIds,
  };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useLocationRequestsStore, import.meta.hot));
