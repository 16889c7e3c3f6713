import { describe, expect, it } from 'vitest';
import { daysBetween, histogramQuantileMillis, mergeRollups, rollupStatistics, type Location } from '@sos/model';
import { DEMO_LOCATIONS } from '../demo-data';
import { DEMO_HISTORY, HISTORY_LOCATION, generatedDay, generatedDays, historyDays, seededRandom } from '../seed-history';

const location = DEMO_LOCATIONS[HISTORY_LOCATION] as Location;
// 2026-12-07 03:00 in Yekaterinburg (UTC+5) is still the 6th in UTC.
const NOW = Date.UTC(2026, 11, 6, 22, 0);

describe('the demo history', () => {
  it("covers the three months before today in the location's zone, today left to the triggers", () => {
    expect(historyDays(location.timezone, NOW)).toEqual({ from: '2026-09-08', to: '2026-12-06' });
  });

  it('is the same documents on every run: each day from a seed of its own', () => {
    const range = historyDays(location.timezone, NOW);
    expect(generatedDays(HISTORY_LOCATION, location, range, DEMO_HISTORY)).toEqual(generatedDays(HISTORY_LOCATION, location, range, DEMO_HISTORY));
    // A day reads the same whichever run (whichever today) generates it.
    expect(generatedDay(HISTORY_LOCATION, location, '2026-10-01', DEMO_HISTORY)).toEqual(generatedDay(HISTORY_LOCATION, location, '2026-10-01', DEMO_HISTORY));
    expect(seededRandom('a')()).toBe(seededRandom('a')());
    expect(seededRandom('a')()).not.toBe(seededRandom('b')());
  });

  it('looks like a building: a few calls a day, more in the daytime, claims mostly within a minute, arrivals within 10 minutes', () => {
    const range = historyDays(location.timezone, NOW);
    const days = generatedDays(HISTORY_LOCATION, location, range, DEMO_HISTORY);
    const total = mergeRollups(days);
    const perDay = (total.requests ?? 0) / daysBetween(range.from, range.to).length;
    expect(perDay).toBeGreaterThan(2);
    expect(perDay).toBeLessThan(6);
    expect(days.every((day) => (day.requests ?? 0) <= 15)).toBe(true);
    const hours = total.byHour ?? {};
    const sum = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, h) => hours[String(from + h).padStart(2, '0')] ?? 0).reduce((a, b) => a + b, 0);
    expect(sum(8, 20)).toBeGreaterThan(3 * (sum(0, 8) + sum(20, 24)));
    const stats = rollupStatistics(total);
    expect(stats.ackMedianMillis).toBeLessThan(40_000);
    expect(stats.ackWithinTargetShare).toBeGreaterThan(0.8);
    expect(histogramQuantileMillis(total.arrivalHistogram, 0.9)).toBeLessThan(600_000);
    expect(total.overdue ?? 0).toBeGreaterThan(0);
    expect(total.cancelledUnclaimed ?? 0).toBeGreaterThan(0);
    expect(Object.keys(total.byKind ?? {}).length).toBeGreaterThan(3);
  });

  it('gives exactly the calls asked for a day when told so (the bench)', () => {
    const day = generatedDay('bench', { ...location, timezone: 'UTC' }, '2026-01-15', { callsPerDay: 100 });
    expect(day?.requests).toBe(100);
    expect(day?.day).toBe('2026-01-15');
  });
});
