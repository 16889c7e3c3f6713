// Live Firestore state for components (the vuefire idea, kept small): snapshot listeners that follow
// their sources, stop when the component unmounts, and say whether what is shown is still local.
//
// One implementation for every shape (a document, a query, many documents, many queries), with one meaning:
// - sources `null`: nothing to listen to yet (e.g. not signed in): not loaded, nothing confirmed;
// - sources `[]`: known to be nothing: loaded and confirmed at once;
// - `loaded`: every source has answered (or one failed); `fromCache`: some source has not been confirmed
//   by the server yet; `stalled`: that has lasted STALL_MS; `error`: the first refusal.
import { onScopeDispose, ref, shallowRef, toValue, watch, type MaybeRefOrGetter, type Ref, type ShallowRef } from 'vue';
import type { DocumentReference, FirestoreError, Query, SnapshotMetadata } from 'firebase/firestore';
import type { WithId } from '../firebase/refs';
import { usesEmulators } from '../firebase/app';
import { listenToDocument, listenToQuery } from '../firebase/relisteningSnapshots';

interface LiveState {
  loaded: Ref<boolean>;
  fromCache: Ref<boolean>;
  error: ShallowRef<FirestoreError | null>;
  /** No answer from the server for STALL_MS: what is shown (if anything) is only the device's copy. */
  stalled: Ref<boolean>;
  /** Listens again from scratch (the "Повторить" of a failed or stalled screen). */
  retry: () => void;
}

/** Delays before a refused listener is tried again. */
const DENIED_RETRY_MS = [1000, 3000, 8000];
/** How long a listener may go without the server's answer before its screen offers a retry. */
const STALL_MS = 8000;

/** What one source said last. */
interface Answer<P> {
  part: P;
  metadata: SnapshotMetadata;
}

/** Starts one snapshot listener on `source`, reporting each snapshot as its part; returns the unsubscribe. */
type Listen<S, P> = (source: S, answer: (answer: Answer<P>) => void, fail: (failure: FirestoreError) => void) => () => void;

/**
 * The one listener lifecycle: one snapshot listener per source, (re)subscribed whenever `key` changes
 * (`reset` first) or on retry, stopped with the scope. `publish` gets the part of each source in the
 * order of the sources (null for one that has not answered yet).
 */
function followSnapshots<S, P>(
  sources: () => readonly S[] | null,
  key: () => string | null,
  listenOne: Listen<S, P>,
  publish: (parts: readonly (P | null)[]) => void,
  reset: () => void,
): LiveState {
  let stop: (() => void) | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let stallTimer: ReturnType<typeof setTimeout> | null = null;
  let deniedRetries = 0;
  const cancelRetry = () => {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
  };
  const cancelStall = () => {
    if (stallTimer) clearTimeout(stallTimer);
    stallTimer = null;
  };
  // Offline, or with requests that never come back, Firestore answers from the cache (or not at all) and never
  // fails: a listener the server has not confirmed for STALL_MS is reported as stalled.
  const armStall = () => {
    if (stallTimer || !stop) return;
    stallTimer = setTimeout(() => {
      stallTimer = null;
      if (stop && state.fromCache.value) state.stalled.value = true;
    }, STALL_MS);
  };
  const listen = (): (() => void) | null => {
    const wanted = sources();
    if (wanted === null) return null;
    const answers: (Answer<P> | null)[] = wanted.map(() => null);
    const answered = () => {
      publish(answers.map((answer) => answer?.part ?? null));
      state.fromCache.value = answers.some((answer) => answer === null || answer.metadata.fromCache);
      state.loaded.value = answers.every((answer) => answer !== null);
    };
    const stops = wanted.map((source, index) =>
      listenOne(
        source,
        (answer) => {
          answers[index] = answer;
          answered();
        },
        (failure) => {
          state.error.value ??= failure;
          state.loaded.value = true;
        },
      ),
    );
    // Nothing to wait for; otherwise what is shown stays until the first answers (a retry keeps the screen).
    if (wanted.length === 0) answered();
    return () => stops.forEach((stopOne) => stopOne());
  };
  const subscribe = () => {
    cancelRetry();
    cancelStall();
    stop?.();
    state.error.value = null;
    state.stalled.value = false;
    state.fromCache.value = true;
    stop = listen();
    armStall();
  };
  const state: LiveState = {
    loaded: ref(false),
    fromCache: ref(true),
    error: shallowRef(null),
    stalled: ref(false),
    retry: () => {
      deniedRetries = 0;
      subscribe();
    },
  };
  watch(
    key,
    () => {
      deniedRetries = 0;
      stop?.();
      stop = null;
      reset();
      state.loaded.value = false;
      subscribe();
    },
    { immediate: true },
  );
  watch(state.fromCache, (cached) => {
    if (cached) armStall();
    else {
      cancelStall();
      state.stalled.value = false;
    }
  });
  // Right after a token refresh (a join, a new role) the server may still judge a new listener by the old
  // claims: a refused listener is tried again a few times before the refusal stands.
  watch(state.error, (failure) => {
    if (failure?.code !== 'permission-denied' || deniedRetries >= DENIED_RETRY_MS.length) return;
    const delay = DENIED_RETRY_MS[deniedRetries++] ?? 0;
    cancelRetry();
    retryTimer = setTimeout(() => {
      retryTimer = null;
      subscribe();
    }, delay);
  });
  onScopeDispose(() => {
    cancelRetry();
    cancelStall();
    stop?.();
  });
  return state;
}

export type LiveItem<T> = WithId<T> & { pending: boolean };

interface DocumentPart<T> {
  id: string;
  data: T | null;
  pending: boolean;
}

/** On the emulators, listeners listen again from time to time: the emulator loses changes (firebase/relisteningSnapshots.ts). */
const RELISTEN_ON_EMULATORS = { relisten: usesEmulators };

const listenDocument = <T>(reference: DocumentReference<T>, answer: (answer: Answer<DocumentPart<T>>) => void, fail: (failure: FirestoreError) => void) =>
  listenToDocument(
    reference,
    (snapshot) =>
      answer({
        part: { id: snapshot.id, data: snapshot.exists() ? snapshot.data() : null, pending: snapshot.metadata.hasPendingWrites },
        metadata: snapshot.metadata,
      }),
    fail,
    RELISTEN_ON_EMULATORS,
  );

const listenQuery = <T>(query: Query<T>, answer: (answer: Answer<LiveItem<T>[]>) => void, fail: (failure: FirestoreError) => void) =>
  listenToQuery(
    query,
    (snapshot) =>
      answer({
        part: snapshot.docs.map((document) => ({ ...document.data(), id: document.id, pending: document.metadata.hasPendingWrites })),
        metadata: snapshot.metadata,
      }),
    fail,
    RELISTEN_ON_EMULATORS,
  );

/** One document; `hasPendingWrites` says the server has not confirmed this device's last write yet. */
export function useLiveDocument<T>(source: MaybeRefOrGetter<DocumentReference<T> | null>) {
  const data = shallowRef<T | null>(null);
  const hasPendingWrites = ref(false);
  const state = followSnapshots<DocumentReference<T>, DocumentPart<T>>(
    () => {
      const reference = toValue(source);
      return reference ? [reference] : null;
    },
    () => toValue(source)?.path ?? null,
    listenDocument,
    ([part]) => {
      data.value = part?.data ?? null;
      hasPendingWrites.value = part?.pending ?? false;
    },
    () => (data.value = null),
  );
  return { data, hasPendingWrites, ...state };
}

/** One query; `key` names it (a query has no path to compare), so a new key listens anew. */
export function useLiveQuery<T>(source: MaybeRefOrGetter<Query<T> | null>, key: () => string) {
  const items = shallowRef<LiveItem<T>[]>([]);
  const state = followSnapshots<Query<T>, LiveItem<T>[]>(
    () => {
      const query = toValue(source);
      return query ? [query] : null;
    },
    key,
    listenQuery,
    ([part]) => (items.value = part ?? []),
    () => (items.value = []),
  );
  return { items, ...state };
}

/** Many documents at once, by id (e.g. every location a staff member serves): one listener per id. */
export function useLiveDocuments<T>(ids: MaybeRefOrGetter<readonly string[] | null>, reference: (id: string) => DocumentReference<T>) {
  const byId = shallowRef<Record<string, T>>({});
  const state = followSnapshots<DocumentReference<T>, DocumentPart<T>>(
    () => toValue(ids)?.map(reference) ?? null,
    () => toValue(ids)?.join(',') ?? null,
    listenDocument,
    (parts) => {
      const next: Record<string, T> = {};
      for (const part of parts) if (part?.data) next[part.id] = part.data;
      byId.value = next;
    },
    () => (byId.value = {}),
  );
  return { byId, ...state };
}

/**
 * The union of several queries, one listener each (Firestore limits one query to 30 disjunctions,
 * so a long list of locations is split into several queries). Items keep the order of `sources`.
 */
export function useLiveQueries<T>(sources: MaybeRefOrGetter<readonly Query<T>[] | null>, key: () => string) {
  const items = shallowRef<LiveItem<T>[]>([]);
  const state = followSnapshots<Query<T>, LiveItem<T>[]>(
    () => toValue(sources),
    key,
    listenQuery,
    (parts) => (items.value = parts.flatMap((part) => part ?? [])),
    () => (items.value = []),
  );
  return { items, ...state };
}
