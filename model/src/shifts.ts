// Shifts (PRODUCT.md "Contract additions → Shifts"): the weekly timetable, the admins' overrides, the staff's own
// switch, and the one function that says who is on duty at an instant. Validated here once: the rules mirror it.
import type { StaffMember, TimestampLike } from './contract';

const SECOND_MS = 1_000;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export type StaffTier = StaffMember['tier'];
export const STAFF_TIERS = [1, 2] as const satisfies readonly StaffTier[];

/** ISO weekdays, Monday = 1 … Sunday = 7. */
export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type IsoWeekday = (typeof ISO_WEEKDAYS)[number];

export const MIN_SHIFT_MINUTES = 1;
export const MAX_SHIFT_MINUTES = 1440;
export const MAX_OVERRIDE_DAYS = 90;
/** A manual start («Заступить на смену») lasts until it is ended or this many hours pass. */
export const MANUAL_DUTY_HOURS = 12;
/** «Закончить смену» takes a person off until at most this many hours ahead (the rules' bound on `offUntil`). */
export const MAX_OFF_UNTIL_HOURS = 24;
/** How far ahead `onDutyAt` looks for the end of a person's duty; beyond it the end reads as unknown (null). */
export const DUTY_LOOKAHEAD_HOURS = 48;

/** Zero-padded 24-hour `HH:MM`, 00:00..23:59. */
export const SHIFT_START_PATTERN = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
/** `YYYY-MM-DD`; whether the day exists in its month is checked apart (isCalendarDate). */
export const SHIFT_DATE_PATTERN = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

/** `locations/{id}/shifts/{shiftId}`: a weekly shift, read in the location's `timezone`. Exactly these keys. */
export interface Shift {
  uid: string;
  tier: StaffTier;
  /** The weekdays on which the shift starts (it may run past midnight into the next). */
  days: IsoWeekday[];
  /** Local start time, `HH:MM`. */
  start: string;
  /** Real elapsed minutes, 1..1440: a night across a clock change is an hour shorter or longer on the wall. */
  minutes: number;
  /** First local date on which it starts, inclusive; absent or null = open-ended. */
  from?: string | null;
  /** Last local date on which it starts, inclusive; absent or null = open-ended. */
  until?: string | null;
}

export const OVERRIDE_ACTIONS = ['on', 'off', 'swap'] as const;
export type OverrideAction = (typeof OVERRIDE_ACTIONS)[number];

/** `locations/{id}/overrides/{overrideId}`: a change to duty for a time range (leave, sickness, a swap). */
export interface DutyOverride<Ts = TimestampLike> {
  uid: string;
  /** `on` puts `uid` on duty with their roster tier; `off` takes them off their shifts; `swap` takes `uid` off and puts `withUid` on with `uid`'s tier. */
  action: OverrideAction;
  /** Only for `swap`: who stands in. */
  withUid?: string;
  start: Ts;
  /** After `start`, at most 90 days later. */
  end: Ts;
  /** The admin who wrote it. */
  createdBy: string;
}

// ---- validation: one error code per field, for the form to show next to it (and the rules to mirror) ----

export type ShiftField = keyof Shift;
export type ShiftProblem =
  | 'unknown-field'
  | 'unknown-person'
  | 'not-staff'
  | 'unknown-tier'
  | 'no-days'
  | 'unknown-day'
  | 'repeated-day'
  | 'malformed-time'
  | 'minutes-out-of-range'
  | 'malformed-date'
  | 'until-before-from';
/** `document` holds a problem of the whole document (a key the contract does not know). */
export type ShiftErrors = Partial<Record<ShiftField | 'document', ShiftProblem>>;
export type ShiftCheck = { ok: true; shift: Shift } | { ok: false; errors: ShiftErrors };

export type OverrideField = keyof DutyOverride;
export type OverrideProblem =
  | 'unknown-field'
  | 'unknown-person'
  | 'not-staff'
  | 'unknown-action'
  | 'with-uid-required'
  | 'with-uid-not-allowed'
  | 'same-person'
  | 'not-a-time'
  | 'end-not-after-start'
  | 'too-long'
  | 'not-the-writer';
export type OverrideErrors = Partial<Record<OverrideField | 'document', OverrideProblem>>;
export type OverrideCheck = { ok: true; override: DutyOverride } | { ok: false; errors: OverrideErrors };

export type OffUntilProblem = 'not-in-future' | 'too-far';

/**
 * Who a shift or an override may name: the location's roster (its staff and admins), and, when the form has it, everyone
 * of the location, so that a resident reads as `not-staff` rather than `unknown-person`.
 */
export interface LocationPeople {
  roster: Readonly<Record<string, unknown>>;
  members?: Readonly<Record<string, unknown>>;
}

const SHIFT_KEYS: readonly string[] = ['uid', 'tier', 'days', 'start', 'minutes', 'from', 'until'];
const OVERRIDE_KEYS: readonly string[] = ['uid', 'action', 'withUid', 'start', 'end', 'createdBy'];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
export const isStaffTier = (value: unknown): value is StaffTier => (STAFF_TIERS as readonly unknown[]).includes(value);
export const isIsoWeekday = (value: unknown): value is IsoWeekday => (ISO_WEEKDAYS as readonly unknown[]).includes(value);
export const isOverrideAction = (value: unknown): value is OverrideAction => (OVERRIDE_ACTIONS as readonly unknown[]).includes(value);
const isTime = (value: unknown): value is TimestampLike => isRecord(value) && typeof value.toMillis === 'function';

/** A `YYYY-MM-DD` that names a day that exists (no 2026-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !SHIFT_DATE_PATTERN.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function personProblem(uid: unknown, people: LocationPeople): 'unknown-person' | 'not-staff' | null {
  if (typeof uid !== 'string' || uid === '') return 'unknown-person';
  if (Object.hasOwn(people.roster, uid)) return null;
  return people.members && !Object.hasOwn(people.members, uid) ? 'unknown-person' : 'not-staff';
}

/** A shift as an admin saves it: every field checked, each problem under its field. */
export function validateShift(value: unknown, people: LocationPeople): ShiftCheck {
  if (!isRecord(value)) return { ok: false, errors: { document: 'unknown-field' } };
  const errors: ShiftErrors = {};
  if (Object.keys(value).some((key) => !SHIFT_KEYS.includes(key))) errors.document = 'unknown-field';
  const person = personProblem(value.uid, people);
  if (person) errors.uid = person;
  if (!isStaffTier(value.tier)) errors.tier = 'unknown-tier';
  const days = value.days;
  if (!Array.isArray(days) || days.length === 0) errors.days = 'no-days';
  else if (!days.every(isIsoWeekday)) errors.days = 'unknown-day';
  else if (new Set(days).size !== days.length) errors.days = 'repeated-day';
  if (typeof value.start !== 'string' || !SHIFT_START_PATTERN.test(value.start)) errors.start = 'malformed-time';
  const minutes = value.minutes;
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < MIN_SHIFT_MINUTES || minutes > MAX_SHIFT_MINUTES) {
    errors.minutes = 'minutes-out-of-range';
  }
  const from = value.from ?? null;
  const until = value.until ?? null;
  if (from !== null && !isCalendarDate(from)) errors.from = 'malformed-date';
  if (until !== null && !isCalendarDate(until)) errors.until = 'malformed-date';
  else if (until !== null && isCalendarDate(from) && until < from) errors.until = 'until-before-from';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, shift: value as unknown as Shift };
}

/** An override as an admin saves it; `writerUid` is who saves it (`createdBy` must be them). */
export function validateDutyOverride(value: unknown, people: LocationPeople & { writerUid: string }): OverrideCheck {
  if (!isRecord(value)) return { ok: false, errors: { document: 'unknown-field' } };
  const errors: OverrideErrors = {};
  if (Object.keys(value).some((key) => !OVERRIDE_KEYS.includes(key))) errors.document = 'unknown-field';
  const person = personProblem(value.uid, people);
  if (person) errors.uid = person;
  if (!isOverrideAction(value.action)) errors.action = 'unknown-action';
  else if (value.action === 'swap') {
    const standIn = personProblem(value.withUid, people);
    if (value.withUid === undefined) errors.withUid = 'with-uid-required';
    else if (standIn) errors.withUid = standIn;
    else if (value.withUid === value.uid) errors.withUid = 'same-person';
  } else if ('withUid' in value) errors.withUid = 'with-uid-not-allowed';
  if (!isTime(value.start)) errors.start = 'not-a-time';
  if (!isTime(value.end)) errors.end = 'not-a-time';
  else if (isTime(value.start)) {
    const length = value.end.toMillis() - value.start.toMillis();
    if (length <= 0) errors.end = 'end-not-after-start';
    else if (length > MAX_OVERRIDE_DAYS * DAY_MS) errors.end = 'too-long';
  }
  if (value.createdBy !== people.writerUid) errors.createdBy = 'not-the-writer';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, override: value as unknown as DutyOverride };
}

/** The `offUntil` «Закончить смену» may write: later than now, at most 24 hours ahead (the rules check the same). */
export function validateOffUntil(offUntilMillis: number, nowMillis: number): OffUntilProblem | null {
  if (offUntilMillis <= nowMillis) return 'not-in-future';
  if (offUntilMillis > nowMillis + MAX_OFF_UNTIL_HOURS * HOUR_MS) return 'too-far';
  return null;
}

// ---- wall-clock time in a zone, with Intl alone ----

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** Whether the platform knows an IANA zone name (a location's `timezone`). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function zoneFormat(timezone: string): Intl.DateTimeFormat {
  let format = zoneFormats.get(timezone);
  if (!format) {
    // A location saved with a zone the platform does not know still gets its duty computed (in UTC) rather than none.
    const timeZone = isTimeZone(timezone) ? timezone : 'UTC';
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormats.set(timezone, format);
  }
  return format;
}

/** The wall clock of an instant in the zone, as milliseconds of a UTC date with the same fields (to whole seconds). */
function wallClock(format: Intl.DateTimeFormat, instant: number): number {
  const fields: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of format.formatToParts(instant)) fields[part.type] = Number(part.value);
  return Date.UTC(fields.year ?? 1970, (fields.month ?? 1) - 1, fields.day ?? 1, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0);
}

const offsetAt = (format: Intl.DateTimeFormat, instant: number): number => {
  const wholeSecond = Math.floor(instant / SECOND_MS) * SECOND_MS;
  return wallClock(format, wholeSecond) - wholeSecond;
};

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds (the model's one zone offset). */
export const zoneOffsetMillis = (timezone: string, instant: number): number => offsetAt(zoneFormat(timezone), instant);

/** The local calendar day of an instant, as days since 1970-01-01. */
const localDayOf = (format: Intl.DateTimeFormat, instant: number): number => Math.floor(wallClock(format, instant) / DAY_MS);

/**
 * The instant a local day's wall time happens. A wall time the clocks skip (02:30 on a spring-forward night) maps to the
 * moment the clocks jump (03:00 local: the shift starts when the skipped hour ends); one they pass twice (02:30 on an
 * autumn night) maps to its first occurrence.
 */
function localInstant(format: Intl.DateTimeFormat, day: number, minuteOfDay: number): number {
  const wall = day * DAY_MS + minuteOfDay * MINUTE_MS;
  const offsetBefore = offsetAt(format, wall - DAY_MS);
  const offsetAfter = offsetAt(format, wall + DAY_MS);
  const fits = [wall - offsetBefore, wall - offsetAfter].filter((instant) => offsetAt(format, instant) === wall - instant);
  if (fits.length > 0) return Math.min(...fits);
  // Skipped: the jump lies between these two instants; find it to the second.
  let beforeJump = wall - offsetAfter;
  let afterJump = wall - offsetBefore;
  while (afterJump - beforeJump > SECOND_MS) {
    const middle = beforeJump + Math.floor((afterJump - beforeJump) / 2 / SECOND_MS) * SECOND_MS;
    if (offsetAt(format, middle) === offsetBefore) beforeJump = middle;
    else afterJump = middle;
  }
  return afterJump;
}

const dayOfDate = (date: string): number => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / DAY_MS;
};
/** 1970-01-01 was a Thursday (ISO 4). */
const isoWeekdayOfDay = (day: number): IsoWeekday => (((((day + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
const minuteOfDayOf = (start: string): number => Number(start.slice(0, 2)) * 60 + Number(start.slice(3, 5));

/**
 * The instant of a local date and wall time (`YYYY-MM-DD`, `HH:MM`) in a zone, read as a shift's start is: an admin's
 * override typed in the location's time, or the midnight that starts a day of the coverage view.
 */
export function zonedInstant(timezone: string, date: string, time: string): number {
  return localInstant(zoneFormat(timezone), dayOfDate(date), minuteOfDayOf(time));
}

/** The local date (`YYYY-MM-DD`), wall time (`HH:MM`) and ISO weekday of an instant in a zone, for showing it there. */
export function zonedWallTime(timezone: string, instant: number): { date: string; time: string; weekday: IsoWeekday } {
  const wall = new Date(wallClock(zoneFormat(timezone), instant)).toISOString();
  return { date: wall.slice(0, 10), time: wall.slice(11, 16), weekday: isoWeekdayOfDay(Math.floor(Date.parse(wall.slice(0, 10)) / DAY_MS)) };
}

// ---- duty ----

/** What of a roster entry duty needs. `onDutySince` (when the manual start was switched on) bounds it to 12 hours. */
export type RosterDuty = Pick<StaffMember, 'tier' | 'onDuty' | 'onDutySince' | 'offUntil'>;

/** Everything that decides duty at a location. */
export interface DutySchedule {
  /** The location's IANA zone: the shifts' days, starts and dates are read in it. */
  timezone: string;
  shifts: readonly Shift[];
  overrides: readonly DutyOverride[];
  /** uid → roster entry; a person without one (removed from the location) is never on duty. */
  roster: Readonly<Record<string, RosterDuty>>;
}

export interface TimeSpan {
  startMillis: number;
  endMillis: number;
}

/** A stretch of one person's duty at one tier. */
export interface DutySpan extends TimeSpan {
  uid: string;
  tier: StaffTier;
}

/** A person on duty at an instant: their tier then, and when their duty ends (null: not within 48 h, or not known). */
export interface OnDuty {
  uid: string;
  tier: StaffTier;
  untilMillis: number | null;
}

interface TieredSpan extends TimeSpan {
  tier: StaffTier;
}

/** One person's inputs, in the order of the contract's formula. */
interface PersonDuty {
  scheduled: TieredSpan[];
  /** `off` overrides and swaps away: they take a person off their shifts only. */
  offShifts: TimeSpan[];
  /** Swaps in, `on` overrides and the manual start: on duty whatever the shifts say. */
  added: TieredSpan[];
  /** «Закончить смену»: off, whatever the rest says, before this instant. */
  offUntilMillis: number;
}

const covers = (span: TimeSpan, instant: number): boolean => span.startMillis <= instant && instant < span.endMillis;
const overlaps = (span: TimeSpan, fromMillis: number, toMillis: number): boolean => span.startMillis < toMillis && span.endMillis > fromMillis;

/** Stored shifts passed the rules; one that somehow did not is left out rather than read half-way. */
function isRunnable(shift: Shift): boolean {
  return (
    isStaffTier(shift.tier) &&
    Array.isArray(shift.days) &&
    SHIFT_START_PATTERN.test(shift.start) &&
    Number.isInteger(shift.minutes) &&
    shift.minutes >= MIN_SHIFT_MINUTES &&
    shift.minutes <= MAX_SHIFT_MINUTES &&
    (!shift.from || isCalendarDate(shift.from)) &&
    (!shift.until || isCalendarDate(shift.until))
  );
}

function collectDuty(schedule: DutySchedule, fromMillis: number, toMillis: number): Map<string, PersonDuty> {
  const people = new Map<string, PersonDuty>();
  const personOf = (uid: string | undefined): PersonDuty | null => {
    if (uid === undefined || !Object.hasOwn(schedule.roster, uid)) return null;
    let person = people.get(uid);
    if (!person) people.set(uid, (person = { scheduled: [], offShifts: [], added: [], offUntilMillis: -Infinity }));
    return person;
  };
  const rosterTier = (uid: string): StaffTier | null => (Object.hasOwn(schedule.roster, uid) ? (schedule.roster[uid]?.tier ?? null) : null);

  const format = zoneFormat(schedule.timezone);
  // A shift of up to 24 real hours started at most two local days before (a clock change can add the second).
  const firstDay = localDayOf(format, fromMillis) - 2;
  const lastDay = localDayOf(format, toMillis);
  const starts = new Map<number, number>();
  const startOf = (day: number, minuteOfDay: number): number => {
    const key = day * MAX_SHIFT_MINUTES + minuteOfDay;
    let instant = starts.get(key);
    if (instant === undefined) starts.set(key, (instant = localInstant(format, day, minuteOfDay)));
    return instant;
  };
  for (const shift of schedule.shifts) {
    const person = personOf(shift.uid);
    if (!person || !isRunnable(shift)) continue;
    const fromDay = shift.from ? dayOfDate(shift.from) : -Infinity;
    const untilDay = shift.until ? dayOfDate(shift.until) : Infinity;
    const minuteOfDay = minuteOfDayOf(shift.start);
    for (let day = Math.max(firstDay, fromDay); day <= Math.min(lastDay, untilDay); day++) {
      if (!shift.days.includes(isoWeekdayOfDay(day))) continue;
      const startMillis = startOf(day, minuteOfDay);
      const span = { startMillis, endMillis: startMillis + shift.minutes * MINUTE_MS, tier: shift.tier };
      if (overlaps(span, fromMillis, toMillis)) person.scheduled.push(span);
    }
  }

  for (const override of schedule.overrides) {
    const span = { startMillis: override.start.toMillis(), endMillis: override.end.toMillis() };
    if (!overlaps(span, fromMillis, toMillis)) continue;
    const tier = rosterTier(override.uid);
    if (override.action === 'on') {
      if (tier !== null) personOf(override.uid)?.added.push({ ...span, tier });
      continue;
    }
    personOf(override.uid)?.offShifts.push(span);
    if (override.action === 'swap' && tier !== null) personOf(override.withUid)?.added.push({ ...span, tier });
  }

  for (const [uid, entry] of Object.entries(schedule.roster)) {
    const person = personOf(uid);
    if (!person) continue;
    if (entry.onDuty) {
      // Without the time it was switched on the start is open: functions switch it off after 12 hours.
      const since = entry.onDutySince?.toMillis();
      person.added.push({
        startMillis: since ?? -Infinity,
        endMillis: since === undefined ? Infinity : since + MANUAL_DUTY_HOURS * HOUR_MS,
        tier: entry.tier,
      });
    }
    if (entry.offUntil) person.offUntilMillis = entry.offUntil.toMillis();
  }
  return people;
}

/** A person's tier at an instant (the better of two that overlap), or null when off duty. */
function tierAt(person: PersonDuty, instant: number): StaffTier | null {
  if (instant < person.offUntilMillis) return null;
  let tier: StaffTier | null = null;
  const better = (candidate: StaffTier) => (tier === null || candidate < tier ? candidate : tier);
  if (!person.offShifts.some((span) => covers(span, instant))) {
    for (const span of person.scheduled) if (covers(span, instant)) tier = better(span.tier);
  }
  for (const span of person.added) if (covers(span, instant)) tier = better(span.tier);
  return tier;
}

function spansOfPerson(uid: string, person: PersonDuty, fromMillis: number, toMillis: number): DutySpan[] {
  const edges = new Set<number>([fromMillis, toMillis, person.offUntilMillis]);
  for (const span of [...person.scheduled, ...person.offShifts, ...person.added]) edges.add(span.startMillis).add(span.endMillis);
  // Every change of duty happens at an edge, so between two edges a person's tier is what it is at the first.
  const inRange = [...edges].filter((edge) => edge >= fromMillis && edge <= toMillis).sort((a, b) => a - b);
  const spans: DutySpan[] = [];
  for (let i = 0; i + 1 < inRange.length; i++) {
    const startMillis = inRange[i] as number;
    const endMillis = inRange[i + 1] as number;
    const tier = tierAt(person, startMillis);
    if (tier === null) continue;
    const last = spans.at(-1);
    if (last && last.endMillis === startMillis && last.tier === tier) last.endMillis = endMillis;
    else spans.push({ uid, tier, startMillis, endMillis });
  }
  return spans;
}

/** Every stretch of duty within [from, to), cut to it: by start, then uid. What the coverage view draws. */
export function dutySpans(schedule: DutySchedule, fromMillis: number, toMillis: number): DutySpan[] {
  const spans: DutySpan[] = [];
  for (const [uid, person] of collectDuty(schedule, fromMillis, toMillis)) spans.push(...spansOfPerson(uid, person, fromMillis, toMillis));
  return spans.sort((a, b) => a.startMillis - b.startMillis || a.uid.localeCompare(b.uid));
}

/**
 * Who is on duty at an instant, tier 1 first: (shifts − `off` overrides − swaps away) + swaps in + `on` overrides +
 * manual starts, minus whoever ended early (`offUntil` later than the instant). With when each one's duty ends, across
 * back-to-back shifts, for «Вы на смене до 08:00».
 */
export function onDutyAt(schedule: DutySchedule, atMillis: number): OnDuty[] {
  const horizon = atMillis + DUTY_LOOKAHEAD_HOURS * HOUR_MS;
  const byPerson = new Map<string, DutySpan[]>();
  for (const span of dutySpans(schedule, atMillis, horizon)) byPerson.set(span.uid, [...(byPerson.get(span.uid) ?? []), span]);
  const onDuty: OnDuty[] = [];
  for (const [uid, spans] of byPerson) {
    const [current, ...later] = spans;
    if (!current || current.startMillis !== atMillis) continue;
    let endMillis = current.endMillis;
    for (const span of later) if (span.startMillis === endMillis) endMillis = span.endMillis;
    onDuty.push({ uid, tier: current.tier, untilMillis: endMillis >= horizon ? null : endMillis });
  }
  return onDuty.sort((a, b) => a.tier - b.tier || a.uid.localeCompare(b.uid));
}

/** The stretches of [from, to) with nobody on duty at tier 1: the red of the coverage view. */
export function coverageGaps(schedule: DutySchedule, fromMillis: number, toMillis: number): TimeSpan[] {
  const gaps: TimeSpan[] = [];
  let coveredUntil = fromMillis;
  for (const span of dutySpans(schedule, fromMillis, toMillis)) {
    if (span.tier !== 1) continue;
    if (span.startMillis > coveredUntil) gaps.push({ startMillis: coveredUntil, endMillis: span.startMillis });
    coveredUntil = Math.max(coveredUntil, span.endMillis);
  }
  if (coveredUntil < toMillis) gaps.push({ startMillis: coveredUntil, endMillis: toMillis });
  return gaps;
}

/**
 * What «Закончить смену» writes as `offUntil`: when the person's duty would have ended without their manual start (the
 * end of the current shift or override), at most 24 hours ahead; null when only the manual start keeps them on, which
 * `onDuty: false` alone ends.
 */
export function earlyEndUntil(schedule: DutySchedule, uid: string, atMillis: number): number | null {
  const entry = Object.hasOwn(schedule.roster, uid) ? schedule.roster[uid] : undefined;
  if (!entry) return null;
  const withoutManual: DutySchedule = { ...schedule, roster: { ...schedule.roster, [uid]: { tier: entry.tier, onDuty: false } } };
  const duty = onDutyAt(withoutManual, atMillis).find((person) => person.uid === uid);
  if (!duty) return null;
  return Math.min(duty.untilMillis ?? Infinity, atMillis + MAX_OFF_UNTIL_HOURS * HOUR_MS);
}
