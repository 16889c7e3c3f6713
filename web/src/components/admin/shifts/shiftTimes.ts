// The «Смены» screen's arithmetic on wall times and days, in the location's time zone (the model's zone maths).
import {
  coverageGaps,
  dutySpans,
  MAX_SHIFT_MINUTES,
  SHIFT_DATE_PATTERN,
  SHIFT_START_PATTERN,
  zonedInstant,
  zonedWallTime,
  type DutySchedule,
  type IsoWeekday,
  type StaffTier,
} from '@sos/model';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

const minuteOfDay = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const wallTime = (minutes: number): string => {
  const wrapped = ((minutes % MAX_SHIFT_MINUTES) + MAX_SHIFT_MINUTES) % MAX_SHIFT_MINUTES;
  return `${String(Math.floor(wrapped / 60)).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`;
};

/** A shift's wall-clock range, «20:00–08:00» (its end as the clock reads it, past midnight or not). */
export function shiftRange(start: string, minutes: number): string {
  return `${start}–${wallTime(minuteOfDay(start) + minutes)}`;
}

/** Whether a shift that starts at `start` and lasts `minutes` ends on the next day. */
export const endsNextDay = (start: string, minutes: number): boolean => minuteOfDay(start) + minutes > MAX_SHIFT_MINUTES;

/**
 * The length the form stores from the hours and minutes typed: NaN when either is not a whole number ≥ 0 (the model's
 * validator then refuses it as out of range, next to the field).
 */
export function lengthMinutes(hours: string | number, minutes: string | number): number {
  const parts = [hours, minutes].map((typed) => String(typed).trim());
  const [h, m] = parts.map((text) => (text === '' ? 0 : Number(text))) as [number, number];
  if (parts.every((text) => text === '') || ![h, m].every((part) => Number.isInteger(part) && part >= 0)) return Number.NaN;
  return h * 60 + m;
}

/** The minutes from `start` to `end` on the wall: an end at or before the start is the next day's (08:00 after 20:00 = 720). */
export function minutesUntilEnd(start: string, end: string): number | null {
  if (!SHIFT_START_PATTERN.test(start) || !SHIFT_START_PATTERN.test(end)) return null;
  const minutes = minuteOfDay(end) - minuteOfDay(start);
  return minutes > 0 ? minutes : minutes + MAX_SHIFT_MINUTES;
}

/** `YYYY-MM-DD` plus some days. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A `datetime-local` value (`YYYY-MM-DDTHH:MM`) read in the zone; null when it is not one. */
export function localInputInstant(timezone: string, value: string): number | null {
  const [date = '', time = ''] = value.split('T');
  if (!SHIFT_DATE_PATTERN.test(date) || !SHIFT_START_PATTERN.test(time.slice(0, 5))) return null;
  return zonedInstant(timezone, date, time.slice(0, 5));
}

/** An instant as a `datetime-local` value in the zone. */
export function localInputValue(timezone: string, instant: number): string {
  const { date, time } = zonedWallTime(timezone, instant);
  return `${date}T${time}`;
}

/** One line of a coverage day: someone on duty, or nobody at tier 1 (a gap), from–to on that day's wall clock. */
export type CoverageLine =
  | { kind: 'duty'; uid: string; tier: StaffTier; startMillis: number; endMillis: number; from: string; to: string }
  | { kind: 'gap'; startMillis: number; endMillis: number; from: string; to: string };

export interface CoverageDay {
  date: string;
  weekday: IsoWeekday;
  lines: CoverageLine[];
  /** Whether some of the day has nobody on duty at tier 1. */
  hasGap: boolean;
}

/**
 * The coverage view: `days` local days from the one `nowMillis` falls on (today from now on), each with who is on duty
 * when and every stretch with nobody at tier 1, cut to the day; a stretch to midnight ends at «24:00».
 */
export function coverageDays(schedule: DutySchedule, nowMillis: number, days: number): CoverageDay[] {
  const today = zonedWallTime(schedule.timezone, nowMillis).date;
  const endMillis = zonedInstant(schedule.timezone, addDays(today, days), '00:00');
  const spans = dutySpans(schedule, nowMillis, endMillis);
  const gaps = coverageGaps(schedule, nowMillis, endMillis);
  const result: CoverageDay[] = [];
  for (let index = 0; index < days; index++) {
    const date = addDays(today, index);
    const dayStart = Math.max(nowMillis, zonedInstant(schedule.timezone, date, '00:00'));
    const dayEnd = zonedInstant(schedule.timezone, addDays(date, 1), '00:00');
    const clip = (span: { startMillis: number; endMillis: number }) => {
      const startMillis = Math.max(span.startMillis, dayStart);
      const end = Math.min(span.endMillis, dayEnd);
      return {
        startMillis,
        endMillis: end,
        from: zonedWallTime(schedule.timezone, startMillis).time,
        to: end === dayEnd ? '24:00' : zonedWallTime(schedule.timezone, end).time,
      };
    };
    const overlapsDay = (span: { startMillis: number; endMillis: number }) => span.startMillis < dayEnd && span.endMillis > dayStart;
    const lines: CoverageLine[] = [
      ...spans.filter(overlapsDay).map((span) => ({ kind: 'duty' as const, uid: span.uid, tier: span.tier, ...clip(span) })),
      ...gaps.filter(overlapsDay).map((gap) => ({ kind: 'gap' as const, ...clip(gap) })),
    ].sort((a, b) => a.startMillis - b.startMillis || Number(b.kind === 'gap') - Number(a.kind === 'gap'));
    result.push({ date, weekday: zonedWallTime(schedule.timezone, dayStart).weekday, lines, hasGap: lines.some((line) => line.kind === 'gap') });
  }
  return result;
}
