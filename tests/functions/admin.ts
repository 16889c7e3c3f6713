// Admin-SDK inspection for the functions suites: snapshot-listener waits, never fixed sleeps.
import type { DocumentReference, Query, QueryDocumentSnapshot, Timestamp } from 'firebase-admin/firestore';
import type { SosRequest } from '@sos/model';
import { refs } from '../../functions/src/firestore';
import { waitFor } from '../helpers/emulators';

/** Waits until the document's data satisfies `check` (undefined while it does not exist). */
export function waitForDoc<T>(
  ref: DocumentReference<T>,
  check: (data: T | undefined) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<T | undefined> {
  return waitFor<T | undefined>((next, fail) => ref.onSnapshot((snap) => next(snap.data()), fail), check, timeoutMs, what);
}

/** Waits until the query's documents satisfy `check`. */
export function waitForQuery<T>(
  query: Query<T>,
  check: (docs: QueryDocumentSnapshot<T>[]) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<QueryDocumentSnapshot<T>[]> {
  return waitFor((next, fail) => query.onSnapshot((snap) => next(snap.docs), fail), check, timeoutMs, what);
}

/** Waits for the trigger to take the request out of `new`. */
export async function waitProcessed(requestId: string, timeoutMs = 15_000): Promise<SosRequest<Timestamp>> {
  const data = await waitForDoc(refs.sosRequest(requestId), (r) => r !== undefined && r.status !== 'new', `request ${requestId} processed`, timeoutMs);
  if (!data) throw new Error(`request ${requestId} vanished`);
  return data;
}

/** Ids and update times of a request's audit events: equal before and after a replay means nothing changed. */
export async function eventFingerprint(requestId: string): Promise<string[]> {
  const snap = await refs.events(requestId).get();
  return snap.docs.map((d) => `${d.id}@${d.updateTime.toMillis()}`).sort();
}
