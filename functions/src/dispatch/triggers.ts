// Thin triggers that keep each location's dispatch document current: the location, its roster, its people's devices
// (their locales: people/triggers.ts).
// Retried on failure: a rebuild is idempotent.
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { reportingCosts } from '../costs';
import { REGION } from '../params';
import { rebuildDispatch, rebuildDispatchesListing } from './rebuildDispatch';

export const onLocationWritten = onDocumentWritten(
  { document: 'locations/{locationId}', region: REGION, retry: true },
  reportingCosts(async (event) => {
    await rebuildDispatch(event.params.locationId);
  }),
);

export const onStaffMemberWritten = onDocumentWritten(
  { document: 'locations/{locationId}/staff/{uid}', region: REGION, retry: true },
  reportingCosts(async (event) => {
    await rebuildDispatch(event.params.locationId);
  }),
);

/** A device matters to the locations whose dispatch already lists its owner (on duty there, or admin). */
export const onDeviceWritten = onDocumentWritten(
  { document: 'users/{uid}/devices/{deviceId}', region: REGION, retry: true },
  reportingCosts(async (event) => {
    await rebuildDispatchesListing(event.params.uid);
  }),
);

/** A contact method matters to the locations whose dispatch lists its owner: alert steps read it from there, so adding, verifying or removing one takes effect at once. */
export const onContactWritten = onDocumentWritten(
  { document: 'users/{uid}/contacts/{contactId}', region: REGION, retry: true },
  reportingCosts(async (event) => {
    await rebuildDispatchesListing(event.params.uid);
  }),
);
