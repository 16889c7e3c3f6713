import { describe, expect, it } from 'vitest';
import type { DutyOverride, DutySchedule, RosterDuty, Shift } from '@sos/model';
import { comingDuty, endDutyChange, nextDutyStart, ownDutyAt, ownOverrides, startDutyChange } from '../personalDuty';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const time = (millis: number) => ({ toMillis: () => millis });
/** Yekaterinburg is UTC+5 all year; 2026-01-05 is a Monday. */
const ekb = (day: number, hour: number, minute = 0) => Date.UTC(2026, 0, day, hour - 5, minute);

const nightShift: Shift = { uid: 'ivan', tier: 1, days: [1, 5], start: '20:00', minutes: 720 };
const schedule = (ivan: Partial<RosterDuty> = {}, more: Partial<DutySchedule> = {}): DutySchedule => ({
  timezone: 'Asia/Yekaterinburg',
  shifts: [nightShift],
  overrides: [],
  roster: { ivan: { tier: 1, onDuty: false, ...ivan }, maria: { tier: 2, onDuty: false } },
  ...more,
});
const override = (action: DutyOverride['action'], start: number, end: number, more: Partial<DutyOverride> = {}): DutyOverride => ({
  uid: 'ivan',
  action,
  start: time(start),
  end: time(end),
  createdBy: 'admin',
  ...more,
});

describe('ownDutyAt', () => {
  it('is on duty on a shift until it ends', () => {
    expect(ownDutyAt(schedule(), 'ivan', ekb(5, 23))).toEqual({ uid: 'ivan', tier: 1, untilMillis: ekb(6, 8) });
  });

  it('is off duty between shifts, and after ending early', () => {
    expect(ownDutyAt(schedule(), 'ivan', ekb(6, 12))).toBeNull();
    expect(ownDutyAt(schedule({ offUntil: time(ekb(6, 8)) }), 'ivan', ekb(5, 23))).toBeNull();
  });
});

describe('nextDutyStart and comingDuty', () => {
  it('gives the next shift start, on the location clock', () => {
    expect(nextDutyStart(schedule(), 'ivan', ekb(6, 12))).toBe(ekb(9, 20));
  });

  it('lists the current stretch whole, then the coming ones, for 14 days', () => {
    const spans = comingDuty(schedule(), 'ivan', ekb(5, 23));
    expect(spans[0]).toMatchObject({ startMillis: ekb(5, 20), endMillis: ekb(6, 8), tier: 1 });
    expect(spans[1]).toMatchObject({ startMillis: ekb(9, 20), endMillis: ekb(10, 8) });
    // Mondays and Fridays from Monday the 5th to Monday the 19th, which the 14 days cut.
    expect(spans.length).toBe(5);
    expect(spans.every((span) => span.uid === 'ivan')).toBe(true);
  });

  it('leaves a manual start out (it is not a shift) and an off override takes a shift away', () => {
    const manual = schedule({ onDuty: true, onDutySince: time(ekb(6, 10)) });
    expect(comingDuty(manual, 'ivan', ekb(6, 12))[0]?.startMillis).toBe(ekb(9, 20));
    const leave = schedule({}, { overrides: [override('off', ekb(9, 0), ekb(11, 0))] });
    expect(nextDutyStart(leave, 'ivan', ekb(6, 12))).toBe(ekb(12, 20));
  });

  it('a swap in puts the stand-in on with the swapped person’s tier', () => {
    const swap = schedule({}, { overrides: [override('swap', ekb(9, 20), ekb(10, 8), { withUid: 'maria' })] });
    expect(comingDuty(swap, 'maria', ekb(6, 12))).toEqual([{ uid: 'maria', tier: 1, startMillis: ekb(9, 20), endMillis: ekb(10, 8) }]);
  });
});

describe('ownOverrides', () => {
  it('keeps the ones naming me either way that have not ended, by start', () => {
    const later = override('on', ekb(20, 8), ekb(20, 20));
    const swapIn = override('swap', ekb(9, 20), ekb(10, 8), { uid: 'maria', withUid: 'ivan' });
    const ended = override('off', ekb(1, 0), ekb(2, 0));
    const notMine = override('off', ekb(9, 0), ekb(10, 0), { uid: 'maria' });
    expect(ownOverrides([later, swapIn, ended, notMine], 'ivan', ekb(6, 12))).toEqual([swapIn, later]);
  });
});

describe('what the buttons write', () => {
  it('«Закончить смену» on a shift: off until it ends, no manual start to stop', () => {
    expect(endDutyChange(schedule(), 'ivan', ekb(5, 23))).toEqual({ offUntilMillis: ekb(6, 8), stopManualStart: false });
  });

  it('«Закончить смену» on a manual start alone: only the start off', () => {
    const manual = schedule({ onDuty: true, onDutySince: time(ekb(6, 10)) });
    expect(endDutyChange(manual, 'ivan', ekb(6, 12))).toEqual({ offUntilMillis: null, stopManualStart: true });
  });

  it('«Заступить на смену» after ending a shift early: back to that shift, not a 12-hour start', () => {
    expect(startDutyChange(schedule({ offUntil: time(ekb(6, 8)) }), 'ivan', ekb(5, 23))).toEqual({ kind: 'resume', clearOffUntil: true });
  });

  it('«Заступить на смену» outside any shift: a manual start, lifting an old early end', () => {
    expect(startDutyChange(schedule(), 'ivan', ekb(6, 12))).toEqual({ kind: 'manual-start', clearOffUntil: false });
    expect(startDutyChange(schedule({ offUntil: time(ekb(6, 8)) }), 'ivan', ekb(6, 12))).toEqual({ kind: 'manual-start', clearOffUntil: true });
    expect(ownDutyAt(schedule({ onDuty: true, onDutySince: time(ekb(6, 12)) }), 'ivan', ekb(6, 12))?.untilMillis).toBe(ekb(6, 12) + 12 * HOUR);
  });
});
