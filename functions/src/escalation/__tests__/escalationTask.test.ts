import { describe, expect, it } from 'vitest';
import { decideEscalationRound, decideTiming, escalationTaskId, nextRound, parseEscalationTask } from '../escalationTask';

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
  it('runs when due or late, waits in-process up to the window, declines (retry later) when earlier', () => {
    expect(decideTiming(1000, 1000, 1000)).toEqual({ action: 'run' });
    expect(decideTiming(1000, 5000, 1000)).toEqual({ action: 'run' });
    expect(decideTiming(1500, 1000, 1000)).toEqual({ action: 'wait', millis: 500 });
    expect(decideTiming(2000, 1000, 1000)).toEqual({ action: 'wait', millis: 1000 });
    expect(decideTiming(60_000, 1000, 1000)).toEqual({ action: 'retry-later', millisEarly: 59_000 });
  });
  it('schedules the next round one ackSeconds later', () => {
    expect(nextRound({ requestId: 'r', round: 2, dueAtMillis: 10_000 }, 60)).toEqual({ requestId: 'r', round: 3, dueAtMillis: 70_000 });
  });
  it('gives deterministic task ids per request and round', () => {
    expect(escalationTaskId({ requestId: 'r-1', round: 2, dueAtMillis: 5 })).toBe('esc-r-1-2');
  });
});

describe('escalation task payload', () => {
  it('accepts a well-formed task', () => {
    expect(parseEscalationTask({ requestId: 'abc', round: 1, dueAtMillis: 5 })).toEqual({
      ok: true,
      value: { requestId: 'abc', round: 1, dueAtMillis: 5 },
    });
  });
  it('rejects malformed tasks with the field at fault', () => {
    expect(parseEscalationTask(null)).toEqual({ ok: false, problem: 'not an object' });
    expect(parseEscalationTask({ requestId: 'a/b', round: 1, dueAtMillis: 5 })).toEqual({ ok: false, problem: 'requestId' });
    expect(parseEscalationTask({ requestId: 'a', round: 0, dueAtMillis: 5 })).toEqual({ ok: false, problem: 'round' });
    expect(parseEscalationTask({ requestId: 'a', round: 1, dueAtMillis: 'x' })).toEqual({ ok: false, problem: 'dueAtMillis' });
  });
});
