// Live Firestore state for components (the vuefire idea, kept small): a snapshot listener that
// follows its source, stops when the component unmounts, and says whether data is still local.
import { onScopeDispose, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { onSnapshot, type DocumentReference, type FirestoreError, type Query } from 'firebase/firestore';
import type { WithId } from '../firebase/refs';

export function useLiveDocument<T>(source: MaybeRefOrGetter<DocumentReference<T> | null>) {
  const data = shallowRef<T | null>(null);
  const loaded = ref(false);
  const hasPendingWrites = ref(false);
  const fromCache = ref(true);
  const error = shallowRef<FirestoreError | null>(null);
  let stop: (() => void) | null = null;

  watch(
    () => toValue(source)?.path ?? null,
    () => {
      stop?.();
      stop = null;
      data.value = null;
      loaded.value = false;
      error.value = null;
      const reference = toValue(source);
      if (!reference) return;
      stop = onSnapshot(
        reference,
        { includeMetadataChanges: true },
        (snapshot) => {
          data.value = snapshot.exists() ? snapshot.data() : null;
          hasPendingWrites.value = snapshot.metadata.hasPendingWrites;
          fromCache.value = snapshot.metadata.fromCache;
          loaded.value = true;
        },
        (failure) => {
          error.value = failure;
          loaded.value = true;
        },
      );
    },
    { immediate: true },
  );
  onScopeDispose(() => stop?.());
  return { data, loaded, hasPendingWrites, fromCache, error };
}

export type LiveItem<T> = WithId<T> & { pending: boolean };

export function useLiveQuery<T>(source: MaybeRefOrGetter<Query<T> | null>, key: () => string) {
  const items = shallowRef<LiveItem<T>[]>([]);
  const loaded = ref(false);
  const fromCache = ref(true);
  const error = shallowRef<FirestoreError | null>(null);
  let stop: (() => void) | null = null;

  watch(
    key,
    () => {
      stop?.();
      stop = null;
      items.value = [];
      loaded.value = false;
      error.value = null;
      const query = toValue(source);
      if (!query) return;
      stop = onSnapshot(
        query,
        { includeMetadataChanges: true },
        (snapshot) => {
          items.value = snapshot.docs.map((document) => ({
            ...document.data(),
            id: document.id,
            pending: document.metadata.hasPendingWrites,
          }));
          fromCache.value = snapshot.metadata.fromCache;
          loaded.value = true;
        },
        (failure) => {
          error.value = failure;
          loaded.value = true;
        },
      );
    },
    { immediate: true },
  );
  onScopeDispose(() => stop?.());
  return { items, loaded, fromCache, error };
}
