// Which codes a write changes the place of (pure): so an edit refreshes only the codes that show it.
import { isDeepStrictEqual } from 'node:util';
import { isUploadedPlan, qrPlaceOfLocation, type Location, type LocationObject, type QrCode, type QrPlace, type UploadedPlan } from '@sos/model';

/** A code needs its place (re)projected when it is new or repointed, or its place is missing (a seed's `set`, data from before). */
export function codeNeedsPlace(before: QrCode | undefined, after: QrCode | undefined): boolean {
  if (after?.active !== true) return false;
  return after.place === undefined || before?.locationId !== after.locationId || before.objectId !== after.objectId;
}

/** Whether a location write changes what every code of it shows (its admins, alert steps or timers do not). */
export function locationPlaceChanged(before: Location | undefined, after: Location | undefined): boolean {
  if (!before || !after) return before !== after;
  return !isDeepStrictEqual(qrPlaceOfLocation(before), qrPlaceOfLocation(after));
}

export interface ObjectPlaceChanges {
  /** The object's own code, when what it shows of the object changed (its name, position, parent, or the code itself). */
  ownCode: string | null;
  /** Whether its children's codes change too: they show its name and plan. */
  children: boolean;
}

export function objectPlaceChanges(before: LocationObject | undefined, after: LocationObject | undefined): ObjectPlaceChanges {
  const token = after?.qrToken ?? before?.qrToken ?? null;
  const own =
    !before ||
    !after ||
    before.name !== after.name ||
    !isDeepStrictEqual(before.position ?? null, after.position ?? null) ||
    before.parentId !== after.parentId ||
    before.qrToken !== after.qrToken;
  const children = before !== undefined && (!after || before.name !== after.name || !isDeepStrictEqual(before.plan ?? null, after.plan ?? null));
  return { ownCode: own ? token : null, children };
}

/** Whether the stored place differs from the one just built: a replay, or a write that changes nothing shown, writes nothing. */
export const placeDiffers = (stored: QrPlace | null | undefined, built: QrPlace | null): boolean => stored === undefined || !isDeepStrictEqual(stored, built);

/** The uploaded plan a code's place shows, if any: while the code is active, anyone may read that plan. */
export function shownPlanOf(code: Pick<QrCode, 'active' | 'place'> | undefined): UploadedPlan | null {
  const plan = code?.active === true ? code.place?.plan : null;
  return plan && isUploadedPlan(plan) ? { locationId: plan.locationId, planId: plan.planId, width: plan.width, height: plan.height } : null;
}

/** The uploaded plan a code stopped showing with this write (revoked, deleted, or its place moved off it), if any. */
export function planLeftBy(before: QrCode | undefined, after: QrCode | undefined): UploadedPlan | null {
  const left = shownPlanOf(before);
  if (!left) return null;
  const now = shownPlanOf(after);
  return now && now.locationId === left.locationId && now.planId === left.planId ? null : left;
}
