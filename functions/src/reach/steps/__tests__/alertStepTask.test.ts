import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_STEPS } from '@sos/model';
import { taskId } from '../../../tasks/taskChain';
import {
  alertBatch,
  alertStepNumber,
  channelOfStep,
  decideAlertStep,
  firstAlertStep,
  nextAlertStep,
  parseAlertStepTask,
  waitingAlertStepIds,
} from '../alertStepTask';

const T0 = 1_700_000_000_000;

describe('an alert step task', () => {
  it('numbers each step of each audience apart: the open audience 1..8, round 2 as 21..28', () => {
    expect(alertStepNumber(0, 3)).toBe(3);
    expect(alertStepNumber(2, 3)).toBe(23);
    expect(alertBatch(23)).toBe('alert-2-3');
  });

  it('parses a payload and refuses a step outside 1..8 or a missing start', () => {
    expect(parseAlertStepTask({ requestId: 'r', step: 12, dueAtMillis: 5, attempt: 0, startAtMillis: 1 })).toEqual({
      ok: true,
      value: { requestId: 'r', step: 12, dueAtMillis: 5, attempt: 0, startAtMillis: 1 },
    });
    expect(parseAlertStepTask({ requestId: 'r', step: 19, dueAtMillis: 5, attempt: 0, startAtMillis: 1 })).toEqual({ ok: false, problem: 'step' });
    expect(parseAlertStepTask({ requestId: 'r', step: 10, dueAtMillis: 5, attempt: 0, startAtMillis: 1 })).toEqual({ ok: false, problem: 'step' });
    expect(parseAlertStepTask({ requestId: 'r', step: 2, dueAtMillis: 5, attempt: 0 })).toEqual({ ok: false, problem: 'startAtMillis' });
  });
});

describe('the steps of an audience', () => {
  it('start with Telegram at the first alert (the push at 0 is the audience own push), then SMS and voice, then end', () => {
    const first = firstAlertStep('r', 1, T0, DEFAULT_ALERT_STEPS)!;
    expect(first).toEqual({ requestId: 'r', step: 12, dueAtMillis: T0, attempt: 0, startAtMillis: T0 });
    expect(channelOfStep(first, DEFAULT_ALERT_STEPS)).toBe('telegram');
    const sms = nextAlertStep(first, DEFAULT_ALERT_STEPS)!;
    expect(sms).toMatchObject({ step: 13, dueAtMillis: T0 + 60_000 });
    expect(channelOfStep(sms, DEFAULT_ALERT_STEPS)).toBe('sms');
    const voice = nextAlertStep(sms, DEFAULT_ALERT_STEPS)!;
    expect(voice).toMatchObject({ step: 14, dueAtMillis: T0 + 120_000 });
    expect(nextAlertStep(voice, DEFAULT_ALERT_STEPS)).toBeNull();
  });

  it('skip the channels nobody of the audience can receive now, keeping each step its number', () => {
    const smsOnly = (channel: string) => channel === 'sms';
    const first = firstAlertStep('r', 0, T0, DEFAULT_ALERT_STEPS, smsOnly)!;
    expect(first).toMatchObject({ step: 3, dueAtMillis: T0 + 60_000 });
    expect(nextAlertStep(first, DEFAULT_ALERT_STEPS, smsOnly)).toBeNull();
    expect(firstAlertStep('r', 0, T0, DEFAULT_ALERT_STEPS, () => false)).toBeNull();
  });

  it('have no first step when the location has none but the push', () => {
    expect(firstAlertStep('r', 0, T0, [{ channel: 'push', afterSeconds: 0 }])).toBeNull();
  });
});

describe('a due alert step', () => {
  it('alerts only while the request is open, and resumes without sending when its batch is recorded', () => {
    expect(decideAlertStep({ status: 'open' }, false)).toEqual({ action: 'act', last: false });
    expect(decideAlertStep({ status: 'open' }, true)).toEqual({ action: 'resume', last: false });
  });

  it.each(['acknowledged', 'on_site', 'resolved', 'cancelled'] as const)('does nothing for a request %s', (status) => {
    expect(decideAlertStep({ status }, false)).toEqual({ action: 'stop', reason: status });
  });

  it('does nothing for a request that is gone', () => {
    expect(decideAlertStep(undefined, false)).toEqual({ action: 'stop', reason: 'missing' });
  });
});

describe('the alert step tasks a request no longer open may leave waiting', () => {
  const chain = { queue: { idPrefix: 'alert' }, stepKey: 'step' as const };

  it('are steps 1..8 of the open audience, attempt 0, for a request never escalated', () => {
    const ids = waitingAlertStepIds(chain, 'r1', 0);
    expect(ids).toEqual(['alert-r1-1-0', 'alert-r1-2-0', 'alert-r1-3-0', 'alert-r1-4-0', 'alert-r1-5-0', 'alert-r1-6-0', 'alert-r1-7-0', 'alert-r1-8-0']);
    expect(waitingAlertStepIds(chain, 'r1', undefined)).toEqual(ids);
  });

  it('add steps 1..8 of every escalation round reached, and no round beyond it', () => {
    const ids = waitingAlertStepIds(chain, 'r1', 2);
    expect(ids).toHaveLength(24);
    expect(ids.slice(8, 10)).toEqual(['alert-r1-11-0', 'alert-r1-12-0']);
    expect(ids.at(-1)).toBe('alert-r1-28-0');
    expect(ids.filter((id) => /^alert-r1-3\d-0$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('name every step a chain can have enqueued, as the chain names it', () => {
    const ids = new Set(waitingAlertStepIds(chain, 'r1', 1));
    let step = firstAlertStep('r1', 0, T0, DEFAULT_ALERT_STEPS);
    const enqueued: string[] = [];
    for (; step; step = nextAlertStep(step, DEFAULT_ALERT_STEPS)) enqueued.push(taskId(chain, step));
    const round1 = firstAlertStep('r1', 1, T0, DEFAULT_ALERT_STEPS)!;
    enqueued.push(taskId(chain, round1));
    expect(enqueued).toEqual(['alert-r1-2-0', 'alert-r1-3-0', 'alert-r1-4-0', 'alert-r1-12-0']);
    for (const id of enqueued) expect(ids.has(id)).toBe(true);
  });

  it('ignore a level that is not a whole round count', () => {
    expect(waitingAlertStepIds(chain, 'r1', -1)).toHaveLength(8);
    expect(waitingAlertStepIds(chain, 'r1', 1.5)).toHaveLength(8);
  });
});
