import { describe, expect, it } from 'vitest';
import { alertTitle, arrivedIds, buildStaffQueue } from '../src/staffQueue';
import type { SosSource, SosStatus } from '../src/contract';
import type { SosKind } from '../src/kinds';

const at = (millis: number) => ({ toMillis: () => millis });
const request = (id: string, status: SosStatus, createdAt: number, kind?: SosKind, source: SosSource = 'form') => ({
  id,
  status,
  createdAt: at(createdAt),
  deadlineAt: at(createdAt + 600),
  source,
  ...(kind ? { kind } : {}),
});

describe('buildStaffQueue', () => {
  const requests = [
    request('leak-open', 'open', 1, 'leak'),
    request('fire-open', 'open', 3, 'fire'),
    request('other-open', 'open', 0, 'other'),
    request('medical-open', 'open', 2, 'medical'),
    request('claimed-lift', 'acknowledged', 2, 'lift'),
    request('there-security', 'on_site', 4, 'security'),
    request('done-old', 'resolved', 1),
    request('done-new', 'cancelled', 5),
    request('refused', 'rejected', 4),
    request('unchecked', 'new', 6, 'fire'),
  ];

  it('shows requests that joined an active one at its code on that one, not as cards of their own', () => {
    const grouped = (id: string, status: SosStatus, createdAt: number, groupOf: string) => ({ ...request(id, status, createdAt, 'other', 'qr'), groupOf });
    const queue = buildStaffQueue([
      request('first', 'open', 1, 'other', 'qr'),
      grouped('third', 'open', 3, 'first'),
      grouped('second', 'open', 2, 'first'),
      grouped('gone', 'cancelled', 2, 'first'),
      request('claimed', 'acknowledged', 1, 'other', 'qr'),
      grouped('with-claimed', 'acknowledged', 2, 'claimed'),
      request('left', 'cancelled', 0, 'other', 'qr'),
      grouped('orphan', 'open', 4, 'left'),
    ]);
    expect(queue.open.map((r) => r.id)).toEqual(['first', 'orphan']);
    expect(queue.inProgress.map((r) => r.id)).toEqual(['claimed']);
    expect(Object.fromEntries(Object.entries(queue.groups).map(([id, members]) => [id, members.map((r) => r.id)]))).toEqual({
      first: ['second', 'third'],
      claimed: ['with-claimed'],
    });
  });

  it('puts open requests first, the most urgent kind first, then the oldest', () => {
    expect(buildStaffQueue(requests).open.map((r) => r.id)).toEqual(['medical-open', 'fire-open', 'leak-open', 'other-open']);
  });

  it('keeps claimed and on-site requests apart, by priority then time', () => {
    expect(buildStaffQueue(requests).inProgress.map((r) => r.id)).toEqual(['there-security', 'claimed-lift']);
  });

  it('reads a request stored without a kind by its source: one-tap as urgent, a form as normal', () => {
    const queue = buildStaffQueue([
      request('old-form', 'open', 0),
      request('lift', 'open', 1, 'lift'),
      request('old-one-tap', 'open', 2, undefined, 'emergency'),
    ]);
    expect(queue.open.map((r) => r.id)).toEqual(['old-one-tap', 'lift', 'old-form']);
  });

  it('lists closed requests newest first, up to the limit', () => {
    expect(buildStaffQueue(requests).recent.map((r) => r.id)).toEqual(['done-new', 'refused', 'done-old']);
    expect(buildStaffQueue(requests, 1).recent.map((r) => r.id)).toEqual(['done-new']);
  });

  it('leaves out requests the server has not validated yet', () => {
    const queue = buildStaffQueue(requests);
    expect([...queue.open, ...queue.inProgress, ...queue.recent].map((r) => r.id)).not.toContain('unchecked');
  });
});

describe('alerts', () => {
  it('finds the requests that just arrived', () => {
    expect(arrivedIds(new Set(['a']), [{ id: 'a' }, { id: 'b' }])).toEqual(['b']);
  });

  it('counts waiting requests in the title', () => {
    expect(alertTitle('SOS', 2)).toBe('(2) SOS');
    expect(alertTitle('SOS', 0)).toBe('SOS');
  });
});
