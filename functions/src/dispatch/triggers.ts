// Thin triggers that keep each location's dispatch document current: the location, its roster, shifts and overrides,
// its people's devices and contact methods (their locales: people/triggers.ts).
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

/** Duty is computed from the shifts at the instant a reader needs it: the document holds them all. */
export const onShiftWritten = onDocumentWritten(
  { document: 'locations/{locationId}/shifts/{shiftId}', region: REGION, retry: true },
  reportingCosts(async (event) => {
    await rebuildDispatch(event.params.locationId);
  }),
);

/** The document holds the overrides that have not ended. */
export const onOverrideWritten = onDocumentWritten(
  { document: 'locations/{locationId}/overrides/{overrideId}', region: REGION, retry: true },
  reportingCosts(async (event) => {
    await rebuildDispatch(event.params.locationId);
  }),
);

/** A device matters to the locations whose dispatch already lists its owner (on the roster there, or admin). */
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
