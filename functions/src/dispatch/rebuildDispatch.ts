// Rebuilds a location's dispatch document from the location, its roster, shifts and overrides, and its people's devices,
// locales and contact methods.
import { FieldValue, Timestamp, type DocumentSnapshot, type Transaction, db, reachRefs, readDoc, readQuery, refs, shiftRefs } from '../firestore';
import type { Dispatch, Location, TimestampLike } from '@sos/model';
import { logs } from '../logs';
import { localeOf } from '../notify/texts';
import { buildDispatch, dutyOf, verifiedContacts } from './dispatchDoc';

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

/** Rebuilds every dispatch document that lists `uid` (on its roster, or admin): their devices, contacts or locale changed. */
export async function rebuildDispatchesListing(uid: string): Promise<void> {
  const listed = await readQuery(refs.dispatches(), (all) => all.where('recipientUids', 'array-contains', uid));
  await Promise.all(listed.docs.map((doc) => rebuildDispatch(doc.id)));
}

/** The dispatch document outside a transaction (a replay's resumption); rebuilt when it does not exist yet. */
export async function readDispatchNow(locationId: string): Promise<Dispatch<TimestampLike | FieldValue> | null> {
  return (await readDoc(refs.dispatch(locationId))).data() ?? (await rebuildDispatch(locationId));
}

/**
 * The roster, shifts and overrides not yet ended, and the devices, locale and verified contact methods of everyone on
 * the roster (any of them may be on duty at an instant to come) and of the admins, read in `tx`.
 */
export async function readDispatchSources(tx: Transaction, location: Location, locationId: string): Promise<DispatchWrite> {
  const nowMillis = Date.now();
  const [staff, shifts, overrides] = await Promise.all([
    tx.get(refs.staff(locationId)),
    tx.get(shiftRefs.shifts(locationId)),
    tx.get(shiftRefs.overrides(locationId).where('end', '>', Timestamp.fromMillis(nowMillis))),
  ]);
  const duty = dutyOf(
    staff.docs.map((doc) => ({ uid: doc.id, member: doc.data() })),
    shifts.docs.map((doc) => doc.data()),
    overrides.docs.map((doc) => doc.data()),
    nowMillis,
  );
  const uids = [...new Set([...Object.keys(duty.roster), ...(location.admins ?? [])])];
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
      duty,
      (uid) => devicesOf.get(uid) ?? {},
      (uid) => localeOf(locales.get(uid)),
      (uid) => contactsOf.get(uid) ?? [],
    ),
    rebuiltAt: FieldValue.serverTimestamp(),
  };
}
