// The statistics screen's range of days (local dates of the location): a preset counted back from today in the
// location's time zone, or two chosen dates; what is wrong with chosen dates, to be said next to the field.
import { dayRangeProblem, rollupDayOf } from '@sos/model';
import { addDays } from '../shifts/shiftTimes';

export const STATS_PRESETS = ['today', '7d', '30d', 'quarter', 'year'] as const;
export type StatsPreset = (typeof STATS_PRESETS)[number];
/** What the range picker offers: a preset, or dates of one's own. */
export type StatsRangeChoice = StatsPreset | 'custom';

/** Local dates `YYYY-MM-DD`, both included. */
export interface DayRange {
  from: string;
  to: string;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The same day `months` earlier; a day that month lacks (31 May − 3 months) is its last day (28 or 29 February). */
export function monthsBefore(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) - months;
  const [toYear, toMonth] = [Math.floor(monthIndex / 12), monthIndex % 12];
  const lastDate = new Date(Date.UTC(toYear, toMonth + 1, 0)).getUTCDate();
  return `${toYear}-${pad(toMonth + 1)}-${pad(Math.min(date, lastDate))}`;
}

/**
 * A preset's days, ending today in the location's zone: today alone, the last 7 or 30 days, the last quarter (3
 * months: the day after the same date 3 months back, to today) or the last year (likewise, 365 or 366 days).
 */
export function presetRange(preset: StatsPreset, timezone: string, nowMillis: number): DayRange {
  return presetDays(preset, rollupDayOf(timezone, nowMillis));
}

/** A preset's days ending on `today`, a local date (see presetRange). */
export function presetDays(preset: StatsPreset, today: string): DayRange {
  const back: Record<StatsPreset, () => string> = {
    today: () => today,
    '7d': () => addDays(today, -6),
    '30d': () => addDays(today, -29),
    quarter: () => addDays(monthsBefore(today, 3), 1),
    year: () => addDays(monthsBefore(today, 12), 1),
  };
  return { from: back[preset](), to: today };
}

/** What the screen says next to a chosen date (stats.errors.*). */
export type RangeFieldError = 'missing' | 'end-before-start' | 'too-long';

export interface ChosenRange {
  /** The range to read; null while a field is wrong. */
  range: DayRange | null;
  errors: { from: RangeFieldError | null; to: RangeFieldError | null };
}

/**
 * Two chosen dates (`<input type="date">` values: empty while incomplete) checked as the rebuild and the rules check
 * a range: real dates, the end not before the start, at most MAX_ROLLUP_RANGE_DAYS days. The end carries the error of
 * the pair, as it is the field one changes last.
 */
export function checkChosenRange(from: string, to: string): ChosenRange {
  const problem = dayRangeProblem(from, to);
  const errors: ChosenRange['errors'] = { from: null, to: null };
  if (problem === 'malformed-from' || problem === 'malformed-to') {
    // Both fields are told at once, not one after the other.
    errors.from = dayRangeProblem(from, from) ? 'missing' : null;
    errors.to = dayRangeProblem(to, to) ? 'missing' : null;
  } else if (problem) errors.to = problem;
  return { range: problem ? null : { from, to }, errors };
}

/** Days in a range, both ends included. */
export const rangeLength = (range: DayRange): number => (Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000 + 1;

/** The range a choice reads in a location whose local date is `today`: the preset's days, or the chosen ones. */
export function rangeOf(choice: StatsRangeChoice, chosen: DayRange | null, today: string): DayRange | null {
  return choice === 'custom' ? chosen : presetDays(choice, today);
}
