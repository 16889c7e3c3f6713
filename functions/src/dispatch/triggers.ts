// Thin triggers that keep each location's dispatch document current: the location, its roster, its people's devices.
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { readQuery, refs } from '../firestore';
import { reportingCosts } from '../costs';
import { rebuildDispatch } from './rebuildDispatch';

export const onLocationWritten = onDocumentWritten(
  'locations/{locationId}',
  reportingCosts(async (event) => {
    await rebuildDispatch(event.params.locationId);
  }),
);

export const onStaffMemberWritten = onDocumentWritten(
  'locations/{locationId}/staff/{uid}',
  reportingCosts(async (event) => {
    await rebuildDispatch(event.params.locationId);
  }),
);

/** A device matters to the locations whose dispatch already lists its owner (on duty there, or admin). */
export const onDeviceWritten = onDocumentWritten(
  'users/{uid}/devices/{deviceId}',
  reportingCosts(async (event) => {
    const listed = await readQuery(refs.dispatches(), (all) => all.where('recipientUids', 'array-contains', event.params.uid));
    await Promise.all(listed.docs.map((doc) => rebuildDispatch(doc.id)));
  }),
);
