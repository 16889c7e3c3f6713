// Thin Firestore triggers for sosRequests: parse the event, hand over to the logic modules.
import { onDocumentCreated, onDocumentUpdated } from 'firebase-functions/v2/firestore';
import type { Timestamp } from '../firestore';
import { effectsOf, type SosRequest } from '@sos/model';
import { processNewRequest } from './processNewRequest';
import { recordTransition } from './recordTransition';
import { runTransitionEffects } from '../response/respondToTransition';
import { reportingCosts } from '../costs';
import { MIN_INSTANCES, REGION } from '../params';

// On a new request's path: a warm instance; retried on failure (the handlers are idempotent).
export const onSosRequestCreated = onDocumentCreated(
  { document: 'sosRequests/{requestId}', region: REGION, retry: true, minInstances: MIN_INSTANCES },
  reportingCosts(async (event) => {
    await processNewRequest(event.params.requestId, event.data?.data() as SosRequest<Timestamp> | undefined);
  }),
);

// A status change: the resident's order mirror and audit event, and what the lifecycle row says to do after it.
// Independent of each other, both idempotent.
export const onSosRequestUpdated = onDocumentUpdated(
  { document: 'sosRequests/{requestId}', region: REGION, retry: true, minInstances: MIN_INSTANCES },
  reportingCosts(async (event) => {
    const change = event.data;
    if (!change) return;
    const { requestId } = event.params;
    const before = change.before.data() as SosRequest<Timestamp>;
    const after = change.after.data() as SosRequest<Timestamp>;
    await Promise.all([
      recordTransition(requestId, before, after, change.after.updateTime),
      runTransitionEffects(requestId, effectsOf(before.status, after.status), after),
    ]);
  }),
);
