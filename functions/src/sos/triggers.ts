// Thin triggers for sosRequests: parse the event, hand over to the logic modules. The create trigger opens a request;
// the second path (secondPath.ts) opens it when that trigger did not: a schedule, and a callable for the requester.
import { onDocumentCreated, onDocumentUpdated } from 'firebase-functions/v2/firestore';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import type { Timestamp } from '../firestore';
import { effectsOf, type SosRequest } from '@sos/model';
import { processNewRequest } from './processNewRequest';
import { recordEmergencyServicesCall, recordTransition } from './recordTransition';
import { runTransitionEffects } from '../response/respondToTransition';
import { reportingCosts } from '../costs';
import { MIN_INSTANCES, REGION } from '../params';
import { logs } from '../logs';
import { personCallables } from '../callables';
import { OpenRefused, openMyRequest as openRequestOf, sweepStuckRequests as sweep } from './secondPath';

// On a new request's path: a warm instance; retried on failure (the handlers are idempotent).
export const onSosRequestCreated = onDocumentCreated(
  { document: 'sosRequests/{requestId}', region: REGION, retry: true, minInstances: MIN_INSTANCES },
  reportingCosts(async (event) => {
    await processNewRequest(event.params.requestId, { created: event.data?.data() as SosRequest<Timestamp> | undefined });
  }),
);

// A status change: the resident's order mirror and audit event, and what the lifecycle row says to do after it; the
// requester's call to the emergency services: its audit event. Independent of each other, all idempotent.
export const onSosRequestUpdated = onDocumentUpdated(
  { document: 'sosRequests/{requestId}', region: REGION, retry: true, minInstances: MIN_INSTANCES },
  reportingCosts(async (event) => {
    const change = event.data;
    if (!change) return;
    const { requestId } = event.params;
    const before = change.before.data() as SosRequest<Timestamp>;
    const after = change.after.data() as SosRequest<Timestamp>;
    const results = await Promise.allSettled([
      recordTransition(requestId, before, after, change.after.updateTime),
      runTransitionEffects(requestId, effectsOf(before.status, after.status), after),
      recordEmergencyServicesCall(requestId, before, after),
    ]);
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) {
      logs.transitionEffectsFailed(requestId, after.status, failed.reason);
      throw failed.reason;
    }
  }),
);

// Every minute: requests still `new` 30 s after they were made, and open ones whose escalation never started.
export const sweepStuckRequests = onSchedule(
  // A busy minute (hundreds of requests left behind at once) takes longer than the default minute to sweep.
  { schedule: 'every 1 minutes', region: REGION, retryCount: 0, timeoutSeconds: 300 },
  reportingCosts(async () => {
    await sweep();
  }),
);

// The requester's app, when its request is still `new` 10 s after the tap. Visitors (anonymous accounts) may call it.
const callable = personCallables({ Refused: OpenRefused, logRefused: logs.openRefused, visitorsToo: true });
export const openMyRequest = callable('openMyRequest', (uid, request) => openRequestOf(uid, (request.data as { requestId?: unknown } | null)?.requestId));
