import { describe, expect, it } from 'vitest';
import { taskId } from '../../tasks/taskChain';
import { escalationRounds } from '../escalationChain';
import { decideEscalationRound, nextRound, parseEscalationTask } from '../escalationTask';

describe('escalation round decision', () => {
  it('escalates an open request below the round', () => {
    expect(decideEscalationRound({ status: 'open', escalationLevel: 0 }, 1, 10)).toEqual({ action: 'act', last: false });
  });
  it('resumes a round already recorded (replay or crash after the transaction)', () => {
    expect(decideEscalationRound({ status: 'open', escalationLevel: 3 }, 3, 10)).toEqual({ action: 'resume', last: false });
  });
  it('marks round 10 as the last', () => {
    expect(decideEscalationRound({ status: 'open', escalationLevel: 9 }, 10, 10)).toEqual({ action: 'act', last: true });
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
  it('gives task ids esc-<request>-<round>-<attempt>', () => {
    expect(taskId(escalationRounds, { requestId: 'r-1', round: 2, dueAtMillis: 5, attempt: 1 })).toBe('esc-r-1-2-1');
  });
});

describe('escalation task payload', () => {
  it('carries why round 1 runs at opening, and refuses an unknown reason', () => {
    expect(parseEscalationTask({ requestId: 'r', round: 1, dueAtMillis: 5, attempt: 0 })).toEqual({
      ok: true,
      value: { requestId: 'r', round: 1, dueAtMillis: 5, attempt: 0 },
    });
    expect(parseEscalationTask({ requestId: 'r', round: 1, dueAtMillis: 5, attempt: 0, reason: 'nobody_on_duty' })).toEqual({
      ok: true,
      value: { requestId: 'r', round: 1, dueAtMillis: 5, attempt: 0, reason: 'nobody_on_duty' },
    });
    expect(parseEscalationTask({ requestId: 'r', round: 1, dueAtMillis: 5, attempt: 0, reason: 'bored' })).toEqual({ ok: false, problem: 'reason' });
  });
});
