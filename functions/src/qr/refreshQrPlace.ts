// Keeps each code's place (`qrCodes/{token}.place`) in step with its location, object and the object's parent.
import { db, readAllIn, readQuery, refs } from '../firestore';
import { qrPlaceOf } from '@sos/model';
import { logs } from '../logs';
import { placeDiffers, shownPlanOf } from './placeChanges';
import { publishPlanIn } from './planVisibility';

/**
 * Re-projects one code in one transaction, so a location and an object edit racing cannot leave the older place
 * behind, and makes an uploaded plan it shows readable by its visitors in the same transaction. Idempotent: a revoked
 * or unknown code, or a place already as built (its plan already public), is left as it is (no write).
 */
export async function refreshQrPlace(token: string): Promise<boolean> {
  return db.runTransaction(async (tx) => {
    const code = (await tx.get(refs.qrCode(token))).data();
    if (code?.active !== true) return false;
    const [locationSnap, objectSnap] = await readAllIn(tx, refs.location(code.locationId), refs.object(code.locationId, code.objectId));
    const object = objectSnap.data();
    const parent = object?.parentId ? (await tx.get(refs.object(code.locationId, object.parentId))).data() : undefined;
    const place = qrPlaceOf(locationSnap.data(), object, parent);
    const shown = shownPlanOf({ active: true, place });
    const before = shownPlanOf(code);
    const publishPlan = shown ? await publishPlanIn(tx, shown, before?.planId !== shown.planId || before.locationId !== shown.locationId) : null;
    publishPlan?.();
    if (!placeDiffers(code.place, place)) return false;
    tx.update(refs.qrCode(token), { place });
    logs.qrPlaceProjected(token, code.locationId, place !== null);
    return true;
  });
}

/** Every active code of a location: its name, phone, clock, kinds or emergency number changed. */
export async function refreshQrPlacesOfLocation(locationId: string): Promise<void> {
  const codes = await readQuery(refs.qrCodes(), (all) => all.where('locationId', '==', locationId).where('active', '==', true));
  await Promise.all(codes.docs.map((doc) => refreshQrPlace(doc.id)));
}

/** The codes of an object's children: they show its name and plan. */
export async function refreshQrPlacesOfChildren(locationId: string, objectId: string): Promise<void> {
  const children = await readQuery(refs.objects(locationId), (all) => all.where('parentId', '==', objectId));
  const tokens = children.docs.flatMap((doc) => doc.data().qrToken ?? []);
  await Promise.all(tokens.map((token) => refreshQrPlace(token)));
}

/** Every active code, a few at a time (a backfill of codes issued before places were projected); how many were written. */
export async function refreshAllQrPlaces(): Promise<number> {
  const codes = await readQuery(refs.qrCodes(), (all) => all.where('active', '==', true));
  let written = 0;
  for (let start = 0; start < codes.docs.length; start += BACKFILL_AT_ONCE) {
    const chunk = codes.docs.slice(start, start + BACKFILL_AT_ONCE);
    written += (await Promise.all(chunk.map((doc) => refreshQrPlace(doc.id)))).filter(Boolean).length;
  }
  return written;
}

const BACKFILL_AT_ONCE = 20;
