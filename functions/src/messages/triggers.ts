// Thin Firestore trigger for messages: parse the event, hand over.
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import type { Timestamp } from '../firestore';
import type { SosMessage } from '@sos/model';
import { reportingCosts } from '../costs';
import { recordMessage } from './recordMessage';
import { REGION } from '../params';

// Retried on failure (recording and pushing are idempotent).
export const onSosMessageCreated = onDocumentCreated(
  { document: 'sosRequests/{requestId}/messages/{messageId}', region: REGION, retry: true },
  reportingCosts(async (event) => {
    const message = event.data?.data() as SosMessage<Timestamp> | undefined;
    if (!message) return;
    await recordMessage(event.params.requestId, event.params.messageId, message);
  }),
);
