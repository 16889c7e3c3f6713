// Reports (PRODUCT.md "Contract additions → Reports"): `locations/{id}/daily/{yyyy-mm-dd}`, one document per day of a
// location, counted from the audit events once each. Pure: the trigger, the rebuild script and the statistics screen
// share these functions, and they count with statistics.ts's definitions, so a rollup and the raw requests agree.
import type { RejectReason, SosEvent, SosEventType, SosRequest, SosSource, SosStatus, TimestampLike } from './contract';
import { kindOf, type SosKind } from './kinds';
import { isCalendarDate, zonedInstant, zonedWallTime } from './shifts';
import { awaitedAcknowledgement, isWithinAckTarget, responseMillis, type ResponseSample, type ResponseStatistics } from './statistics';

// ---- histograms with fixed buckets ----

/**
 * The lower bounds, in seconds, of the buckets of the acknowledgement and arrival histograms; the last bucket (4 h and
 * more) has no upper bound. Fixed, so any days' histograms add up bucket by bucket. A quantile read from them is within
 * one bucket's width of the exact one (histogramQuantileMillis), so the widths are what matters: 5 s up to 2 min,
 * where claims happen (the default ackSeconds is 60 and an escalation round follows every ackSeconds); then 15 s to
 * 5 min, 30 s to 10 min (the default arrival target), 1 min to 30 min, 5 min to 1 h and 15 min to 4 h. Past the first
 * minute a bucket is never wider than a quarter of its lower bound (an eighth up to 30 min), and 85 buckets keep a day's
 * document small: it holds only the buckets that have counts. Computed `@__PURE__` (as is the bound below), so a bundle
 * that imports the model but none of this (the web app's entry) leaves the module out: it loads with the statistics.
 */
export const RESPONSE_BUCKET_BOUNDS_SECONDS: readonly number[] = /* @__PURE__ */ (() => {
  const bounds: number[] = [];
  const steps: [untilSeconds: number, stepSeconds: number][] = [
    [120, 5],
    [300, 15],
    [600, 30],
    [1800, 60],
    [3600, 300],
    [14_400, 900],
  ];
  let from = 0;
  for (const [until, step] of steps) {
    for (let bound = from; bound < until; bound += step) bounds.push(bound);
    from = until;
  }
  bounds.push(from);
  return bounds;
})();

/** Beyond this a duration is counted in the open last bucket, and a quantile there reads as this bound. */
export const RESPONSE_HISTOGRAM_MAX_SECONDS = /* @__PURE__ */ (() => RESPONSE_BUCKET_BOUNDS_SECONDS[RESPONSE_BUCKET_BOUNDS_SECONDS.length - 1] as number)();

/** Bucket (its lower bound in seconds, as the map key) → how many durations fell in it. Empty buckets are absent. */
export type Histogram = Partial<Record<string, number>>;

/** The index of the bucket holding a duration of `seconds` (negative durations count as zero). */
function bucketIndexOfSeconds(seconds: number): number {
  let low = 0;
  let high = RESPONSE_BUCKET_BOUNDS_SECONDS.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((RESPONSE_BUCKET_BOUNDS_SECONDS[middle] as number) <= seconds) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The histogram key (lower bound in seconds) of the bucket holding a duration in milliseconds. */
export function bucketKeyOf(millis: number): string {
  return String(RESPONSE_BUCKET_BOUNDS_SECONDS[bucketIndexOfSeconds(millis / 1000)]);
}

/** The width in milliseconds of the bucket holding a duration; null for the open last bucket. */
export function bucketWidthMillis(millis: number): number | null {
  const index = bucketIndexOfSeconds(millis / 1000);
  const upper = RESPONSE_BUCKET_BOUNDS_SECONDS[index + 1];
  return upper === undefined ? null : (upper - (RESPONSE_BUCKET_BOUNDS_SECONDS[index] as number)) * 1000;
}

/** The histogram of durations in milliseconds. */
export function histogramOf(millis: readonly number[]): Histogram {
  const histogram: Histogram = {};
  for (const value of millis) {
    const key = bucketKeyOf(value);
    histogram[key] = (histogram[key] ?? 0) + 1;
  }
  return histogram;
}

/** Counts per bucket index; a key that is not a bound of today's buckets counts in the bucket holding its second. */
function bucketCounts(histogram: Histogram | undefined): number[] {
  const counts: number[] = RESPONSE_BUCKET_BOUNDS_SECONDS.map(() => 0);
  for (const [key, count] of Object.entries(histogram ?? {})) {
    const index = bucketIndexOfSeconds(Number(key));
    if (count && Number.isFinite(Number(key))) counts[index] = (counts[index] as number) + count;
  }
  return counts;
}

export function histogramTotal(histogram: Histogram | undefined): number {
  return Object.values(histogram ?? {}).reduce<number>((sum, count) => sum + (count ?? 0), 0);
}

/** The value of the `rank`-th smallest duration (0-based), read as the ranks in its bucket spread evenly over it. */
function rankValueMillis(counts: readonly number[], rank: number): number {
  let before = 0;
  for (const [index, count] of counts.entries()) {
    if (rank < before + count) {
      const from = RESPONSE_BUCKET_BOUNDS_SECONDS[index] as number;
      const to = RESPONSE_BUCKET_BOUNDS_SECONDS[index + 1];
      if (to === undefined) return from * 1000;
      return (from + ((to - from) * (rank - before + 0.5)) / count) * 1000;
    }
    before += count;
  }
  return RESPONSE_HISTOGRAM_MAX_SECONDS * 1000;
}

/**
 * Quantile `q` (0..1) of the durations in a histogram, in milliseconds; null when it is empty. The same definition as
 * `quantile` (statistics.ts: linear between the closest ranks), each rank's value read as the ranks of its bucket spread
 * evenly over it. So it is off from the exact quantile by less than the width of the bucket holding the closest rank
 * at or above it (5 s for a claim within 2 min); a quantile in the open last bucket reads as its bound, 4 h.
 */
export function histogramQuantileMillis(histogram: Histogram | undefined, q: number): number | null {
  const counts = bucketCounts(histogram);
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const position = (total - 1) * Math.min(1, Math.max(0, q));
  const lower = Math.floor(position);
  const low = rankValueMillis(counts, lower);
  const high = rankValueMillis(counts, Math.ceil(position));
  return low + (high - low) * (position - lower);
}

// ---- the daily document ----

/** The statuses a request reaches after `new`: a day counts each request once per status it reached. */
export const ROLLUP_STATUSES = ['open', 'rejected', 'acknowledged', 'on_site', 'resolved', 'cancelled'] as const satisfies readonly SosStatus[];
export type RollupStatus = (typeof ROLLUP_STATUSES)[number];

/**
 * What a day (or the sum of several) counts, every field optional: a document written by increments holds only what
 * was counted, and an absent count is zero. All counts are of the requests created that day in the location's time
 * zone (the request's day, whenever its later events happen), so each request is counted on one day only.
 */
export interface RollupCounts {
  /** Requests the statistics count (`isCountedStatus`): opened, or cancelled before they were. */
  requests?: number;
  /** Of all requests of the day (the rejected ones too), how many reached each status; `open` = opened. */
  byStatus?: Partial<Record<RollupStatus, number>>;
  /** The counted requests by kind (`kindOf`), source and local hour of creation (`'00'`..`'23'`). */
  byKind?: Partial<Record<SosKind, number>>;
  bySource?: Partial<Record<SosSource, number>>;
  byHour?: Partial<Record<string, number>>;
  /** Time from creation to the claim (`ackAt`), and to the arrival (`arrivedAt`), as statistics.ts measures them. */
  ackHistogram?: Histogram;
  arrivalHistogram?: Histogram;
  /** Claims within the request's own ack target (`ackDeadlineAt`, the location's `ackSeconds` when it was made). */
  ackWithinTarget?: number;
  /** Cancelled before anyone claimed them: nobody had to acknowledge them (left out of the within-target share). */
  cancelledUnclaimed?: number;
  /** Escalation rounds run (`escalated-<n>` events), and the requests escalated at least once. */
  escalations?: number;
  escalated?: number;
  /** Requests escalated at opening because nobody of tier 1 was on duty. */
  nobodyOnDuty?: number;
  /** Requests whose staff were late (still `acknowledged` at the arrival deadline). */
  overdue?: number;
  /** Visitor requests that opened grouped with an earlier one at their code. */
  grouped?: number;
  /** Rejected requests by reason (their total is `byStatus.rejected`). */
  rejectedBy?: Partial<Record<RejectReason, number>>;
}

/** `locations/{id}/daily/{day}`: written only by functions; the location's admins read it. */
export interface DailyRollup extends RollupCounts {
  /** The local date, `YYYY-MM-DD` (= the document id), for range queries. */
  day: string;
}

/**
 * `locations/{id}/daily/{day}/applied/{requestId}:{eventId}`: this audit event is in the day's counts. Created in the
 * same atomic write as the event's increments, so a replayed trigger finds it and counts nothing. Functions only.
 */
export interface RollupMarker {
  requestId: string;
  eventId: string;
}

export const rollupMarkerId = (requestId: string, eventId: string): string => `${requestId}:${eventId}`;

type NestedCounts = { [key: string]: number | NestedCounts | undefined };

function addInto(into: NestedCounts, counts: NestedCounts): void {
  for (const [key, value] of Object.entries(counts)) {
    if (typeof value === 'number') into[key] = ((into[key] as number | undefined) ?? 0) + value;
    else if (value && typeof value === 'object') {
      const nested = (into[key] ??= {});
      if (typeof nested === 'object') addInto(nested, value);
    }
  }
}

/** The counts of several days (or of several events) added up: merging days is adding their counts, bucket by bucket. */
export function mergeRollups(rollups: readonly RollupCounts[]): RollupCounts {
  const sum: NestedCounts = {};
  // A tree of counts; anything else (a DailyRollup's `day`) is left out.
  for (const counts of rollups) addInto(sum, counts as NestedCounts);
  return sum as RollupCounts;
}

// ---- counting one audit event ----

/** What of the request an event's counts need (read from the request document when the event is counted). */
export type RollupRequest = Pick<
  SosRequest<TimestampLike>,
  'status' | 'source' | 'kind' | 'createdAt' | 'ackAt' | 'arrivedAt' | 'ackDeadlineAt' | 'deadlineAt' | 'rejectReason' | 'grouped'
>;

/** An audit event as the counting needs it: its id tells an escalation round and an arrival repeat apart. */
export interface RollupEvent {
  id: string;
  type: SosEventType;
  detail: SosEvent['detail'];
}

const STATUS_EVENTS: Partial<Record<SosEventType, RollupStatus>> = {
  validated: 'open',
  rejected: 'rejected',
  acknowledged: 'acknowledged',
  on_site: 'on_site',
  resolved: 'resolved',
  cancelled: 'cancelled',
};

/** The first `arrival_overdue` event (its repeats are `arrival_overdue-<n>`) and every `escalated-<round>`. */
const isFirstOverdue = (event: Pick<RollupEvent, 'id' | 'type'>) => event.type === 'arrival_overdue' && event.id === 'arrival_overdue';
const escalationRound = (event: Pick<RollupEvent, 'id'>): number | null => {
  const round = /^escalated-([0-9]+)$/.exec(event.id)?.[1];
  return round === undefined ? null : Number(round);
};

/**
 * Whether the event changes a day's counts at all, from its id and type alone: the trigger reads nothing for the
 * others (pushes, messages, deliveries, `created`, arrival repeats, `escalation_ended`, `called_112`).
 */
export function isRollupEvent(event: Pick<RollupEvent, 'id' | 'type'>): boolean {
  return event.type in STATUS_EVENTS || isFirstOverdue(event) || (event.type === 'escalated' && escalationRound(event) !== null);
}

/** The local date (`YYYY-MM-DD`) of an instant in the location's time zone: the key of its day. */
export const rollupDayOf = (timezone: string, atMillis: number): string => zonedWallTime(timezone, atMillis).date;

/** The sample statistics.ts would make of the request, so both measure claims and arrivals the same way. */
const sampleOf = (request: RollupRequest): ResponseSample => ({
  status: request.status,
  kind: kindOf(request),
  createdAtMillis: request.createdAt.toMillis(),
  ackAtMillis: request.ackAt?.toMillis() ?? null,
  arrivedAtMillis: request.arrivedAt?.toMillis() ?? null,
});

/** The request itself, counted once: when it opens, or when it is cancelled before it ever opened. */
function requestCounts(request: RollupRequest, timezone: string): RollupCounts {
  const hour = zonedWallTime(timezone, request.createdAt.toMillis()).time.slice(0, 2);
  return {
    requests: 1,
    byKind: { [kindOf(request)]: 1 },
    bySource: { [request.source]: 1 },
    byHour: { [hour]: 1 },
    ...(request.grouped ? { grouped: 1 } : {}),
  };
}

function statusCounts(status: RollupStatus, request: RollupRequest, timezone: string): RollupCounts {
  const sample = sampleOf(request);
  const counts: RollupCounts = { byStatus: { [status]: 1 } };
  if (status === 'open') return mergeRollups([counts, requestCounts(request, timezone)]);
  if (status === 'rejected') return { ...counts, rejectedBy: { [request.rejectReason ?? 'invalid-request']: 1 } };
  if (status === 'acknowledged' && sample.ackAtMillis !== null) {
    const ackMillis = responseMillis(sample.createdAtMillis, sample.ackAtMillis);
    const targetMillis = request.ackDeadlineAt ? request.ackDeadlineAt.toMillis() - sample.createdAtMillis : null;
    counts.ackHistogram = { [bucketKeyOf(ackMillis)]: 1 };
    if (targetMillis !== null && isWithinAckTarget(ackMillis, targetMillis)) counts.ackWithinTarget = 1;
  }
  if (status === 'on_site' && sample.arrivedAtMillis !== null) {
    counts.arrivalHistogram = { [bucketKeyOf(responseMillis(sample.createdAtMillis, sample.arrivedAtMillis))]: 1 };
  }
  if (status === 'cancelled') {
    // Cancelled is final: whether it was ever claimed or opened no longer changes when this event is counted.
    if (!awaitedAcknowledgement(sample)) counts.cancelledUnclaimed = 1;
    // Cancelled while still `new`: it never opens (so has no `validated` event), yet the statistics count it.
    if (!request.deadlineAt && !request.rejectReason) return mergeRollups([counts, requestCounts(request, timezone)]);
  }
  return counts;
}

/**
 * What one audit event adds to the day of its request: `null` for an event that counts nothing. Pure, so the trigger
 * (once per event) and the rebuild (over all of a day's events) count alike.
 */
export function rollupOfEvent(event: RollupEvent, request: RollupRequest, timezone: string): { day: string; counts: RollupCounts } | null {
  if (!isRollupEvent(event)) return null;
  const day = rollupDayOf(timezone, request.createdAt.toMillis());
  const status = STATUS_EVENTS[event.type];
  if (status) return { day, counts: statusCounts(status, request, timezone) };
  if (isFirstOverdue(event)) return { day, counts: { overdue: 1 } };
  const counts: RollupCounts = { escalations: 1 };
  if (escalationRound(event) === 1) counts.escalated = 1;
  if (typeof event.detail === 'object' && event.detail?.reason === 'nobody_on_duty') counts.nobodyOnDuty = 1;
  return { day, counts };
}

// ---- reading days ----

/** The statistics screen's figures from days' counts: what `responseStatistics` gives from the raw requests. */
export function rollupStatistics(counts: RollupCounts): ResponseStatistics {
  const requests = counts.requests ?? 0;
  const needingAck = requests - (counts.cancelledUnclaimed ?? 0);
  return {
    count: requests,
    acknowledged: histogramTotal(counts.ackHistogram),
    ackMedianMillis: histogramQuantileMillis(counts.ackHistogram, 0.5),
    ackP90Millis: histogramQuantileMillis(counts.ackHistogram, 0.9),
    arrived: histogramTotal(counts.arrivalHistogram),
    arriveMedianMillis: histogramQuantileMillis(counts.arrivalHistogram, 0.5),
    arriveP90Millis: histogramQuantileMillis(counts.arrivalHistogram, 0.9),
    ackWithinTargetShare: needingAck <= 0 ? null : (counts.ackWithinTarget ?? 0) / needingAck,
  };
}

// ---- ranges of days ----

/** The longest range the rebuild takes (and a report reads) at once: a year, leap day included. */
export const MAX_ROLLUP_RANGE_DAYS = 366;

export type DayRangeProblem = 'malformed-from' | 'malformed-to' | 'end-before-start' | 'too-long';

const DAY_MS = 86_400_000;
const utcDay = (day: string): number => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayKey = (utcDays: number): string => new Date(utcDays * DAY_MS).toISOString().slice(0, 10);

/** Why `from`..`to` (inclusive local dates) is not a range of days to rebuild or read; null when it is. */
export function dayRangeProblem(from: string, to: string): DayRangeProblem | null {
  if (!isCalendarDate(from)) return 'malformed-from';
  if (!isCalendarDate(to)) return 'malformed-to';
  if (to < from) return 'end-before-start';
  if (utcDay(to) - utcDay(from) + 1 > MAX_ROLLUP_RANGE_DAYS) return 'too-long';
  return null;
}

/** Every day from `from` to `to`, both included (valid range: see dayRangeProblem). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = utcDay(from); day <= utcDay(to); day++) days.push(dayKey(day));
  return days;
}

/** The instants a range of local days covers in the zone: from the first day's midnight to the midnight after the last. */
export function dayRangeMillis(timezone: string, from: string, to: string): { startMillis: number; endMillis: number } {
  return { startMillis: zonedInstant(timezone, from, '00:00'), endMillis: zonedInstant(timezone, dayKey(utcDay(to) + 1), '00:00') };
}
