// The public projection of a wall code (`qrCodes/{token}.place`): what its screen shows, built from the location, the
// object and the object's parent by functions, so a visitor or guest never reads those documents themselves.
import type { Location, LocationObject, QrPlace } from './contract';
import { emergencyNumberOf, offeredKinds } from './kinds';
import { attachPlan } from './plan';

/** The part of a code's place that comes from its location: what a location write may change for all its codes. */
export type QrPlaceOfLocation = Pick<QrPlace, 'locationName' | 'staffPhone' | 'responseMinutes' | 'kinds' | 'emergencyNumber'>;

export function qrPlaceOfLocation(location: Location): QrPlaceOfLocation {
  return {
    locationName: location.name,
    staffPhone: location.staffPhone,
    responseMinutes: location.responseMinutes,
    kinds: offeredKinds(location),
    emergencyNumber: emergencyNumberOf(location),
  };
}

/** The place a code shows; null when its location or object is gone (the screen says the place is missing). */
export function qrPlaceOf(
  location: Location | null | undefined,
  object: LocationObject | null | undefined,
  parent: LocationObject | null | undefined,
): QrPlace | null {
  if (!location || !object) return null;
  return {
    ...qrPlaceOfLocation(location),
    objectName: object.name,
    parentName: parent?.name ?? null,
    plan: attachPlan(object, parent),
  };
}
