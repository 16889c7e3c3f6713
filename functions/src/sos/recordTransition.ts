// Effects of a status change: mirror it into the resident's order and add the audit event.
import { Timestamp } from 'firebase-admin/firestore';
import type { SosEventType, SosRequest, SosStatus } from '@sos/model';
import { db, refs } from '../firestore';
import { logs } from '../logs';
import { countRead, countWrite } from '../costs';

/** The audit event for reaching a status, with the time the actor's own field records. */
export function transitionEvent(
  after: SosRequest<Timestamp>,
): { type: SosEventType; at: Timestamp | undefined; by: string | null; detail: string | null } | null {
  const events: Partial<Record<SosStatus, ReturnType<typeof transitionEvent>>> = {
    acknowledged: { type: 'acknowledged', at: after.ackAt, by: after.ackBy ?? null, detail: after.ackByName ?? null },
    on_site: { type: 'on_site', at: after.arrivedAt, by: after.arrivedBy ?? null, detail: null },
    resolved: { type: 'resolved', at: after.resolvedAt, by: after.resolvedBy ?? null, detail: after.resolution ?? null },
    cancelled: { type: 'cancelled', at: after.cancelledAt, by: after.uid, detail: null },
  };
  return events[after.status] ?? null;
}

/**
 * Idempotent and order-safe: the order is only written with a change newer than the one it
 * holds, and each transition's event has a fixed id.
 */
export async function recordTransition(
  requestId: string,
  before: SosRequest<Timestamp>,
  after: SosRequest<Timestamp>,
  changedAt: Timestamp,
): Promise<void> {
  // `new → open|rejected` is written whole by processNewRequest.
  if (before.status === 'new' && (after.status === 'open' || after.status === 'rejected')) return;
  if (before.status === after.status) return;

  await db.runTransaction(async (tx) => {
    const orderRef = refs.order(after.uid, requestId);
    const order = (await tx.get(orderRef)).data();
    countRead('order');
    if (!order || order.updatedAt.toMillis() < changedAt.toMillis()) {
      tx.set(
        orderRef,
        { status: after.status, ackByName: after.ackByName ?? null, updatedAt: changedAt },
        { merge: true },
      );
      countWrite('order');
      logs.orderMirrored(requestId, after.status);
    }
    const event = transitionEvent(after);
    if (event) {
      tx.set(refs.event(requestId, event.type), { ...event, at: event.at ?? changedAt });
      countWrite('event');
    }
  });
}
