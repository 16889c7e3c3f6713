import { describe, expect, it } from 'vitest';
import type { SosKind, SosSource, SosStatus } from '@sos/model';
import { dashboardOrder } from '../requests/dashboardOrder';

const row = (id: string, status: SosStatus, minute: number, kind?: SosKind, source: SosSource = 'form') => ({
  id,
  status,
  kind,
  source,
  createdAt: { toMillis: () => minute * 60_000 },
});

describe('dashboard order', () => {
  it('puts active requests first, most urgent kind then oldest, and the finished ones after them, newest first', () => {
    const ordered = dashboardOrder([
      row('resolved-late', 'resolved', 9, 'fire'),
      row('other-old', 'open', 1, 'other'),
      row('lift', 'acknowledged', 5, 'lift'),
      row('fire-new', 'open', 8, 'fire'),
      row('medical-old', 'on_site', 2, 'medical'),
      row('cancelled-early', 'cancelled', 0, 'medical'),
    ]);
    expect(ordered.map((request) => request.id)).toEqual(['medical-old', 'fire-new', 'lift', 'other-old', 'resolved-late', 'cancelled-early']);
  });

  it('reads a request made before kinds by its source', () => {
    const ordered = dashboardOrder([row('form', 'open', 1, undefined, 'form'), row('one-tap', 'open', 2, undefined, 'emergency')]);
    expect(ordered.map((request) => request.id)).toEqual(['one-tap', 'form']);
  });

  it('does not reorder its input', () => {
    const requests = [row('a', 'open', 2, 'other'), row('b', 'open', 1, 'fire')];
    dashboardOrder(requests);
    expect(requests.map((request) => request.id)).toEqual(['a', 'b']);
  });
});
