// Effects of a status change: mirror it into the resident's order and add the audit event. And the audit event of the
// requester's call to the emergency services (`called112At`), which changes no status.
import { type Timestamp, db, refs } from '../firestore';
import { clientTransitionsInto, findTransition, transitionEvent, type OrderMirror, type SosEvent, type SosRequest } from '@sos/model';
import { logs } from '../logs';

/**
 * Idempotent and order-safe: the order is only written with a change newer than the one it
 * holds, and each transition's event has a fixed id.
 */
export async function recordTransition(requestId: string, before: SosRequest<Timestamp>, after: SosRequest<Timestamp>, changedAt: Timestamp): Promise<void> {
  if (before.status === after.status) return;
  // The backend's own transitions (`new → open|rejected`) are written whole by processNewRequest.
  if (findTransition(before.status, after.status)?.actor === 'function') return;
  // Recorded by the status reached, so a change made with the Admin SDK outside the table is audited too.
  const [row] = clientTransitionsInto(after.status);

  await db.runTransaction(async (tx) => {
    const orderRef = refs.order(after.uid, requestId);
    const order = (await tx.get(orderRef)).data();
    if (!order || order.updatedAt.toMillis() < changedAt.toMillis()) {
      const mirror: OrderMirror<Timestamp> = { status: after.status, ackByName: after.ackByName ?? null, updatedAt: changedAt };
      tx.set(orderRef, mirror, { merge: true });
      logs.orderMirrored(requestId, after.status);
    }
    if (row) {
      const event = withClaimChannel(transitionEvent(row, after), after);
      tx.set(refs.event(requestId, event.type), { ...event, at: event.at ?? changedAt });
    }
  });
}

/** A claim made from Telegram, SMS or voice: its `acknowledged` event says so (`detail.channel`, the name, the key pressed). */
function withClaimChannel<E extends { type: string; detail: SosEvent['detail'] }>(event: E, after: SosRequest<Timestamp>): E {
  if (event.type !== 'acknowledged' || !after.ackChannel) return event;
  return { ...event, detail: { channel: after.ackChannel, name: after.ackByName ?? '', ...(after.ackDigits ? { digits: after.ackDigits } : {}) } };
}

/** The requester called the emergency services too: the `called_112` event, once (a fixed id; a replay writes the same). */
export async function recordEmergencyServicesCall(requestId: string, before: SosRequest<Timestamp>, after: SosRequest<Timestamp>): Promise<void> {
  if (before.called112At || !after.called112At) return;
  const event: SosEvent<Timestamp> = { type: 'called_112', at: after.called112At, by: after.uid, detail: null };
  await refs.event(requestId, event.type).set(event);
  logs.emergencyServicesCalled(requestId);
}
