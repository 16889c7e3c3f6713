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
function followSnapshots(
  key: () => string | null,
  reset: () => void,
  listen: (state: LiveState) => (() => void) | null,
): LiveState {
  const state: LiveState = { loaded: ref(false), fromCache: ref(true), error: shallowRef(null) };
  let stop: (() => void) | null = null;
  watch(
    key,
    () => {
      stop?.();
      reset();
      state.loaded.value = false;
      state.error.value = null;
      stop = listen(state);
    },
    { immediate: true },
  );
  onScopeDispose(() => stop?.());
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
