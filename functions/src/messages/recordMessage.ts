// Effects of a new message: its audit event (who and when, never the text), then the push to the other side.
import { FieldValue, type Timestamp } from 'firebase-admin/firestore';
import type { SosMessage } from '@sos/model';
import { refs } from '../firestore';
import { logs } from '../logs';
import { deliverPushBatch } from '../response/pushBatch';
import { readOnDutyRoster } from '../response/roster';
import { messageAudience, messagePushMessage, needsRoster } from './messageNotice';

const ALREADY_EXISTS = 6;

/** Idempotent: the event has a fixed id (`message-<id>`, created once), the push batch `msg-<id>` deterministic ids. */
export async function recordMessage(requestId: string, messageId: string, message: SosMessage<Timestamp>): Promise<void> {
  const request = (await refs.sosRequest(requestId).get()).data();
  if (!request) {
    logs.requestMissing(requestId);
    return;
  }
  try {
    await refs.event(requestId, `message-${messageId}`).create({
      type: 'message',
      at: message.at ?? (FieldValue.serverTimestamp() as unknown as Timestamp),
      by: message.uid,
      detail: { messageId, role: message.role },
    });
  } catch (error) {
    if ((error as { code?: number }).code !== ALREADY_EXISTS) throw error;
  }
  await deliverPushBatch({
    requestId,
    batch: `msg-${messageId}`,
    message: messagePushMessage(requestId, messageId, message, request),
    recipients: async () => messageAudience(message, request, needsRoster(message, request) ? await readOnDutyRoster(request.locationId) : []),
  });
  logs.messageRecorded(requestId, messageId, message.role);
}
