import { describe, expect, it } from 'vitest';
import { decideStartOver, parseChainTask, taskId } from '../taskChain';

describe('a task chain step id', () => {
  it('is deterministic per request, step and attempt, under the chain prefix', () => {
    expect(taskId({ queue: { idPrefix: 'x' }, stepKey: 'step' }, { requestId: 'r-1', step: 2, dueAtMillis: 5, attempt: 1 })).toBe('x-r-1-2-1');
  });
});

describe('a task chain payload', () => {
  it('keeps the request, the step under its own key, the due time and the attempt, and nothing else', () => {
    expect(parseChainTask({ requestId: 'abc', round: 1, dueAtMillis: 5, attempt: 0, extra: true }, 'round')).toEqual({
      ok: true,
      value: { requestId: 'abc', round: 1, dueAtMillis: 5, attempt: 0 },
    });
  });
  it('is refused with the field at fault', () => {
    expect(parseChainTask(null, 'round')).toEqual({ ok: false, problem: 'not an object' });
    expect(parseChainTask('x', 'round')).toEqual({ ok: false, problem: 'not an object' });
    expect(parseChainTask({ requestId: 'a/b', round: 1, dueAtMillis: 5, attempt: 0 }, 'round')).toEqual({ ok: false, problem: 'requestId' });
    expect(parseChainTask({ requestId: 'a', round: 0, dueAtMillis: 5, attempt: 0 }, 'round')).toEqual({ ok: false, problem: 'round' });
    expect(parseChainTask({ requestId: 'a', round: 1, dueAtMillis: 5, attempt: 0 }, 'repeat')).toEqual({ ok: false, problem: 'repeat' });
    expect(parseChainTask({ requestId: 'a', round: 1, dueAtMillis: 'x', attempt: 0 }, 'round')).toEqual({ ok: false, problem: 'dueAtMillis' });
    expect(parseChainTask({ requestId: 'a', round: 1, dueAtMillis: null, attempt: 0 }, 'round')).toEqual({ ok: false, problem: 'dueAtMillis' });
    expect(parseChainTask({ requestId: 'a', round: 1, dueAtMillis: 5, attempt: -1 }, 'round')).toEqual({ ok: false, problem: 'attempt' });
    expect(parseChainTask({ requestId: 'a', round: 1, dueAtMillis: 5, attempt: 1.5 }, 'round')).toEqual({ ok: false, problem: 'attempt' });
  });
});

describe('an early task whose retry would come late', () => {
  it('starts over as a fresh task while its step still has something to do', () => {
    expect(decideStartOver({ action: 'act', last: false })).toEqual({ action: 'start-over' });
    expect(decideStartOver({ action: 'resume', last: true })).toEqual({ action: 'start-over' });
  });
  it('ends the chain at once when the step would stop without writing', () => {
    expect(decideStartOver({ action: 'stop', reason: 'missing' })).toEqual({ action: 'end', reason: 'missing' });
    expect(decideStartOver({ action: 'stop', reason: 'resolved', recordEnd: false })).toEqual({ action: 'end', reason: 'resolved' });
  });
  it('runs the step now when its end is still to be recorded', () => {
    expect(decideStartOver({ action: 'stop', reason: 'acknowledged', recordEnd: true })).toEqual({ action: 'run' });
  });
});
