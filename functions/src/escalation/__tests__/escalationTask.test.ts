import { describe, expect, it } from 'vitest';
import { decideEscalationRound, decideTiming, escalationTaskId, nextRound, parseEscalationTask, retryBackoffMs } from '../escalationTask';

describe('escalation round decision', () => {
  it('escalates an open request below the round', () => {
    expect(decideEscalationRound({ status: 'open', escalationLevel: 0 }, 1, 10)).toEqual({ action: 'escalate', last: false });
  });
  it('resumes a round already recorded (replay or crash after the transaction)', () => {
    expect(decideEscalationRound({ status: 'open', escalationLevel: 3 }, 3, 10)).toEqual({ action: 'resume', last: false });
  });
  it('marks round 10 as the last', () => {
    expect(decideEscalationRound({ status: 'open', escalationLevel: 9 }, 10, 10)).toEqual({ action: 'escalate', last: true });
  });
  it('never goes past the maximum', () => {
    expect(decideEscalationRound({ status: 'open', escalationLevel: 10 }, 11, 10)).toMatchObject({ action: 'stop' });
  });
  it('stops once acknowledged, resolved or cancelled, recording the end only after a round happened', () => {
    for (const status of ['acknowledged', 'on_site', 'resolved', 'cancelled', 'rejected'] as const) {
      expect(decideEscalationRound({ status, escalationLevel: 2 }, 3, 10)).toEqual({ action: 'stop', reason: status, recordEnd: true });
      expect(decideEscalationRound({ status, escalationLevel: 0 }, 1, 10)).toEqual({ action: 'stop', reason: status, recordEnd: false });
    }
  });
  it('stops for a vanished request', () => {
    expect(decideEscalationRound(undefined, 1, 10)).toEqual({ action: 'stop', reason: 'missing', recordEnd: false });
  });
});

describe('escalation timing', () => {
  const retry = { minBackoffSeconds: 1, maxBackoffSeconds: 3600, maxDoublings: 16 };
  it('runs when due or late, waits in-process up to the window', () => {
    expect(decideTiming(1000, 1000, 0, 2000, retry)).toEqual({ action: 'run' });
    expect(decideTiming(1000, 5000, 0, 2000, retry)).toEqual({ action: 'run' });
    expect(decideTiming(2500, 1000, 0, 2000, retry)).toEqual({ action: 'wait', millis: 1500 });
    expect(decideTiming(3000, 1000, 0, 2000, retry)).toEqual({ action: 'wait', millis: 2000 });
  });
  it('declines while the queue retry still comes before the due time, starts over when it would come late', () => {
    const hour = 3_600_000;
    // Backoffs 1, 2, 4 … 2048 s: tries 0 to 11 come back in time for a task an hour early, try 12 (4096 s) would not.
    for (let retryCount = 0; retryCount <= 11; retryCount++) {
      expect(decideTiming(hour, 0, retryCount, 2000, retry)).toEqual({ action: 'retry-later', millisEarly: hour });
    }
    expect(decideTiming(hour, 0, 12, 2000, retry)).toEqual({ action: 'start-over', millisEarly: hour });
    // 5 s early on its 3rd retry (backoff 8 s): start over, the fresh task comes back after 1 s.
    expect(decideTiming(5000, 0, 3, 2000, retry)).toEqual({ action: 'start-over', millisEarly: 5000 });
    expect(decideTiming(5000, 0, 0, 2000, retry)).toEqual({ action: 'retry-later', millisEarly: 5000 });
  });
  it('computes the queue backoff as Cloud Tasks does: doubling, then linear past maxDoublings, capped', () => {
    expect([0, 1, 2, 3].map((n) => retryBackoffMs(n, retry))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryBackoffMs(20, retry)).toBe(3_600_000);
    const twoDoublings = { minBackoffSeconds: 1, maxBackoffSeconds: 3600, maxDoublings: 2 };
    expect([1, 2, 3, 4].map((n) => retryBackoffMs(n, twoDoublings))).toEqual([2000, 4000, 8000, 12_000]);
  });
  it('schedules the next round one ackSeconds later, first attempt', () => {
    expect(nextRound({ requestId: 'r', round: 2, dueAtMillis: 10_000, attempt: 4 }, 60)).toEqual({ requestId: 'r', round: 3, dueAtMillis: 70_000, attempt: 0 });
  });
  it('gives deterministic task ids per request, round and attempt', () => {
    expect(escalationTaskId({ requestId: 'r-1', round: 2, dueAtMillis: 5, attempt: 1 })).toBe('esc-r-1-2-1');
  });
});

describe('escalation task payload', () => {
  it('accepts a well-formed task', () => {
    expect(parseEscalationTask({ requestId: 'abc', round: 1, dueAtMillis: 5, attempt: 0 })).toEqual({
      ok: true,
      value: { requestId: 'abc', round: 1, dueAtMillis: 5, attempt: 0 },
    });
  });
  it('rejects malformed tasks with the field at fault', () => {
    expect(parseEscalationTask(null)).toEqual({ ok: false, problem: 'not an object' });
    expect(parseEscalationTask({ requestId: 'a/b', round: 1, dueAtMillis: 5 })).toEqual({ ok: false, problem: 'requestId' });
    expect(parseEscalationTask({ requestId: 'a', round: 0, dueAtMillis: 5 })).toEqual({ ok: false, problem: 'round' });
    expect(parseEscalationTask({ requestId: 'a', round: 1, dueAtMillis: 'x', attempt: 0 })).toEqual({ ok: false, problem: 'dueAtMillis' });
    expect(parseEscalationTask({ requestId: 'a', round: 1, dueAtMillis: 5, attempt: -1 })).toEqual({ ok: false, problem: 'attempt' });
  });
});
