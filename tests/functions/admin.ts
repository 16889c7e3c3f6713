// Admin-SDK inspection for the functions suites: snapshot-listener waits, never fixed sleeps.
import { initializeApp } from 'firebase-admin/app';
import { getFirestore, type DocumentReference, type Query, type QueryDocumentSnapshot, type Timestamp } from 'firebase-admin/firestore';
import type { SosRequest } from '@sos/model';
import { refs } from '../../functions/src/firestore';
import { PROJECT_ID, waitFor } from '../helpers/emulators';

/**
 * The rechecks' own Firestore client, on REST (a plain HTTP request per read) instead of the gRPC channel the listeners
 * and the tests' other calls share: once, on 2 cores busy with the rules, the type check and the lint, a wait saw
 * neither a snapshot nor a read of the escalation rounds the functions had committed (their log said so) for 45 s.
 */
const recheckDb = getFirestore(initializeApp({ projectId: PROJECT_ID }, 'recheck'));
recheckDb.settings({ preferRest: true });

/**
 * A snapshot listener, plus a read of the same state every second: the Firestore emulator's watch
 * loses a write committed while a listener is being added (measured: 15 to 26 of 300 Admin SDK
 * listeners beside a write never saw it; see CONTRIBUTING.md), and a lost write must not pass for
 * "the trigger never ran". Either way the test waits for the state, not for a time.
 */
function listenAndRecheck<T>(listen: (next: (value: T) => void, fail: (error: Error) => void) => () => void, read: () => Promise<T>) {
  return (next: (value: T) => void, fail: (error: Error) => void) => {
    const stop = listen(next, fail);
    const timer = setInterval(() => void read().then(next, () => undefined), 1000);
    return () => {
      clearInterval(timer);
      stop();
    };
  };
}

/** Waits until the document's data satisfies `check` (undefined while it does not exist). */
export function waitForDoc<T>(ref: DocumentReference<T>, check: (data: T | undefined) => boolean, what: string, timeoutMs = 30_000): Promise<T | undefined> {
  return waitFor<T | undefined>(
    listenAndRecheck(
      (next, fail) => ref.onSnapshot((snap) => next(snap.data()), fail),
      // The refs' converter only casts (functions/src/firestore.ts): the REST client's data is the same.
      async () => (await recheckDb.doc(ref.path).get()).data() as T | undefined,
    ),
    check,
    timeoutMs,
    what,
  );
}

/** Waits until the query's documents satisfy `check`. */
export function waitForQuery<T>(
  query: Query<T>,
  check: (docs: QueryDocumentSnapshot<T>[]) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<QueryDocumentSnapshot<T>[]> {
  return waitFor(
    listenAndRecheck(
      (next, fail) => query.onSnapshot((snap) => next(snap.docs), fail),
      async () => (await query.get()).docs,
    ),
    check,
    timeoutMs,
    what,
  );
}

/** Waits for the trigger to take the request out of `new`. */
export async function waitProcessed(requestId: string, timeoutMs = 30_000): Promise<SosRequest<Timestamp>> {
  const data = await waitForDoc(refs.sosRequest(requestId), (r) => r !== undefined && r.status !== 'new', `request ${requestId} processed`, timeoutMs);
  if (!data) throw new Error(`request ${requestId} vanished`);
  return data;
}

/** Ids and update times of a request's audit events: equal before and after a replay means nothing changed. */
export async function eventFingerprint(requestId: string): Promise<string[]> {
  const snap = await refs.events(requestId).get();
  return snap.docs.map((d) => `${d.id}@${d.updateTime.toMillis()}`).sort();
}

const UNKNOWN = 2;
const ABORTED = 10;

/**
 * Runs an Admin SDK write again when the emulator answers UNKNOWN or ABORTED: its pessimistic
 * locks make a write that meets a trigger's transaction on the same document fail that way
 * (firebase/quickstart-nodejs#64); production Firestore retries contention itself.
 */
export async function writeDespiteEmulatorLocks<T>(write: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const code = (error as { code?: number }).code;
      if (attempt >= attempts || (code !== UNKNOWN && code !== ABORTED)) throw error;
    }
  }
}
