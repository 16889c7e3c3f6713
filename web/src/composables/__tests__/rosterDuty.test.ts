import { describe, expect, it } from 'vitest';
import type { DutyOverride, DutySchedule, RosterDuty, Shift } from '@sos/model';
import { rosterDutyAt } from '../rosterDuty';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const time = (millis: number) => ({ toMillis: () => millis });
/** Yekaterinburg is UTC+5 all year; 2026-01-05 is a Monday. */
const ekb = (day: number, hour: number, minute = 0) => Date.UTC(2026, 0, day, hour - 5, minute);

const dayShift: Shift = { uid: 'ivan', tier: 1, days: [1, 2, 3, 4, 5], start: '08:00', minutes: 720 };
const schedule = (people: Record<string, Partial<RosterDuty>> = {}, more: Partial<DutySchedule> = {}): DutySchedule => ({
  timezone: 'Asia/Yekaterinburg',
  shifts: [dayShift],
  overrides: [],
  roster: {
    ivan: { tier: 1, onDuty: false, ...people.ivan },
    maria: { tier: 2, onDuty: false, ...people.maria },
  },
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

describe('rosterDutyAt', () => {
  it('puts a person on duty by the timetable, until the shift ends, and leaves the others off', () => {
    const duty = rosterDutyAt(schedule(), ekb(5, 10));
    expect(duty.get('ivan')).toEqual({ duty: { tier: 1, untilMillis: ekb(5, 20) }, reasons: ['shift'], offUntilMillis: null });
    expect(duty.get('maria')).toEqual({ duty: null, reasons: [], offUntilMillis: null });
  });

  it('reads a manual start with no time as on duty with no end, beside a shift', () => {
    const duty = rosterDutyAt(schedule({ ivan: { onDuty: true } }), ekb(5, 10));
    expect(duty.get('ivan')).toEqual({ duty: { tier: 1, untilMillis: null }, reasons: ['shift', 'manual'], offUntilMillis: null });
    expect(rosterDutyAt(schedule({ ivan: { onDuty: true } }), ekb(10, 3)).get('ivan')?.reasons).toEqual(['manual']);
  });

  it('ends a stamped manual start after 12 hours', () => {
    const started = { onDuty: true, onDutySince: time(ekb(10, 1)) };
    expect(rosterDutyAt(schedule({ ivan: started }), ekb(10, 3)).get('ivan')?.duty).toEqual({ tier: 1, untilMillis: ekb(10, 13) });
    // Sunday 13:00: the start has run out, and there is no shift on a Sunday.
    expect(rosterDutyAt(schedule({ ivan: started }), ekb(11, 13)).get('ivan')?.duty).toBeNull();
  });

  it('follows the overrides: off takes the shift away, a swap puts the stand-in on with the absent tier', () => {
    const swap = override('swap', ekb(5, 8), ekb(5, 20), { withUid: 'maria' });
    const duty = rosterDutyAt(schedule({}, { overrides: [swap] }), ekb(5, 10));
    expect(duty.get('ivan')?.duty).toBeNull();
    expect(duty.get('maria')).toEqual({ duty: { tier: 1, untilMillis: ekb(5, 20) }, reasons: ['override'], offUntilMillis: null });
    const extra = override('on', ekb(10, 0), ekb(10, 6), { uid: 'maria' });
    expect(rosterDutyAt(schedule({}, { overrides: [extra] }), ekb(10, 1)).get('maria')).toEqual({
      duty: { tier: 2, untilMillis: ekb(10, 6) },
      reasons: ['override'],
      offUntilMillis: null,
    });
  });

  it('shows an early end: off until then, whatever the shift says; a past one is forgotten', () => {
    const ended = schedule({ ivan: { offUntil: time(ekb(5, 20)) } });
    expect(rosterDutyAt(ended, ekb(5, 10)).get('ivan')).toEqual({ duty: null, reasons: [], offUntilMillis: ekb(5, 20) });
    expect(rosterDutyAt(ended, ekb(6, 10)).get('ivan')).toEqual({ duty: { tier: 1, untilMillis: ekb(6, 20) }, reasons: ['shift'], offUntilMillis: null });
  });

  it('gives the end across back-to-back stretches of different sources', () => {
    const extra = override('on', ekb(5, 20), ekb(5, 20) + 2 * HOUR);
    expect(rosterDutyAt(schedule({}, { overrides: [extra] }), ekb(5, 19)).get('ivan')).toEqual({
      duty: { tier: 1, untilMillis: ekb(5, 22) },
      reasons: ['shift'],
      offUntilMillis: null,
    });
  });
});
