// Thin Firestore triggers for sosRequests: parse the event, hand over to the logic modules.
import { onDocumentCreated, onDocumentUpdated } from 'firebase-functions/v2/firestore';
import type { Timestamp } from 'firebase-admin/firestore';
import type { SosRequest } from '@sos/model';
import { processNewRequest } from './processNewRequest';
import { handleSosRequestUpdate } from './handleSosRequestUpdate';
import { reportingCosts } from '../costs';

export const onSosRequestCreated = onDocumentCreated(
  'sosRequests/{requestId}',
  reportingCosts(async (event) => {
    await processNewRequest(event.params.requestId, event.data?.data() as SosRequest<Timestamp> | undefined);
  }),
);

export const onSosRequestUpdated = onDocumentUpdated(
  'sosRequests/{requestId}',
  reportingCosts(async (event) => {
    const change = event.data;
    if (!change) return;
    await handleSosRequestUpdate(
      event.params.requestId,
      change.before.data() as SosRequest<Timestamp>,
      change.after.data() as SosRequest<Timestamp>,
      change.after.updateTime,
    );
  }),
);
