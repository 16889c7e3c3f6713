// Thin Firestore triggers for sosRequests: parse the event, hand over to the logic modules.
import { onDocumentCreated, onDocumentUpdated } from 'firebase-functions/v2/firestore';
import type { Timestamp } from '../firestore';
import type { SosRequest } from '@sos/model';
import { processNewRequest } from './processNewRequest';
import { handleSosRequestUpdate } from './handleSosRequestUpdate';
import { reportingCosts } from '../costs';
import { MIN_INSTANCES, REGION } from '../params';

// On a new request's path: a warm instance; retried on failure (the handlers are idempotent).
export const onSosRequestCreated = onDocumentCreated(
  { document: 'sosRequests/{requestId}', region: REGION, retry: true, minInstances: MIN_INSTANCES },
  reportingCosts(async (event) => {
    await processNewRequest(event.params.requestId, event.data?.data() as SosRequest<Timestamp> | undefined);
  }),
);

export const onSosRequestUpdated = onDocumentUpdated(
  { document: 'sosRequests/{requestId}', region: REGION, retry: true, minInstances: MIN_INSTANCES },
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
