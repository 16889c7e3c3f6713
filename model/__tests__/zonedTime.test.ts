import { describe, expect, it } from 'vitest';
import { zonedInstant, zonedWallTime } from '../src/shifts';

describe("a location's wall clock", () => {
  it('reads a local date and time as the instant it happens, and back', () => {
    const instant = zonedInstant('Asia/Yekaterinburg', '2026-03-02', '08:30');
    expect(instant).toBe(Date.UTC(2026, 2, 2, 3, 30));
    expect(zonedWallTime('Asia/Yekaterinburg', instant)).toEqual({ date: '2026-03-02', time: '08:30', weekday: 1 });
  });

  it('reads a skipped time as the moment the clocks jump, and a repeated one as its first occurrence (Europe/Berlin)', () => {
    expect(zonedInstant('Europe/Berlin', '2026-03-29', '02:30')).toBe(Date.UTC(2026, 2, 29, 1, 0));
    expect(zonedInstant('Europe/Berlin', '2026-10-25', '02:30')).toBe(Date.UTC(2026, 9, 25, 0, 30));
  });

  it('gives the weekday of the local date, not of UTC', () => {
    // Sunday 22:00 UTC is already Monday 03:00 in Yekaterinburg.
    expect(zonedWallTime('Asia/Yekaterinburg', Date.UTC(2026, 2, 1, 22)).weekday).toBe(1);
  });
});
