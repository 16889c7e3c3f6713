import { describe, expect, it } from 'vitest';
import { MAX_ROLLUP_RANGE_DAYS } from '@sos/model';
import { STATS_PRESETS, checkChosenRange, monthsBefore, presetDays, presetRange, rangeLength, rangeOf } from '../statsRange';

const ZONE = 'Asia/Yekaterinburg'; // UTC+5, no clock changes

describe('statistics range presets', () => {
  it("count back from today in the location's zone, not the device's", () => {
    // 2026-03-10 20:30 UTC is already 2026-03-11 01:30 in Yekaterinburg, still the 10th in New York.
    const now = Date.UTC(2026, 2, 10, 20, 30);
    expect(presetRange('today', ZONE, now)).toEqual({ from: '2026-03-11', to: '2026-03-11' });
    expect(presetRange('today', 'America/New_York', now)).toEqual({ from: '2026-03-10', to: '2026-03-10' });
    expect(presetRange('today', 'UTC', now)).toEqual({ from: '2026-03-10', to: '2026-03-10' });
    expect(presetRange('7d', ZONE, now)).toEqual({ from: '2026-03-05', to: '2026-03-11' });
    expect(presetRange('30d', ZONE, now)).toEqual({ from: '2026-02-10', to: '2026-03-11' });
  });

  it('a quarter is the last 3 months and a year the last 12, each ending today', () => {
    expect(presetDays('quarter', '2026-12-07')).toEqual({ from: '2026-09-08', to: '2026-12-07' });
    expect(presetDays('year', '2026-12-07')).toEqual({ from: '2025-12-08', to: '2026-12-07' });
    expect(rangeLength(presetDays('year', '2026-12-07'))).toBe(365);
    // A year over a leap day has 366 days, the most a range may have.
    expect(presetDays('year', '2024-02-29')).toEqual({ from: '2023-03-01', to: '2024-02-29' });
    expect(rangeLength(presetDays('year', '2024-02-29'))).toBe(366);
    expect(presetDays('quarter', '2026-05-31')).toEqual({ from: '2026-03-01', to: '2026-05-31' });
  });

  it('every preset on every day of a leap year and the next is a valid range of at most a year', () => {
    for (let day = Date.UTC(2024, 0, 1); day < Date.UTC(2026, 0, 1); day += 86_400_000) {
      const today = new Date(day).toISOString().slice(0, 10);
      for (const preset of STATS_PRESETS) {
        const range = presetDays(preset, today);
        expect(checkChosenRange(range.from, range.to).range, `${preset} ${today}`).toEqual(range);
        expect(rangeLength(range)).toBeLessThanOrEqual(MAX_ROLLUP_RANGE_DAYS);
      }
    }
  });

  it('a month back keeps the day, or takes the last day of a shorter month', () => {
    expect(monthsBefore('2026-05-31', 3)).toBe('2026-02-28');
    expect(monthsBefore('2024-05-31', 3)).toBe('2024-02-29');
    expect(monthsBefore('2026-01-15', 1)).toBe('2025-12-15');
    expect(monthsBefore('2026-03-31', 12)).toBe('2025-03-31');
  });

  it('own dates are read as chosen, a preset from today', () => {
    expect(rangeOf('custom', { from: '2026-01-01', to: '2026-01-31' }, '2026-12-07')).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(rangeOf('custom', null, '2026-12-07')).toBeNull();
    expect(rangeOf('7d', null, '2026-12-07')).toEqual({ from: '2026-12-01', to: '2026-12-07' });
  });
});

describe('chosen dates', () => {
  it('a year of 366 days is accepted, one day more is refused next to the last day', () => {
    expect(checkChosenRange('2024-01-01', '2024-12-31')).toEqual({ range: { from: '2024-01-01', to: '2024-12-31' }, errors: { from: null, to: null } });
    expect(checkChosenRange('2024-01-01', '2025-01-01')).toEqual({ range: null, errors: { from: null, to: 'too-long' } });
  });

  it('an end before its start is refused next to the last day; a single day is a range', () => {
    expect(checkChosenRange('2026-02-01', '2026-01-31')).toEqual({ range: null, errors: { from: null, to: 'end-before-start' } });
    expect(checkChosenRange('2026-02-01', '2026-02-01').range).toEqual({ from: '2026-02-01', to: '2026-02-01' });
  });

  it('an empty or impossible date is asked for next to its own field, both at once', () => {
    expect(checkChosenRange('', '2026-01-31').errors).toEqual({ from: 'missing', to: null });
    expect(checkChosenRange('2026-01-01', '').errors).toEqual({ from: null, to: 'missing' });
    expect(checkChosenRange('', '').errors).toEqual({ from: 'missing', to: 'missing' });
    expect(checkChosenRange('2026-02-30', '2026-03-01')).toEqual({ range: null, errors: { from: 'missing', to: null } });
  });
});
