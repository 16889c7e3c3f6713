// Effects of a new message: its audit event (who and when, never the text), then the push to the other side.
import { FieldValue, type Timestamp, db, readDoc, refs } from '../firestore';
import type { SosMessage } from '@sos/model';
import { logs } from '../logs';
import { deliverPushBatch, readDevices } from '../notify/pushBatch';
import { rosterOf } from '../dispatch/dispatchDoc';
import { readDispatchNow } from '../dispatch/rebuildDispatch';
import { messageAudience, messagePushMessage, needsRoster } from './messageNotice';

/**
 * Idempotent: the event has a fixed id (`message-<id>`, written once), the push batch `msg-<id>` deterministic ids,
 * and a held-back message is kept in a set of ids (`throttles/messages`), so a replay counts it once.
 */
export async function recordMessage(requestId: string, messageId: string, message: SosMessage<Timestamp>): Promise<void> {
  const request = (await readDoc(refs.sosRequest(requestId))).data();
  if (!request) {
    logs.requestMissing(requestId);
    return;
  }
  const eventRef = refs.event(requestId, `message-${messageId}`);
  await db.runTransaction(async (tx) => {
    if ((await tx.get(eventRef)).exists) return;
    tx.set(eventRef, {
      type: 'message',
      at: message.at ?? FieldValue.serverTimestamp(),
      by: message.uid,
      detail: { messageId, role: message.role },
    });
  });
  // Throttled per (recipient, request): a message within the window is held back and counted into the next push.
  await deliverPushBatch({
    requestId,
    batch: `msg-${messageId}`,
    throttle: { messageId },
    message: (locale, count) => messagePushMessage(locale, requestId, messageId, message, request, count),
    recipients: async () => {
      const dispatch = needsRoster(message, request) ? await readDispatchNow(request.locationId) : null;
      return messageAudience(message, request, dispatch ? rosterOf(dispatch, Date.now()) : []);
    },
    targets: readDevices,
  });
  logs.messageRecorded(requestId, messageId, message.role);
}
