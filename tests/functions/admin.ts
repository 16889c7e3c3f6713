// Admin-SDK inspection for the functions suites: snapshot-listener waits, never fixed sleeps.
import { GeoPoint, Timestamp, type DocumentReference, type Query, type QueryDocumentSnapshot } from 'firebase-admin/firestore';
import type { SosRequest } from '@sos/model';
import { refs } from '../../functions/src/firestore';
import { EMULATOR_HOSTS, PROJECT_ID, waitFor } from '../helpers/emulators';
import { functionLogAbout } from '../helpers/functionLog';

/** A value of the Firestore REST API (google.firestore.v1.Value). */
type RestValue = Record<string, unknown>;

function fromRest(value: RestValue): unknown {
  if ('mapValue' in value) return fromRestFields((value.mapValue as { fields?: Record<string, RestValue> }).fields);
  if ('arrayValue' in value) return ((value.arrayValue as { values?: RestValue[] }).values ?? []).map(fromRest);
  if ('integerValue' in value) return Number(value.integerValue);
  if ('timestampValue' in value) return timestampFromRest(String(value.timestampValue));
  if ('geoPointValue' in value) {
    const { latitude = 0, longitude = 0 } = value.geoPointValue as { latitude?: number; longitude?: number };
    return new GeoPoint(latitude, longitude);
  }
  if ('nullValue' in value) return null;
  // stringValue, booleanValue, doubleValue as they come; referenceValue and bytesValue stay strings (the Admin SDK
  // would give a DocumentReference and a Buffer): no document a wait reads holds either.
  return Object.values(value)[0];
}

/** RFC 3339 with up to 9 fraction digits (`Date` would keep 3 of them). */
function timestampFromRest(text: string): Timestamp {
  const fraction = /\.(\d+)Z$/.exec(text)?.[1] ?? '';
  const seconds = Math.floor(Date.parse(text.replace(/\.\d+Z$/, 'Z')) / 1000);
  return new Timestamp(seconds, Number(fraction.padEnd(9, '0').slice(0, 9)));
}

function fromRestFields(fields: Record<string, RestValue> = {}): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, fromRest(value)]));
}

/**
 * A document read over the emulator's REST API (a plain HTTP request), apart from the Admin SDK's gRPC channel that
 * the listeners and the tests' other calls share: under load the emulator garbles a gRPC channel (the bench logged
 * `Received message larger than max (2831614234 vs 17825792)`), and once, on 2 cores busy with the rules, the type
 * check and the lint, a wait saw neither a snapshot nor a read of escalation rounds the functions had committed (their
 * log said so) for 45 s. The refs' converter only casts (functions/src/firestore.ts), so the data is the Admin SDK's
 * (restRead.test.ts). Queries (`waitForQuery`) still recheck over gRPC: the REST API's runQuery would need the query
 * rebuilt from its SDK object.
 */
export async function readOverRest<T>(ref: DocumentReference<T>): Promise<T | undefined> {
  const url = `http://${EMULATOR_HOSTS.firestore}/v1/projects/${PROJECT_ID}/databases/(default)/documents/${ref.path}`;
  const response = await fetch(url, { headers: { Authorization: 'Bearer owner' } });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`REST read of ${ref.path}: HTTP ${response.status}`);
  return fromRestFields(((await response.json()) as { fields?: Record<string, RestValue> }).fields) as T;
}

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
  return withFunctionLog(
    ref.path,
    waitFor<T | undefined>(
      listenAndRecheck(
        (next, fail) => ref.onSnapshot((snap) => next(snap.data()), fail),
        () => readOverRest(ref),
      ),
      check,
      timeoutMs,
      what,
    ),
  );
}

/** A timed-out wait on a document says, in its error, what the functions logged about the ids in its path. */
async function withFunctionLog<T>(path: string, wait: Promise<T>): Promise<T> {
  try {
    return await wait;
  } catch (error) {
    const logged = functionLogAbout(path.split('/'));
    if (error instanceof Error && logged) error.message += `\nThe functions' log about ${path}:\n${logged}`;
    throw error;
  }
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

export { writeDespiteEmulatorLocks } from '../helpers/emulatorLocks';
