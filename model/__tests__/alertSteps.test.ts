import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_STEPS, MAX_ALERT_STEPS, alertStepsOf, planAlertSteps, validateAlertSteps, type AlertStep } from '../src';

const T0 = 1_700_000_000_000;

describe('alert steps of a location', () => {
  it('are push and Telegram at once, SMS after 60 s and a call after 120 s by default', () => {
    expect(DEFAULT_ALERT_STEPS).toEqual([
      { channel: 'push', afterSeconds: 0 },
      { channel: 'telegram', afterSeconds: 0 },
      { channel: 'sms', afterSeconds: 60 },
      { channel: 'voice', afterSeconds: 120 },
    ]);
    expect(alertStepsOf({})).toEqual(DEFAULT_ALERT_STEPS);
  });

  it('accept up to 8 steps in any order, a channel repeated, delays 0 and 3600', () => {
    const steps: AlertStep[] = [
      { channel: 'voice', afterSeconds: 3600 },
      { channel: 'sms', afterSeconds: 0 },
      { channel: 'sms', afterSeconds: 30 },
      ...Array.from({ length: 5 }, () => ({ channel: 'telegram' as const, afterSeconds: 10 })),
    ];
    expect(validateAlertSteps(steps)).toEqual({ ok: true, steps });
    expect(validateAlertSteps([])).toEqual({ ok: true, steps: [] });
  });

  it.each([
    ['a list of more than 8 steps', Array.from({ length: MAX_ALERT_STEPS + 1 }, () => ({ channel: 'sms', afterSeconds: 0 })), 'too-many', null],
    ['an unknown channel', [{ channel: 'pigeon', afterSeconds: 0 }], 'unknown-channel', 0],
    ['a delay below 0', [{ channel: 'sms', afterSeconds: -1 }], 'after-seconds', 0],
    [
      'a delay above 3600',
      [
        { channel: 'push', afterSeconds: 0 },
        { channel: 'sms', afterSeconds: 3601 },
      ],
      'after-seconds',
      1,
    ],
    ['a fractional delay', [{ channel: 'sms', afterSeconds: 1.5 }], 'after-seconds', 0],
    ['a delay as text', [{ channel: 'sms', afterSeconds: '60' }], 'after-seconds', 0],
    ['an extra key', [{ channel: 'sms', afterSeconds: 60, to: '+79120000000' }], 'unknown-key', 0],
    ['a missing key', [{ channel: 'sms' }], 'unknown-key', 0],
    ['a step that is not a map', ['sms'], 'not-a-step', 0],
    ['something that is not a list', { channel: 'sms', afterSeconds: 0 }, 'not-a-list', null],
  ])('refuse %s, naming the step at fault', (_label, value, problem, index) => {
    expect(validateAlertSteps(value)).toEqual({ ok: false, problem, index });
  });

  it('fall back to the default when what is stored is invalid', () => {
    expect(alertStepsOf({ alertSteps: [{ channel: 'pigeon', afterSeconds: 0 }] })).toEqual(DEFAULT_ALERT_STEPS);
  });
});

describe('the plan of an audience', () => {
  it('counts each step from the first alert, in time order, the push at 0 being the audience own push', () => {
    expect(planAlertSteps(DEFAULT_ALERT_STEPS, T0)).toEqual([
      { index: 2, channel: 'telegram', dueAtMillis: T0 },
      { index: 3, channel: 'sms', dueAtMillis: T0 + 60_000 },
      { index: 4, channel: 'voice', dueAtMillis: T0 + 120_000 },
    ]);
  });

  it('sorts by delay and keeps the admin order of steps due together', () => {
    const steps: AlertStep[] = [
      { channel: 'voice', afterSeconds: 30 },
      { channel: 'sms', afterSeconds: 5 },
      { channel: 'telegram', afterSeconds: 30 },
      { channel: 'push', afterSeconds: 90 },
    ];
    expect(planAlertSteps(steps, T0).map(({ index, channel }) => [index, channel])).toEqual([
      [1, 'sms'],
      [2, 'voice'],
      [3, 'telegram'],
      [4, 'push'],
    ]);
  });

  it('plans nothing for no steps', () => {
    expect(planAlertSteps([], T0)).toEqual([]);
  });
});
