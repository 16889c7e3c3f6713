import { describe, expect, it } from 'vitest';
import { SECOND_PATH, type SosRequest, type TimestampLike } from '@sos/model';
import { decideSweep, LOST_CHAIN_AFTER_MS } from '../secondPath';

const at = (millis: number): TimestampLike => ({ toMillis: () => millis });
const NOW = 1_000_000_000;
const request = (fields: Partial<SosRequest<TimestampLike>>) => ({ status: 'new' as const, createdAt: at(NOW), ...fields });

describe('what the sweeper does with a request its query found', () => {
  it('opens a request still new once the sweeper’s delay has passed, and not a moment before', () => {
    expect(decideSweep(request({ createdAt: at(NOW - SECOND_PATH.sweeperAfterMs) }), NOW)).toBe('open');
    expect(decideSweep(request({ createdAt: at(NOW - SECOND_PATH.sweeperAfterMs + 1) }), NOW)).toBe('leave');
  });

  it('starts the escalation of an open request still at level 0 a minute after its claim deadline', () => {
    const open = { status: 'open' as const, createdAt: at(NOW - 120_000), ackDeadlineAt: at(NOW - LOST_CHAIN_AFTER_MS) };
    expect(decideSweep(request({ ...open, escalationLevel: 0 }), NOW)).toBe('start-escalation');
    expect(decideSweep(request(open), NOW)).toBe('start-escalation');
    expect(decideSweep(request({ ...open, ackDeadlineAt: at(NOW - LOST_CHAIN_AFTER_MS + 1) }), NOW)).toBe('leave');
  });

  it('leaves an open request whose escalation ran, or that has no claim deadline', () => {
    expect(decideSweep(request({ status: 'open', ackDeadlineAt: at(NOW - 600_000), escalationLevel: 1 }), NOW)).toBe('leave');
    expect(decideSweep(request({ status: 'open', createdAt: at(NOW - 600_000) }), NOW)).toBe('leave');
  });

  it('leaves every other status', () => {
    for (const status of ['acknowledged', 'on_site', 'resolved', 'cancelled', 'rejected'] as const) {
      expect(decideSweep(request({ status, createdAt: at(NOW - 600_000), ackDeadlineAt: at(NOW - 600_000) }), NOW)).toBe('leave');
    }
  });
});
