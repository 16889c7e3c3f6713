import { describe, expect, it } from 'vitest';
import {
  coverageGaps,
  dutySpans,
  earlyEndUntil,
  isCalendarDate,
  onDutyAt,
  validateDutyOverride,
  validateOffUntil,
  validateShift,
  type DutyOverride,
  type DutySchedule,
  type RosterDuty,
  type Shift,
} from '../src/shifts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const time = (millis: number) => ({ toMillis: () => millis });

/** Yekaterinburg is UTC+5 all year. */
const EKB = 'Asia/Yekaterinburg';
const ekb = (month: number, day: number, hour: number, minute = 0) => Date.UTC(2026, month - 1, day, hour - 5, minute);
// 2026-01-05 is a Monday.
const MON = 5;
const TUE = 6;
const WED = 7;
const THU = 8;

const offDuty: RosterDuty = { tier: 1, onDuty: false };
const shift = (overrides: Partial<Shift> = {}): Shift => ({ uid: 'ivan', tier: 1, days: [1], start: '20:00', minutes: 720, ...overrides });
const override = (action: DutyOverride['action'], startMillis: number, endMillis: number, more: Partial<DutyOverride> = {}): DutyOverride => ({
  uid: 'ivan',
  action,
  start: time(startMillis),
  end: time(endMillis),
  createdBy: 'admin-1',
  ...more,
});
const schedule = (parts: Partial<DutySchedule>): DutySchedule => ({
  timezone: EKB,
  shifts: [],
  overrides: [],
  roster: { ivan: offDuty, pyotr: { tier: 2, onDuty: false } },
  ...parts,
});
const whoAt = (s: DutySchedule, atMillis: number) => onDutyAt(s, atMillis).map(({ uid, tier }) => `${uid}:${tier}`);

describe('who is on duty', () => {
  it('keeps a shift that runs past midnight on duty until its length is up: Mon 20:00 + 720 min covers Tue 07:59, not 08:00', () => {
    const s = schedule({ shifts: [shift()] });
    expect(whoAt(s, ekb(1, MON, 19, 59))).toEqual([]);
    expect(whoAt(s, ekb(1, MON, 20, 0))).toEqual(['ivan:1']);
    expect(whoAt(s, ekb(1, TUE, 7, 59))).toEqual(['ivan:1']);
    expect(whoAt(s, ekb(1, TUE, 8, 0))).toEqual([]);
  });

  it('starts a shift only on its days: a Monday night shift is not on on Tuesday night', () => {
    const s = schedule({ shifts: [shift()] });
    expect(whoAt(s, ekb(1, TUE, 21))).toEqual([]);
    expect(whoAt(s, ekb(1, MON + 7, 21))).toEqual(['ivan:1']);
  });

  it('says when the duty ends, for «Вы на смене до 08:00»', () => {
    const s = schedule({ shifts: [shift()] });
    expect(onDutyAt(s, ekb(1, MON, 23))).toEqual([{ uid: 'ivan', tier: 1, untilMillis: ekb(1, TUE, 8) }]);
  });

  it('joins back-to-back shifts into one duty, and takes the better tier where two overlap', () => {
    const s = schedule({
      shifts: [
        shift({ tier: 2, start: '08:00', minutes: 720 }),
        shift({ start: '20:00', minutes: 720 }),
        shift({ uid: 'pyotr', tier: 2, start: '18:00', minutes: 240 }),
      ],
    });
    expect(onDutyAt(s, ekb(1, MON, 9))).toEqual([{ uid: 'ivan', tier: 2, untilMillis: ekb(1, TUE, 8) }]);
    expect(onDutyAt(s, ekb(1, MON, 21))).toEqual([
      { uid: 'ivan', tier: 1, untilMillis: ekb(1, TUE, 8) },
      { uid: 'pyotr', tier: 2, untilMillis: ekb(1, MON, 22) },
    ]);
    const overlapping = schedule({ shifts: [shift({ tier: 2, start: '18:00', minutes: 240 }), shift({ start: '20:00', minutes: 60 })] });
    expect(dutySpans(overlapping, ekb(1, MON, 0), ekb(1, TUE, 0))).toEqual([
      { uid: 'ivan', tier: 2, startMillis: ekb(1, MON, 18), endMillis: ekb(1, MON, 20) },
      { uid: 'ivan', tier: 1, startMillis: ekb(1, MON, 20), endMillis: ekb(1, MON, 21) },
      { uid: 'ivan', tier: 2, startMillis: ekb(1, MON, 21), endMillis: ekb(1, MON, 22) },
    ]);
  });

  it("bounds a shift by its from and until dates, inclusive, as days of the location's zone", () => {
    // 00:30 in Yekaterinburg is still the day before in UTC: the dates must be read locally.
    const s = schedule({ shifts: [shift({ days: [1, 2, 3, 4, 5, 6, 7], start: '00:30', minutes: 60, from: '2026-01-06', until: '2026-01-07' })] });
    expect(whoAt(s, ekb(1, MON, 0, 45))).toEqual([]);
    expect(whoAt(s, ekb(1, TUE, 0, 45))).toEqual(['ivan:1']);
    expect(whoAt(s, ekb(1, WED, 0, 45))).toEqual(['ivan:1']);
    expect(whoAt(s, ekb(1, THU, 0, 45))).toEqual([]);
  });

  it('lets a shift that starts on its until date run past midnight', () => {
    const s = schedule({ shifts: [shift({ until: '2026-01-05' })] });
    expect(whoAt(s, ekb(1, TUE, 7))).toEqual(['ivan:1']);
    expect(whoAt(s, ekb(1, TUE + 7, 7))).toEqual([]);
  });

  it('never counts someone without a roster entry (removed from the location)', () => {
    const s = schedule({ shifts: [shift({ uid: 'gone' })], overrides: [override('on', ekb(1, MON, 0), ekb(1, TUE, 0), { uid: 'gone' })] });
    expect(whoAt(s, ekb(1, MON, 21))).toEqual([]);
  });

  it('reads an unknown time zone as UTC rather than leave nobody on duty', () => {
    const s = schedule({ timezone: 'Mars/Olympus', shifts: [shift()] });
    expect(whoAt(s, Date.UTC(2026, 0, MON, 20))).toEqual(['ivan:1']);
  });
});

describe('duty across clock changes (Europe/Berlin)', () => {
  const berlin = (parts: Partial<DutySchedule>) => schedule({ timezone: 'Europe/Berlin', ...parts });
  // 2026-03-29 and 2026-10-25 are the Sundays the clocks go forward and back.

  it('keeps a night across the spring change its real length: Sat 22:00 + 480 min ends at 07:00 on the wall', () => {
    const s = berlin({ shifts: [shift({ days: [6], start: '22:00', minutes: 480 })] });
    const [span] = dutySpans(s, Date.UTC(2026, 2, 28), Date.UTC(2026, 2, 30));
    expect(span).toEqual({ uid: 'ivan', tier: 1, startMillis: Date.UTC(2026, 2, 28, 21), endMillis: Date.UTC(2026, 2, 29, 5) });
    expect(whoAt(s, Date.UTC(2026, 2, 29, 4, 59))).toEqual(['ivan:1']); // 06:59 CEST
    expect(whoAt(s, Date.UTC(2026, 2, 29, 5))).toEqual([]); // 07:00 CEST
  });

  it('keeps a night across the autumn change its real length: Sat 22:00 + 480 min ends at 05:00 on the wall', () => {
    const s = berlin({ shifts: [shift({ days: [6], start: '22:00', minutes: 480 })] });
    const [span] = dutySpans(s, Date.UTC(2026, 9, 24), Date.UTC(2026, 9, 26));
    expect(span).toEqual({ uid: 'ivan', tier: 1, startMillis: Date.UTC(2026, 9, 24, 20), endMillis: Date.UTC(2026, 9, 25, 4) });
  });

  it('starts a shift set in the skipped hour when the clocks jump: 02:30 on the spring Sunday starts at 03:00', () => {
    const s = berlin({ shifts: [shift({ days: [7], start: '02:30', minutes: 60 })] });
    const [span] = dutySpans(s, Date.UTC(2026, 2, 28), Date.UTC(2026, 2, 30));
    expect(span).toEqual({ uid: 'ivan', tier: 1, startMillis: Date.UTC(2026, 2, 29, 1), endMillis: Date.UTC(2026, 2, 29, 2) });
  });

  it('starts a shift set in the repeated hour at its first occurrence: 02:30 on the autumn Sunday is 02:30 summer time', () => {
    const s = berlin({ shifts: [shift({ days: [7], start: '02:30', minutes: 60 })] });
    const [span] = dutySpans(s, Date.UTC(2026, 9, 24), Date.UTC(2026, 9, 26));
    expect(span?.startMillis).toBe(Date.UTC(2026, 9, 25, 0, 30));
  });

  it('keeps an ordinary start on a change day at its wall time', () => {
    const s = berlin({ shifts: [shift({ days: [7], start: '08:00', minutes: 60 })] });
    expect(dutySpans(s, Date.UTC(2026, 2, 29), Date.UTC(2026, 2, 30))[0]?.startMillis).toBe(Date.UTC(2026, 2, 29, 6));
    expect(dutySpans(s, Date.UTC(2026, 9, 25), Date.UTC(2026, 9, 26))[0]?.startMillis).toBe(Date.UTC(2026, 9, 25, 7));
  });
});

describe('overrides, the manual start and the early end', () => {
  const night = shift();

  it('takes someone off their shift for an `off` override, and only for its range', () => {
    const s = schedule({ shifts: [night], overrides: [override('off', ekb(1, MON, 0), ekb(1, MON, 23))] });
    expect(whoAt(s, ekb(1, MON, 22))).toEqual([]);
    expect(whoAt(s, ekb(1, MON, 23))).toEqual(['ivan:1']);
    expect(onDutyAt(s, ekb(1, MON, 23))[0]?.untilMillis).toBe(ekb(1, TUE, 8));
  });

  it('puts someone on duty with their roster tier for an `on` override', () => {
    const s = schedule({ overrides: [override('on', ekb(1, MON, 10), ekb(1, MON, 14), { uid: 'pyotr' })] });
    expect(onDutyAt(s, ekb(1, MON, 12))).toEqual([{ uid: 'pyotr', tier: 2, untilMillis: ekb(1, MON, 14) }]);
    expect(whoAt(s, ekb(1, MON, 14))).toEqual([]);
  });

  it("swaps one person for another with the first person's tier", () => {
    const s = schedule({ shifts: [night], overrides: [override('swap', ekb(1, MON, 20), ekb(1, TUE, 8), { withUid: 'pyotr' })] });
    expect(whoAt(s, ekb(1, MON, 21))).toEqual(['pyotr:1']);
    expect(whoAt(s, ekb(1, MON + 7, 21))).toEqual(['ivan:1']);
  });

  it('lets an `off` override stop the shift but not a manual start or an `on` override', () => {
    const s = schedule({
      shifts: [night],
      overrides: [override('off', ekb(1, MON, 0), ekb(1, TUE, 12)), override('on', ekb(1, MON, 21), ekb(1, MON, 22))],
    });
    expect(whoAt(s, ekb(1, MON, 20, 30))).toEqual([]);
    expect(whoAt(s, ekb(1, MON, 21, 30))).toEqual(['ivan:1']);
    const started = { ...s, roster: { ...s.roster, ivan: { tier: 1, onDuty: true, onDutySince: time(ekb(1, MON, 20)) } as RosterDuty } };
    expect(whoAt(started, ekb(1, MON, 20, 30))).toEqual(['ivan:1']);
  });

  it('keeps a manual start on for 12 hours from when it was switched on, or open-ended without that time', () => {
    const started = (entry: RosterDuty) => schedule({ roster: { ivan: entry } });
    const since = started({ tier: 1, onDuty: true, onDutySince: time(ekb(1, MON, 10)) });
    expect(onDutyAt(since, ekb(1, MON, 11))).toEqual([{ uid: 'ivan', tier: 1, untilMillis: ekb(1, MON, 22) }]);
    expect(whoAt(since, ekb(1, MON, 22))).toEqual([]);
    expect(onDutyAt(started({ tier: 2, onDuty: true }), ekb(1, MON, 11))).toEqual([{ uid: 'ivan', tier: 2, untilMillis: null }]);
    expect(whoAt(started({ tier: 1, onDuty: false, onDutySince: time(ekb(1, MON, 10)) }), ekb(1, MON, 11))).toEqual([]);
  });

  it('takes someone who ended early off everything until `offUntil`, then puts them back on', () => {
    const s = schedule({
      shifts: [night],
      roster: { ivan: { tier: 1, onDuty: true, offUntil: time(ekb(1, TUE, 8)) }, pyotr: offDuty },
      overrides: [override('on', ekb(1, MON, 0), ekb(1, WED, 0))],
    });
    expect(whoAt(s, ekb(1, MON, 23))).toEqual([]);
    expect(whoAt(s, ekb(1, TUE, 8))).toEqual(['ivan:1']);
  });

  it('finds the offUntil «Закончить смену» writes: the end of the shift, not of the manual start, at most 24 hours ahead', () => {
    const manual = { tier: 1, onDuty: true, onDutySince: time(ekb(1, MON, 19)) } as RosterDuty;
    const s = schedule({ shifts: [night], roster: { ivan: manual } });
    expect(earlyEndUntil(s, 'ivan', ekb(1, MON, 22))).toBe(ekb(1, TUE, 8));
    expect(earlyEndUntil(s, 'ivan', ekb(1, MON, 19, 30))).toBeNull(); // only the manual start: onDuty false ends it
    expect(earlyEndUntil(s, 'nobody', ekb(1, MON, 22))).toBeNull();
    const long = schedule({ overrides: [override('on', ekb(1, MON, 0), ekb(1, MON + 20, 0))] });
    expect(earlyEndUntil(long, 'ivan', ekb(1, MON, 12))).toBe(ekb(1, TUE, 12));
  });
});

describe('coverage gaps', () => {
  const everyDay = [1, 2, 3, 4, 5, 6, 7] as Shift['days'];
  const week = schedule({
    roster: { ivan: offDuty, pyotr: { tier: 2, onDuty: false }, anna: offDuty },
    shifts: [
      shift({ uid: 'ivan', days: everyDay, start: '08:00', minutes: 720 }),
      // Nobody at tier 1 on Wednesday night: the deliberate gap. A tier-2 guard does not fill it.
      shift({ uid: 'anna', days: [1, 2, 4, 5, 6, 7], start: '20:00', minutes: 720 }),
      shift({ uid: 'pyotr', tier: 2, days: [3], start: '20:00', minutes: 720 }),
    ],
  });

  it('finds the one stretch of a week with nobody at tier 1, and counts the night shift begun the Sunday before', () => {
    expect(coverageGaps(week, ekb(1, MON, 0), ekb(1, MON + 7, 0))).toEqual([{ startMillis: ekb(1, WED, 20), endMillis: ekb(1, THU, 8) }]);
  });

  it('shows an override filling the gap, and one opening another', () => {
    const filled = { ...week, overrides: [override('swap', ekb(1, WED, 20), ekb(1, THU, 8), { uid: 'ivan', withUid: 'pyotr' })] };
    expect(coverageGaps(filled, ekb(1, MON, 0), ekb(1, MON + 7, 0))).toEqual([]);
    const leave = { ...week, overrides: [override('off', ekb(1, MON, 0), ekb(1, MON + 1, 0), { uid: 'ivan' })] };
    expect(coverageGaps(leave, ekb(1, MON, 0), ekb(1, MON + 7, 0))).toEqual([
      { startMillis: ekb(1, MON, 8), endMillis: ekb(1, MON, 20) },
      { startMillis: ekb(1, WED, 20), endMillis: ekb(1, THU, 8) },
    ]);
  });

  it('is all gap with no shifts at all', () => {
    expect(coverageGaps(schedule({}), 0, DAY)).toEqual([{ startMillis: 0, endMillis: DAY }]);
  });

  it('covers 14 days of 60 shifts in well under a second', () => {
    const many = schedule({
      roster: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`p${i}`, offDuty])),
      shifts: Array.from({ length: 60 }, (_, i) => shift({ uid: `p${i % 30}`, days: everyDay, start: `${String(i % 24).padStart(2, '0')}:00`, minutes: 480 })),
    });
    const started = performance.now();
    expect(coverageGaps(many, ekb(1, MON, 0), ekb(1, MON, 0) + 14 * DAY)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('validating a shift', () => {
  const people = { roster: { ivan: {}, admin: {} }, members: { ivan: {}, admin: {}, anna: {} } };
  const errorsOf = (value: unknown) => {
    const check = validateShift(value, people);
    return check.ok ? {} : check.errors;
  };

  it('accepts a shift with and without dates', () => {
    expect(validateShift(shift(), people)).toEqual({ ok: true, shift: shift() });
    expect(validateShift(shift({ from: '2026-01-01', until: '2026-01-01' }), people).ok).toBe(true);
    expect(validateShift(shift({ from: null, until: null, start: '00:00', minutes: 1440 }), people).ok).toBe(true);
  });

  it.each([
    ['an unknown person', { uid: 'stranger' }, { uid: 'unknown-person' }],
    ['a resident, not staff of the location', { uid: 'anna' }, { uid: 'not-staff' }],
    ['no person', { uid: '' }, { uid: 'unknown-person' }],
    ['tier 3', { tier: 3 }, { tier: 'unknown-tier' }],
    ['no days', { days: [] }, { days: 'no-days' }],
    ['day 0', { days: [0] }, { days: 'unknown-day' }],
    ['day 8', { days: [1, 8] }, { days: 'unknown-day' }],
    ['a day twice', { days: [1, 1] }, { days: 'repeated-day' }],
    ['24:00', { start: '24:00' }, { start: 'malformed-time' }],
    ['8:00', { start: '8:00' }, { start: 'malformed-time' }],
    ['12:60', { start: '12:60' }, { start: 'malformed-time' }],
    ['0 minutes', { minutes: 0 }, { minutes: 'minutes-out-of-range' }],
    ['1441 minutes', { minutes: 1441 }, { minutes: 'minutes-out-of-range' }],
    ['90.5 minutes', { minutes: 90.5 }, { minutes: 'minutes-out-of-range' }],
    ['a malformed from', { from: '2026-1-5' }, { from: 'malformed-date' }],
    ['a day that does not exist', { until: '2026-02-29' }, { until: 'malformed-date' }],
    ['an until before its from', { from: '2026-01-10', until: '2026-01-09' }, { until: 'until-before-from' }],
    ['a field the contract does not know', { note: 'x' }, { document: 'unknown-field' }],
  ])('refuses %s, under its field', (_label, change, errors) => {
    expect(errorsOf(shift(change as Partial<Shift>))).toEqual(errors);
  });

  it('names every bad field at once, and reads a person off the roster as not staff when it has no member list', () => {
    expect(errorsOf({ uid: 'ivan', tier: 1, days: [], start: '7', minutes: 0 })).toEqual({
      days: 'no-days',
      start: 'malformed-time',
      minutes: 'minutes-out-of-range',
    });
    expect(validateShift(shift({ uid: 'stranger' }), { roster: { ivan: {} } })).toEqual({ ok: false, errors: { uid: 'not-staff' } });
    expect(errorsOf(null)).toEqual({ document: 'unknown-field' });
  });

  it('knows which dates exist', () => {
    expect(['2024-02-29', '2026-12-31'].every(isCalendarDate)).toBe(true);
    expect(['2026-02-29', '2026-04-31', '2026-13-01', '26-01-01', 20260101].some(isCalendarDate)).toBe(false);
  });
});

describe('validating an override', () => {
  const people = { roster: { ivan: {}, pyotr: {} }, members: { ivan: {}, pyotr: {}, anna: {} }, writerUid: 'admin-1' };
  const start = ekb(1, MON, 8);
  const errorsOf = (value: unknown) => {
    const check = validateDutyOverride(value, people);
    return check.ok ? {} : check.errors;
  };

  it('accepts on, off and swap', () => {
    expect(validateDutyOverride(override('off', start, start + DAY), people).ok).toBe(true);
    expect(validateDutyOverride(override('on', start - DAY, start), people).ok).toBe(true);
    expect(validateDutyOverride(override('swap', start, start + 90 * DAY, { withUid: 'pyotr' }), people).ok).toBe(true);
  });

  it.each([
    ['an unknown person', override('off', start, start + HOUR, { uid: 'stranger' }), { uid: 'unknown-person' }],
    ['a resident', override('on', start, start + HOUR, { uid: 'anna' }), { uid: 'not-staff' }],
    ['an unknown action', override('pause' as DutyOverride['action'], start, start + HOUR), { action: 'unknown-action' }],
    ['a swap with nobody', override('swap', start, start + HOUR), { withUid: 'with-uid-required' }],
    ['a swap with oneself', override('swap', start, start + HOUR, { withUid: 'ivan' }), { withUid: 'same-person' }],
    ['a swap with a resident', override('swap', start, start + HOUR, { withUid: 'anna' }), { withUid: 'not-staff' }],
    ['an `off` naming a stand-in', override('off', start, start + HOUR, { withUid: 'pyotr' }), { withUid: 'with-uid-not-allowed' }],
    ['an end before its start', override('off', start, start - MINUTE), { end: 'end-not-after-start' }],
    ['an end equal to its start', override('off', start, start), { end: 'end-not-after-start' }],
    ['more than 90 days', override('off', start, start + 90 * DAY + 1), { end: 'too-long' }],
    ['a start that is not a time', { ...override('off', start, start + HOUR), start: '2026-01-05' }, { start: 'not-a-time' }],
    ['someone else as its writer', override('off', start, start + HOUR, { createdBy: 'admin-2' }), { createdBy: 'not-the-writer' }],
    ['a field the contract does not know', { ...override('off', start, start + HOUR), reason: 'flu' }, { document: 'unknown-field' }],
  ])('refuses %s, under its field', (_label, value, errors) => {
    expect(errorsOf(value)).toEqual(errors);
  });

  it('bounds the early end: later than now, at most 24 hours ahead', () => {
    expect(validateOffUntil(start + 24 * HOUR, start)).toBeNull();
    expect(validateOffUntil(start, start)).toBe('not-in-future');
    expect(validateOffUntil(start + 24 * HOUR + 1, start)).toBe('too-far');
  });
});
