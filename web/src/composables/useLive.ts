// Live Firestore state for components (the vuefire idea, kept small): a snapshot listener that
// follows its source, stops when the component unmounts, and says whether data is still local.
import { onScopeDispose, ref, shallowRef, toValue, watch, type MaybeRefOrGetter, type Ref, type ShallowRef } from 'vue';
import { onSnapshot, type DocumentReference, type FirestoreError, type Query } from 'firebase/firestore';
import type { WithId } from '../firebase/refs';

interface LiveState {
  loaded: Ref<boolean>;
  fromCache: Ref<boolean>;
  error: ShallowRef<FirestoreError | null>;
}

/**
 * The one listener lifecycle: (re)subscribes whenever `key` changes, resets to `reset()` first,
 * and unsubscribes with the scope. `listen` returns the unsubscribe function, or null for no source.
 */
/** Delays before a refused listener is tried again. */
const DENIED_RETRY_MS = [1000, 3000, 8000];

function followSnapshots(
  key: () => string | null,
  reset: () => void,
  listen: (state: LiveState) => (() => void) | null,
): LiveState {
  const state: LiveState = { loaded: ref(false), fromCache: ref(true), error: shallowRef(null) };
  let stop: (() => void) | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let deniedRetries = 0;
  const cancelRetry = () => {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
  };
  watch(
    key,
    () => {
      cancelRetry();
      deniedRetries = 0;
      stop?.();
      reset();
      state.loaded.value = false;
      state.error.value = null;
      stop = listen(state);
    },
    { immediate: true },
  );
  // Right after a token refresh (a join, a new role) the server may still judge a new listener by the old
  // claims: a refused listener is tried again a few times before the refusal stands.
  watch(state.error, (failure) => {
    if (failure?.code !== 'permission-denied' || deniedRetries >= DENIED_RETRY_MS.length) return;
    const delay = DENIED_RETRY_MS[deniedRetries++] ?? 0;
    cancelRetry();
    retryTimer = setTimeout(() => {
      retryTimer = null;
      stop?.();
      state.error.value = null;
      stop = listen(state);
    }, delay);
  });
  onScopeDispose(() => {
    cancelRetry();
    stop?.();
  });
  return state;
}

function failInto(state: LiveState) {
  return (failure: FirestoreError) => {
    state.error.value = failure;
    state.loaded.value = true;
  };
}

export function useLiveDocument<T>(source: MaybeRefOrGetter<DocumentReference<T> | null>) {
  const data = shallowRef<T | null>(null);
  const hasPendingWrites = ref(false);
  const state = followSnapshots(
    () => toValue(source)?.path ?? null,
    () => (data.value = null),
    (live) => {
      const reference = toValue(source);
      if (!reference) return null;
      return onSnapshot(
        reference,
        { includeMetadataChanges: true },
        (snapshot) => {
          data.value = snapshot.exists() ? snapshot.data() : null;
          hasPendingWrites.value = snapshot.metadata.hasPendingWrites;
          live.fromCache.value = snapshot.metadata.fromCache;
          live.loaded.value = true;
        },
        failInto(live),
      );
    },
  );
  return { data, hasPendingWrites, ...state };
}

export type LiveItem<T> = WithId<T> & { pending: boolean };

export function useLiveQuery<T>(source: MaybeRefOrGetter<Query<T> | null>, key: () => string) {
  const items = shallowRef<LiveItem<T>[]>([]);
  const state = followSnapshots(
    key,
    () => (items.value = []),
    (live) => {
      const query = toValue(source);
      if (!query) return null;
      return onSnapshot(
        query,
        { includeMetadataChanges: true },
        (snapshot) => {
          items.value = snapshot.docs.map((document) => ({
            ...document.data(),
            id: document.id,
            pending: document.metadata.hasPendingWrites,
          }));
          live.fromCache.value = snapshot.metadata.fromCache;
          live.loaded.value = true;
        },
        failInto(live),
      );
    },
  );
  return { items, ...state };
}

/**
 * Many documents at once, by id (e.g. every location a staff member serves): one listener per id,
 * `loaded` once each has answered.
 */
export function useLiveDocuments<T>(ids: MaybeRefOrGetter<readonly string[]>, reference: (id: string) => DocumentReference<T>) {
  const byId = shallowRef<Record<string, T>>({});
  const state = followSnapshots(
    () => toValue(ids).join(','),
    () => (byId.value = {}),
    (live) => {
      const wanted = [...toValue(ids)];
      if (wanted.length === 0) {
        live.loaded.value = true;
        live.fromCache.value = false;
        return null;
      }
      const answered = new Set<string>();
      const stops = wanted.map((id) =>
        onSnapshot(
          reference(id),
          (snapshot) => {
            const data = snapshot.exists() ? snapshot.data() : null;
            const next = { ...byId.value };
            if (data) next[id] = data;
            else delete next[id];
            byId.value = next;
            answered.add(id);
            live.fromCache.value = snapshot.metadata.fromCache;
            live.loaded.value = answered.size === wanted.length;
          },
          failInto(live),
        ),
      );
      return () => stops.forEach((stop) => stop());
    },
  );
  return { byId, ...state };
}

/**
 * The union of several queries, one listener each (Firestore limits one query to 30 disjunctions,
 * so a long list of locations is split into several queries). Items keep the order of `sources`.
 */
export function useLiveQueries<T>(sources: MaybeRefOrGetter<readonly Query<T>[]>, key: () => string) {
  const items = shallowRef<LiveItem<T>[]>([]);
  const state = followSnapshots(
    key,
    () => (items.value = []),
    (live) => {
      const queries = toValue(sources);
      if (queries.length === 0) {
        live.loaded.value = true;
        live.fromCache.value = false;
        return null;
      }
      const parts: (LiveItem<T>[] | null)[] = queries.map(() => null);
      const cached: boolean[] = queries.map(() => true);
      const stops = queries.map((query, index) =>
        onSnapshot(
          query,
          { includeMetadataChanges: true },
          (snapshot) => {
            parts[index] = snapshot.docs.map((document) => ({
              ...document.data(),
              id: document.id,
              pending: document.metadata.hasPendingWrites,
            }));
            cached[index] = snapshot.metadata.fromCache;
            items.value = parts.flatMap((part) => part ?? []);
            live.fromCache.value = cached.some(Boolean);
            live.loaded.value = parts.every((part) => part !== null);
          },
          failInto(live),
        ),
      );
      return () => stops.forEach((stop) => stop());
    },
  );
  return { items, ...state };
}
