// «Мои заказы» as the person sees it: the orders functions mirrored, and before them the requests this device made
// that no order stands for yet (one made offline has none until the server has it), each with where its row leads.
import type { SosStatus } from '@sos/model';

interface Instant {
  toMillis(): number;
}

/** An order as the list reads it (`users/{uid}/orders`, written by functions). */
export interface ListedOrder {
  id: string;
  status: SosStatus;
  objectName: string | null;
  createdAt: Instant;
}

/** One of the person's own requests from this device's cache: `pending` until the server has confirmed the write. */
export interface CachedRequest {
  id: string;
  status: SosStatus;
  pending: boolean;
  createdAt: Instant | null;
}

export interface OrderRow {
  id: string;
  /** `pending`: «Не отправлена», the write is still on this phone. */
  status: SosStatus | 'pending';
  objectName: string | null;
  createdAtMillis: number;
  /** The order's page; a request with no order yet opens its countdown screen, which the device's cache can draw. */
  link: string;
}

/**
 * The orders, newest first, with each cached request that has no order yet: «Не отправлена» while its write waits on
 * the phone, «Отправлена» once the server has it and until its order arrives, which then replaces it. A cached request
 * the server has moved on from (no longer `new`) is left to its order.
 */
export function orderRows(orders: readonly ListedOrder[], requests: readonly CachedRequest[], nowMillis: number): OrderRow[] {
  const ordered = new Set(orders.map((order) => order.id));
  const rows: OrderRow[] = orders.map((order) => ({
    id: order.id,
    status: order.status,
    objectName: order.objectName,
    createdAtMillis: order.createdAt.toMillis(),
    link: `/orders/${order.id}`,
  }));
  for (const request of requests) {
    if (ordered.has(request.id) || (!request.pending && request.status !== 'new')) continue;
    rows.push({
      id: request.id,
      status: request.pending ? 'pending' : request.status,
      objectName: null,
      createdAtMillis: request.createdAt?.toMillis() ?? nowMillis,
      link: `/sos/${request.id}`,
    });
  }
  return rows.sort((a, b) => b.createdAtMillis - a.createdAtMillis);
}
