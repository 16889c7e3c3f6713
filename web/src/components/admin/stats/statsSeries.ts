// What the statistics screen draws from a range's daily rollups: the range's figures, one point per day (the days
// nothing happened have no document and count zero), the hour × weekday heat map and the points of a sparkline. Pure,
// so the screen, the bench and the tests compute the same numbers.
import {
  SOS_KINDS,
  daysBetween,
  histogramQuantileMillis,
  histogramTotal,
  mergeRollups,
  rollupStatistics,
  type DailyRollup,
  type ResponseStatistics,
  type RollupCounts,
  type SosKind,
} from '@sos/model';
import type { DayRange } from './statsRange';

/** One day of the range and what it counted (`{}` for a day without a document). */
export interface DayCounts {
  day: string;
  counts: RollupCounts;
}

/** Every day of the range in order, each with its document's counts or none: the charts' x axis has no holes. */
export function daySeries(rollups: readonly DailyRollup[], range: DayRange): DayCounts[] {
  const byDay = new Map(rollups.map((rollup) => [rollup.day, rollup]));
  return daysBetween(range.from, range.to).map((day) => ({ day, counts: byDay.get(day) ?? {} }));
}

export interface KindCount {
  kind: SosKind;
  count: number;
}

/** The screen's figures for a range: the response statistics, the escalations, lateness and the kinds. */
export interface StatsFigures extends ResponseStatistics {
  /** Escalation rounds run, and requests escalated at least once. */
  escalations: number;
  escalated: number;
  /** Requests whose staff were late (still on their way at the arrival deadline). */
  overdue: number;
  /** Requests escalated at opening because nobody of tier 1 was on duty. */
  nobodyOnDuty: number;
  /** Counted requests by kind, in the order of SOS_KINDS; kinds with none are left out. */
  byKind: KindCount[];
}

export function rangeFigures(days: readonly RollupCounts[]): StatsFigures {
  const counts = mergeRollups(days);
  return {
    ...rollupStatistics(counts),
    escalations: counts.escalations ?? 0,
    escalated: counts.escalated ?? 0,
    overdue: counts.overdue ?? 0,
    nobodyOnDuty: counts.nobodyOnDuty ?? 0,
    byKind: SOS_KINDS.map((kind) => ({ kind, count: counts.byKind?.[kind] ?? 0 })).filter((row) => row.count > 0),
  };
}

/** A day of the charts: its calls, and the median claim and arrival of that day's requests (null when none). */
export interface DayPoint {
  day: string;
  count: number;
  ackMedianMillis: number | null;
  arriveMedianMillis: number | null;
}

export const dayPoints = (series: readonly DayCounts[]): DayPoint[] =>
  series.map(({ day, counts }) => ({
    day,
    count: counts.requests ?? 0,
    ackMedianMillis: histogramQuantileMillis(counts.ackHistogram, 0.5),
    arriveMedianMillis: histogramQuantileMillis(counts.arrivalHistogram, 0.5),
  }));

/** The weekday of a local date, 0 = Monday … 6 = Sunday (the rows of the heat map, as a Russian calendar has them). */
export const weekdayOf = (day: string): number => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;

/** Calls by weekday (7 rows, Monday first) and local hour of creation (24 columns), over the days of a range. */
export function heatMap(series: readonly DayCounts[]): number[][] {
  const cells = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const { day, counts } of series) {
    const row = cells[weekdayOf(day)] as number[];
    for (const [hour, count] of Object.entries(counts.byHour ?? {})) {
      const column = Number(hour);
      if (Number.isInteger(column) && column >= 0 && column < 24 && count) row[column] = (row[column] as number) + count;
    }
  }
  return cells;
}

/** Claims counted in a day (the acknowledged requests of its rollup). */
export const acknowledgedOf = (counts: RollupCounts): number => histogramTotal(counts.ackHistogram);

/**
 * The points (`x,y` pairs for an SVG polyline) of values spread evenly across `width`, zero at the bottom and the
 * largest value at the top of `height`; a single value is a flat line across.
 */
export function sparklinePoints(values: readonly number[], width: number, height: number): string {
  if (values.length === 0) return '';
  const top = Math.max(1, ...values);
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const point = (value: number, index: number) => `${round(index * step)},${round(height - (height * value) / top)}`;
  return values.length === 1
    ? `${point(values[0] as number, 0)} ${round(width)},${round(height - (height * (values[0] as number)) / top)}`
    : values.map(point).join(' ');
}

const round = (value: number) => Math.round(value * 10) / 10;

/** The days an x axis names: the first and the last, and the middle one of a week or more; where each is anchored. */
export function chartAxisDays(days: readonly string[]): { day: string; index: number; anchor: 'start' | 'middle' | 'end' }[] {
  if (days.length <= 1) return days.map((day) => ({ day, index: 0, anchor: 'middle' }));
  const last = days.length - 1;
  const marks: { index: number; anchor: 'start' | 'middle' | 'end' }[] = [
    { index: 0, anchor: 'start' },
    ...(days.length >= 7 ? [{ index: Math.floor(last / 2), anchor: 'middle' as const }] : []),
    { index: last, anchor: 'end' },
  ];
  return marks.map((mark) => ({ ...mark, day: days[mark.index] as string }));
}

/** Runs of consecutive indexes whose value is not null: the pieces of a line that has no value on some days. */
export function lineRuns(values: readonly (number | null)[]): { index: number; value: number }[][] {
  const runs: { index: number; value: number }[][] = [];
  let run: { index: number; value: number }[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else run.push({ index, value });
  });
  if (run.length > 0) runs.push(run);
  return runs;
}
