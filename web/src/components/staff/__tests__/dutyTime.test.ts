import { describe, expect, it } from 'vitest';
import { dutyMoment } from '../dutyTime';

/** Yekaterinburg is UTC+5 all year. */
const EKB = 'Asia/Yekaterinburg';
const ekb = (month: number, day: number, hour: number, minute = 0) => Date.UTC(2026, month - 1, day, hour - 5, minute);
// 2026-06-12 is a Friday.

describe('dutyMoment', () => {
  it('reads the time on the location clock, not the phone one', () => {
    const moment = dutyMoment(ekb(6, 12, 8), ekb(6, 12, 1), EKB, 'ru');
    expect(moment).toMatchObject({ day: 'today', time: '08:00' });
    expect(moment.iso).toBe('2026-06-12T03:00:00.000Z');
    expect(dutyMoment(ekb(6, 12, 8), ekb(6, 12, 1), 'Europe/Moscow', 'ru').time).toBe('06:00');
  });

  it('says tomorrow by the location day: 01:00 in Yekaterinburg is still the evening before in UTC', () => {
    // 23:30 on Friday there; the shift ends at 08:00 on Saturday there.
    expect(dutyMoment(ekb(6, 13, 8), ekb(6, 12, 23, 30), EKB, 'ru')).toMatchObject({ day: 'tomorrow', time: '08:00' });
    // 00:30 on Saturday there (19:30 UTC on Friday): 08:00 is today.
    expect(dutyMoment(ekb(6, 13, 8), ekb(6, 13, 0, 30), EKB, 'ru')).toMatchObject({ day: 'today', time: '08:00' });
  });

  it('names the weekday and date of a later day in the language given', () => {
    const moment = dutyMoment(ekb(6, 19, 20), ekb(6, 12, 9), EKB, 'ru');
    expect(moment).toMatchObject({ day: 'later', time: '20:00', weekday: 'пт' });
    expect(moment.date).toMatch(/^19 июн/);
    expect(dutyMoment(ekb(6, 19, 20), ekb(6, 12, 9), EKB, 'en')).toMatchObject({ weekday: 'Fri', date: 'Jun 19' });
  });

  it('uses 24-hour midnight as 00:00', () => {
    expect(dutyMoment(ekb(6, 13, 0), ekb(6, 12, 12), EKB, 'en')).toMatchObject({ day: 'tomorrow', time: '00:00' });
  });

  it('falls back to UTC for a zone the platform does not know', () => {
    expect(dutyMoment(Date.UTC(2026, 5, 12, 8), Date.UTC(2026, 5, 12, 1), 'Mars/Olympus', 'ru')).toMatchObject({ day: 'today', time: '08:00' });
  });
});
