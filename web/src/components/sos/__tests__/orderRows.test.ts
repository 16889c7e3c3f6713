import { describe, expect, it } from 'vitest';
import { orderRows, type CachedRequest, type ListedOrder } from '../orderRows';

const at = (millis: number) => ({ toMillis: () => millis });
const NOW = 10_000_000;
const order = (id: string, millis: number, status: ListedOrder['status'] = 'open'): ListedOrder => ({ id, status, objectName: 'Кафе', createdAt: at(millis) });
const request = (id: string, millis: number | null, pending: boolean, status: CachedRequest['status'] = 'new'): CachedRequest => ({
  id,
  status,
  pending,
  createdAt: millis === null ? null : at(millis),
});

describe('«Мои заказы» with the requests this phone has not sent yet', () => {
  it('lists a request made offline as «Не отправлена» at once, leading to its countdown screen', () => {
    expect(orderRows([order('older', 1_000)], [request('offline', 5_000, true)], NOW)).toEqual([
      { id: 'offline', status: 'pending', objectName: null, createdAtMillis: 5_000, link: '/sos/offline' },
      { id: 'older', status: 'open', objectName: 'Кафе', createdAtMillis: 1_000, link: '/orders/older' },
    ]);
  });

  it('replaces the request by its order when the order arrives', () => {
    const rows = orderRows([order('sent', 5_000, 'open')], [request('sent', 5_000, true)], NOW);
    expect(rows).toEqual([{ id: 'sent', status: 'open', objectName: 'Кафе', createdAtMillis: 5_000, link: '/orders/sent' }]);
  });

  it('shows a request the server has but has not mirrored yet as «Отправлена», and leaves one it moved on from to its order', () => {
    expect(orderRows([], [request('confirmed', 5_000, false), request('stale', 4_000, false, 'open')], NOW)).toEqual([
      { id: 'confirmed', status: 'new', objectName: null, createdAtMillis: 5_000, link: '/sos/confirmed' },
    ]);
  });

  it('keeps the newest first across both, and dates a request with no time yet now', () => {
    const rows = orderRows([order('b', 3_000), order('d', 1_000)], [request('a', 4_000, true), request('c', 2_000, true), request('e', null, true)], NOW);
    expect(rows.map((row) => [row.id, row.createdAtMillis])).toEqual([
      ['e', NOW],
      ['a', 4_000],
      ['b', 3_000],
      ['c', 2_000],
      ['d', 1_000],
    ]);
  });
});
