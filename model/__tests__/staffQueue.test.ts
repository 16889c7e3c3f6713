import { describe, expect, it } from 'vitest';
import { alertTitle, arrivedIds, buildStaffQueue } from '../src/staffQueue';
import type { SosStatus } from '../src/contract';

const at = (millis: number) => ({ toMillis: () => millis });
const request = (id: string, status: SosStatus, createdAt: number, deadlineAt: number | null = null) => ({
  id,
  status,
  createdAt: at(createdAt),
  deadlineAt: deadlineAt === null ? undefined : at(deadlineAt),
});

describe('buildStaffQueue', () => {
  const requests = [
    request('late-open', 'open', 3, 900),
    request('urgent-open', 'open', 1, 600),
    request('claimed', 'acknowledged', 2, 700),
    request('there', 'on_site', 0, 500),
    request('done-old', 'resolved', 1),
    request('done-new', 'cancelled', 5),
    request('refused', 'rejected', 4),
    request('unchecked', 'new', 6),
  ];

  it('puts open requests first, earliest deadline first', () => {
    expect(buildStaffQueue(requests).open.map((r) => r.id)).toEqual(['urgent-open', 'late-open']);
  });

  it('keeps claimed and on-site requests apart, by deadline', () => {
    expect(buildStaffQueue(requests).inProgress.map((r) => r.id)).toEqual(['there', 'claimed']);
  });

  it('lists closed requests newest first, up to the limit', () => {
    expect(buildStaffQueue(requests).recent.map((r) => r.id)).toEqual(['done-new', 'refused', 'done-old']);
    expect(buildStaffQueue(requests, 1).recent.map((r) => r.id)).toEqual(['done-new']);
  });

  it('leaves out requests the server has not validated yet', () => {
    const queue = buildStaffQueue(requests);
    expect([...queue.open, ...queue.inProgress, ...queue.recent].map((r) => r.id)).not.toContain('unchecked');
  });

  it('puts an open request without a deadline after those with one', () => {
    const queue = buildStaffQueue([request('no-deadline', 'open', 0), request('deadline', 'open', 1, 10)]);
    expect(queue.open.map((r) => r.id)).toEqual(['deadline', 'no-deadline']);
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
