// Rebuilds a location's dispatch document from the location, its on-duty roster and those people's devices and locales.
import { FieldValue, type DocumentSnapshot, type Timestamp, type Transaction, db, reachRefs, readDoc, readQuery, refs } from '../firestore';
import type { Dispatch, Location, TimestampLike } from '@sos/model';
import { logs } from '../logs';
import { localeOf } from '../notify/texts';
import { buildDispatch, verifiedContacts } from './dispatchDoc';

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
    const dispatch = await readDispatchSources(tx, location, locationId);
    tx.set(refs.dispatch(locationId), dispatch);
    logs.dispatchRebuilt(locationId, dispatch.recipientUids.length);
    return dispatch;
  });
}

/**
 * The location's dispatch document as `tx` reads it; when it does not exist yet (a location whose triggers have not
 * run), it is built from its sources and written in the same transaction. Null when the location does not exist.
 */
export async function readDispatch(
  tx: Transaction,
  locationId: string,
  snapshot?: DocumentSnapshot<Dispatch<Timestamp>>,
): Promise<Dispatch<TimestampLike | FieldValue> | null> {
  const current = (snapshot ?? (await tx.get(refs.dispatch(locationId)))).data();
  if (current) return current;
  const location = (await tx.get(refs.location(locationId))).data();
  if (!location) return null;
  const built = await readDispatchSources(tx, location, locationId);
  tx.set(refs.dispatch(locationId), built);
  return built;
}

/** Rebuilds every dispatch document that lists `uid` (on duty there, or admin): their devices or locale changed. */
export async function rebuildDispatchesListing(uid: string): Promise<void> {
  const listed = await readQuery(refs.dispatches(), (all) => all.where('recipientUids', 'array-contains', uid));
  await Promise.all(listed.docs.map((doc) => rebuildDispatch(doc.id)));
}

/** The dispatch document outside a transaction (a replay's resumption); rebuilt when it does not exist yet. */
export async function readDispatchNow(locationId: string): Promise<Dispatch<TimestampLike | FieldValue> | null> {
  return (await readDoc(refs.dispatch(locationId))).data() ?? (await rebuildDispatch(locationId));
}

/** The on-duty roster, and the devices and locale of every recipient, read in `tx`. */
export async function readDispatchSources(tx: Transaction, location: Location, locationId: string): Promise<DispatchWrite> {
  const onDuty = (await tx.get(refs.staff(locationId).where('onDuty', '==', true))).docs.map((doc) => ({ uid: doc.id, tier: doc.data().tier }));
  const uids = [...new Set([...onDuty.map((member) => member.uid), ...(location.admins ?? [])])];
  const [devices, profiles, contacts] = await Promise.all([
    Promise.all(uids.map(async (uid) => Object.fromEntries((await tx.get(refs.devices(uid))).docs.map((doc) => [doc.id, doc.data().token])))),
    uids.length > 0 ? tx.getAll(...uids.map((uid) => refs.user(uid))) : Promise.resolve([]),
    Promise.all(uids.map(async (uid) => verifiedContacts((await tx.get(reachRefs.contacts(uid).where('verified', '==', true))).docs))),
  ]);
  const devicesOf = new Map(uids.map((uid, i) => [uid, devices[i] ?? {}]));
  const contactsOf = new Map(uids.map((uid, i) => [uid, contacts[i] ?? []]));
  const locales = new Map(uids.map((uid, i) => [uid, profiles[i]?.data()?.locale]));
  return {
    ...buildDispatch(
      location,
      onDuty,
      (uid) => devicesOf.get(uid) ?? {},
      (uid) => localeOf(locales.get(uid)),
      (uid) => contactsOf.get(uid) ?? [],
    ),
    rebuiltAt: FieldValue.serverTimestamp(),
  };
}
