// Thin triggers that keep each wall code's public place current: the code itself, its location, its object and the
// object's children. Retried on failure: a refresh is idempotent.
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import type { Location, LocationObject, QrCode } from '@sos/model';
import { reportingCosts } from '../costs';
import { REGION } from '../params';
import { codeNeedsPlace, locationPlaceChanged, objectPlaceChanges, planLeftBy } from './placeChanges';
import { unpublishUnshownPlan } from './planVisibility';
import { refreshQrPlace, refreshQrPlacesOfChildren, refreshQrPlacesOfLocation } from './refreshQrPlace';

/**
 * A new code (or one whose place went missing) is projected; a code that stopped showing an uploaded plan (revoked,
 * deleted, its place moved off it: its own place write included) may leave that plan private.
 */
export const onQrCodeWritten = onDocumentWritten(
  { document: 'qrCodes/{token}', region: REGION, retry: true },
  reportingCosts(async (event) => {
    const before = event.data?.before.data() as QrCode | undefined;
    const after = event.data?.after.data() as QrCode | undefined;
    const left = planLeftBy(before, after);
    await Promise.all([codeNeedsPlace(before, after) ? refreshQrPlace(event.params.token) : null, left ? unpublishUnshownPlan(left) : null]);
  }),
);

/** Only a change its codes show reads them (a location's admins or alert steps do not). */
export const onLocationPlaceWritten = onDocumentWritten(
  { document: 'locations/{locationId}', region: REGION, retry: true },
  reportingCosts(async (event) => {
    const before = event.data?.before.data() as Location | undefined;
    const after = event.data?.after.data() as Location | undefined;
    if (locationPlaceChanged(before, after)) await refreshQrPlacesOfLocation(event.params.locationId);
  }),
);

/** Only the object's own code and, when its name or plan changed, its children's codes. */
export const onObjectPlaceWritten = onDocumentWritten(
  { document: 'locations/{locationId}/objects/{objectId}', region: REGION, retry: true },
  reportingCosts(async (event) => {
    const { locationId, objectId } = event.params;
    const changes = objectPlaceChanges(event.data?.before.data() as LocationObject | undefined, event.data?.after.data() as LocationObject | undefined);
    await Promise.all([changes.ownCode ? refreshQrPlace(changes.ownCode) : null, changes.children ? refreshQrPlacesOfChildren(locationId, objectId) : null]);
  }),
);
