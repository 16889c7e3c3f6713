// Snapshot listeners that make up for a defect of the Firestore emulator (production Firestore does not have it).
//
// The emulator's watch misses a write that commits while a listener is being added: the listener's first answer
// shows the state before that write, and nothing follows until the document changes again. Measured with two
// Admin SDK clients on 2 busy cores: 15 to 26 of 300 listeners added beside a write never saw it; 0 of 300 added
// before the write. In the app this showed as a resident told «Заявка не найдена» for the request they had just
// made (the listener was added beside the request's own write), or a screen that stayed on a state the server had
// left (a trigger wrote as the screen's listener was added).
//
// Nor is it only the moment a listener is added: a listener added beside its own write has been seen to keep the
// acknowledged write "pending" for good (the watch never confirmed it), and under load the emulator has garbled a
// Listen stream to the web SDK in Node (a gRPC message "larger than max" of 3.6 GB: text read as a length).
//
// The web SDK cannot read past its own listeners (getDocFromServer answers from the same listener), and nothing
// tells a listener that it missed something. So, on the emulators only, each listener listens again from time to
// time once the server has answered it: a new listener gets the current state. Production listeners are left alone.
import {
  onSnapshot,
  type DocumentReference,
  type DocumentSnapshot,
  type FirestoreError,
  type Query,
  type QuerySnapshot,
  type Unsubscribe,
} from 'firebase/firestore';

const WITH_METADATA = { includeMetadataChanges: true };

type Next<S> = (snapshot: S) => void;
type Fail = (failure: FirestoreError) => void;

/** On the emulators: listen again this long after the server's first answer, then every RELISTEN_EVERY_MS. */
export const RELISTEN_FIRST_MS = 1000;
export const RELISTEN_EVERY_MS = 10_000;

/** Whether to listen again from time to time (the emulators). */
export interface ListenOptions {
  relisten: boolean;
}

/**
 * One listener started by `listen`; asked to, it listens again RELISTEN_FIRST_MS after the server first answered it,
 * then every RELISTEN_EVERY_MS. An answer with this device's write still unconfirmed counts: an acknowledged write
 * stays "pending" until the listener hears of it, which a listener that missed it never does.
 * Listening again is not seen: until the server answers the new listener, its answers from the device's cache are
 * held back (what is shown was confirmed already; passing them on would show «Загрузка…» every 10 s), unless they
 * carry a write of this device, which must show at once.
 */
export function relisteningListener<S extends DocumentSnapshot<unknown> | QuerySnapshot<unknown>>(
  listen: (next: Next<S>, fail: Fail) => Unsubscribe,
  next: Next<S>,
  fail: Fail,
  options: ListenOptions,
): Unsubscribe {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let relistens = 0;
  let awaitingServer = false;
  let stopped = false;
  const relisten = () => {
    timer = null;
    relistens++;
    awaitingServer = true;
    // The old listener goes first: beside it, the SDK would share its target and not ask the server again.
    stop();
    stop = listen(answer, fail);
  };
  const answer = (snapshot: S) => {
    if (stopped) return;
    const { fromCache, hasPendingWrites } = snapshot.metadata;
    if (awaitingServer && fromCache && !hasPendingWrites) return;
    if (!fromCache) awaitingServer = false;
    next(snapshot);
    if (!options.relisten || timer || fromCache) return;
    timer = setTimeout(relisten, relistens === 0 ? RELISTEN_FIRST_MS : RELISTEN_EVERY_MS);
  };
  let stop = listen(answer, fail);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = null;
    stop();
  };
}

/** A document listener (with metadata changes), listening again as above when asked. */
export function listenToDocument<T>(reference: DocumentReference<T>, next: Next<DocumentSnapshot<T>>, fail: Fail, options: ListenOptions): Unsubscribe {
  return relisteningListener<DocumentSnapshot<T>>((answer, failed) => onSnapshot(reference, WITH_METADATA, answer, failed), next, fail, options);
}

/** A query listener (with metadata changes), listening again as above when asked. */
export function listenToQuery<T>(query: Query<T>, next: Next<QuerySnapshot<T>>, fail: Fail, options: ListenOptions): Unsubscribe {
  return relisteningListener<QuerySnapshot<T>>((answer, failed) => onSnapshot(query, WITH_METADATA, answer, failed), next, fail, options);
}
