import { describe, expect, it } from 'vitest';
import { decideEscalationRound, escalationTaskId, nextRound, parseEscalationTask } from '../escalationTask';

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

describe('escalation rounds', () => {
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
