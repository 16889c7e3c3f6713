import { describe, expect, it } from 'vitest';
import type { DutySchedule, Shift } from '@sos/model';
import { addDays, coverageDays, endsNextDay, lengthMinutes, localInputInstant, localInputValue, minutesUntilEnd, shiftRange } from '../shiftTimes';

const HOUR_MS = 3_600_000;
const ZONE = 'Asia/Yekaterinburg'; // UTC+5, no clock changes

describe('shift times on the wall clock', () => {
  it('shows a night shift as the clock reads it: 20:00 + 720 min is «20:00–08:00», ending the next day', () => {
    expect(shiftRange('20:00', 720)).toBe('20:00–08:00');
    expect(endsNextDay('20:00', 720)).toBe(true);
    expect(shiftRange('08:00', 480)).toBe('08:00–16:00');
    expect(endsNextDay('08:00', 480)).toBe(false);
    expect(shiftRange('00:00', 1440)).toBe('00:00–00:00');
  });

  it('reads the length typed as hours and minutes, and anything not whole as NaN for the validator to refuse', () => {
    expect(lengthMinutes('12', '0')).toBe(720);
    expect(lengthMinutes('7', '')).toBe(420);
    expect(lengthMinutes('0', '0')).toBe(0);
    expect(lengthMinutes('', '')).toBeNaN();
    expect(lengthMinutes('1.5', '0')).toBeNaN();
    expect(lengthMinutes('-1', '30')).toBeNaN();
  });

  it('turns an end time into minutes, an end at or before the start being the next day', () => {
    expect(minutesUntilEnd('20:00', '08:00')).toBe(720);
    expect(minutesUntilEnd('08:00', '20:00')).toBe(720);
    expect(minutesUntilEnd('08:00', '08:00')).toBe(1440);
    expect(minutesUntilEnd('8:00', '20:00')).toBeNull();
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it("reads a datetime-local value on the location's clock, and writes one back", () => {
    const instant = localInputInstant(ZONE, '2026-03-02T08:30');
    expect(instant).toBe(Date.UTC(2026, 2, 2, 3, 30));
    expect(localInputValue(ZONE, instant ?? 0)).toBe('2026-03-02T08:30');
    expect(localInputInstant(ZONE, '')).toBeNull();
    expect(localInputInstant(ZONE, '2026-03-02')).toBeNull();
  });
});

describe('the coverage days', () => {
  // Monday 2026-03-02 00:00 in Yekaterinburg.
  const monday = Date.UTC(2026, 2, 1, 19);
  const shift = (uid: string, days: Shift['days'], start: string, minutes: number, tier: Shift['tier'] = 1): Shift => ({ uid, tier, days, start, minutes });
  const schedule = (shifts: Shift[]): DutySchedule => ({
    timezone: ZONE,
    shifts,
    overrides: [],
    roster: { ivan: { tier: 1, onDuty: false }, olga: { tier: 2, onDuty: false } },
  });

  it('lists each day with who is on duty and every stretch without a tier-1 person, cut at midnight', () => {
    const days = coverageDays(schedule([shift('ivan', [1], '20:00', 720), shift('olga', [2], '08:00', 240, 2)]), monday, 3);
    expect(days.map((day) => [day.date, day.weekday, day.hasGap])).toEqual([
      ['2026-03-02', 1, true],
      ['2026-03-03', 2, true],
      ['2026-03-04', 3, true],
    ]);
    const line = (day: (typeof days)[number]) =>
      day.lines.map((entry) => `${entry.kind === 'duty' ? `${entry.uid}/${entry.tier}` : 'gap'} ${entry.from}–${entry.to}`);
    expect(line(days[0]!)).toEqual(['gap 00:00–20:00', 'ivan/1 20:00–24:00']);
    expect(line(days[1]!)).toEqual(['ivan/1 00:00–08:00', 'gap 08:00–24:00', 'olga/2 08:00–12:00']);
    expect(line(days[2]!)).toEqual(['gap 00:00–24:00']);
  });

  it('starts today from now, and reads a fully covered day as having no gap', () => {
    const days = coverageDays(schedule([shift('ivan', [1, 2, 3, 4, 5, 6, 7], '00:00', 1440)]), monday + 10 * HOUR_MS + 15 * 60_000, 2);
    expect(days[0]?.lines.map((entry) => `${entry.from}–${entry.to}`)).toEqual(['10:15–24:00']);
    expect(days.every((day) => !day.hasGap)).toBe(true);
  });
});
