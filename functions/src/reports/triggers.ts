// Thin Firestore trigger for the daily rollups: parse the audit event, hand over.
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import type { SosEvent } from '@sos/model';
import type { Timestamp } from '../firestore';
import { reportingCosts } from '../costs';
import { REGION } from '../params';
import { countEventInRollup } from './countEvent';

// On creation only: an event rewritten under its fixed id (a replayed transition) is not a new event. Retried on
// failure: counting is exactly once (countEvent.ts).
export const onSosEventCreated = onDocumentCreated(
  { document: 'sosRequests/{requestId}/events/{eventId}', region: REGION, retry: true },
  reportingCosts(async (event) => {
    const data = event.data?.data() as SosEvent<Timestamp> | undefined;
    if (!data) return;
    await countEventInRollup(event.params.requestId, event.params.eventId, data);
  }),
);
