// Rebuilds a location's dispatch document from the location, its on-duty roster and those people's devices.
import { FieldValue, type DocumentSnapshot, type Query, type QuerySnapshot, type Timestamp, type Transaction } from 'firebase-admin/firestore';
import type { Dispatch, Location, TimestampLike } from '@sos/model';
import { db, readDoc, refs } from '../firestore';
import { logs } from '../logs';
import { buildDispatch } from './dispatchDoc';

type DispatchWrite = Dispatch<FieldValue>;

/**
 * In one transaction, so two rebuilds racing (a roster change and a device change) cannot leave the older picture
 * behind: whichever commits last read the latest state. Idempotent: a replay writes the same content.
 */
export async function rebuildDispatch(locationId: string): Promise<DispatchWrite | null> {
  return db.runTransaction(async (tx) => {
    const location = (await tx.get(refs.location(locationId))).data();
    if (!location) {
      tx.delete(refs.dispatch(locationId));
      return null;
    }
    const dispatch = await readDispatchSources(location, locationId, (query) => tx.get(query));
    tx.set(refs.dispatch(locationId), dispatch);
    logs.dispatchRebuilt(locationId, dispatch.recipientUids.length);
    return dispatch;
  });
}

/**
 * The location's dispatch document as `tx` reads it; when it does not exist yet (a location whose triggers have not
 * run), it is built from its sources and written in the same transaction. Null when the location does not exist.
 */
export async function readDispatch(tx: Transaction, locationId: string, snapshot?: DocumentSnapshot<Dispatch<Timestamp>>): Promise<Dispatch<TimestampLike | FieldValue> | null> {
  const current = (snapshot ?? (await tx.get(refs.dispatch(locationId)))).data();
  if (current) return current;
  const location = (await tx.get(refs.location(locationId))).data();
  if (!location) return null;
  const built = await readDispatchSources(location, locationId, (query) => tx.get(query));
  tx.set(refs.dispatch(locationId), built);
  return built;
}

/** The dispatch document outside a transaction (a replay's resumption); rebuilt when it does not exist yet. */
export async function readDispatchNow(locationId: string): Promise<Dispatch<TimestampLike | FieldValue> | null> {
  return (await readDoc(refs.dispatch(locationId))).data() ?? (await rebuildDispatch(locationId));
}

type QueryReader = <T>(query: Query<T>) => Promise<QuerySnapshot<T>>;

/** The on-duty roster and the devices of every recipient, read through `read` (a transaction's, usually). */
export async function readDispatchSources(location: Location, locationId: string, read: QueryReader): Promise<DispatchWrite> {
  const onDuty = (await read(refs.staff(locationId).where('onDuty', '==', true))).docs.map((doc) => ({ uid: doc.id, tier: doc.data().tier }));
  const uids = [...new Set([...onDuty.map((member) => member.uid), ...(location.admins ?? [])])];
  const devices = new Map(
    await Promise.all(
      uids.map(async (uid) => {
        const snapshot = await read(refs.devices(uid));
        return [uid, Object.fromEntries(snapshot.docs.map((doc) => [doc.id, doc.data().token]))] as const;
      }),
    ),
  );
  return { ...buildDispatch(location, onDuty, (uid) => devices.get(uid) ?? {}), rebuiltAt: FieldValue.serverTimestamp() };
}
