// The requests of the locations served, for the staff and admin screens: the live list and one
// request's detail with its audit trail.
import { defineStore, storeToRefs } from 'pinia';
import { computed, toValue, type MaybeRefOrGetter } from 'vue';
import { limit, orderBy, query, where, type Timestamp } from 'firebase/firestore';
import { ACTIVE_STATUSES, type SosRequest } from '@sos/model';
import { refs } from '../firebase/refs';
import { useLiveDocument, useLiveQueries, useLiveQuery, type LiveItem } from '../composables/useLive';
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

  /** One request with its audit trail and push deliveries; listens while the calling screen is open. */
  function liveRequestDetail(requestId: MaybeRefOrGetter<string>) {
    const request = useLiveDocument(() => refs.sosRequest(toValue(requestId)));
    const events = useLiveQuery(
      () => query(refs.events(toValue(requestId)), orderBy('at')),
      () => toValue(requestId),
    );
    // Deliveries are readable by the location's admins only; a denied read leaves the list empty.
    const deliveries = useLiveQuery(
      () => refs.deliveries(toValue(requestId)),
      () => toValue(requestId),
    );
    return { request: request.data, loaded: request.loaded, error: request.error, events, deliveries };
  }

  return {
    requests,
    loaded,
    error,
    locationIds,
    liveRequestDetail,
  };
});
