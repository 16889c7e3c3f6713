import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  RESPONSE_BUCKET_BOUNDS_SECONDS,
  RESPONSE_HISTOGRAM_MAX_SECONDS,
  bucketKeyOf,
  bucketWidthMillis,
  dayRangeMillis,
  dayRangeProblem,
  daysBetween,
  histogramOf,
  histogramQuantileMillis,
  histogramTotal,
  isRollupEvent,
  mergeRollups,
  rollupOfEvent,
  rollupStatistics,
  type RollupCounts,
  type RollupEvent,
  type RollupRequest,
} from '../src/rollups';
import { quantile, responseStatistics, type ResponseSample } from '../src/statistics';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const ZONE = 'Asia/Yekaterinburg';

/** The width of the bucket of the closest value at or above the exact quantile: the accuracy the histogram promises. */
function allowedError(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const upper = sorted[Math.ceil((sorted.length - 1) * q)] as number;
  return bucketWidthMillis(upper) as number;
}

/** Durations below the open last bucket, in whole milliseconds. */
const durations = fc.array(fc.integer({ min: 0, max: RESPONSE_HISTOGRAM_MAX_SECONDS * SECOND - 1 }), { minLength: 1, maxLength: 300 });
/** Claims cluster in the first minutes, arrivals around the target: draw from both shapes. */
const realisticDurations = fc.oneof(
  durations,
  fc.array(fc.integer({ min: 0, max: 3 * MINUTE }), { minLength: 1, maxLength: 300 }),
  fc.array(fc.integer({ min: 4 * MINUTE, max: 25 * MINUTE }), { minLength: 1, maxLength: 300 }),
);

describe('response histogram buckets', () => {
  it('start at zero, rise, are 5 s wide up to 2 min and never wider than a quarter of their lower bound past a minute', () => {
    expect(RESPONSE_BUCKET_BOUNDS_SECONDS[0]).toBe(0);
    expect(RESPONSE_BUCKET_BOUNDS_SECONDS).toHaveLength(85);
    expect(RESPONSE_HISTOGRAM_MAX_SECONDS).toBe(4 * 3600);
    for (const [index, bound] of RESPONSE_BUCKET_BOUNDS_SECONDS.entries()) {
      const next = RESPONSE_BUCKET_BOUNDS_SECONDS[index + 1];
      if (next === undefined) continue;
      expect(next).toBeGreaterThan(bound);
      if (bound < 120) expect(next - bound).toBe(5);
      if (bound >= 60) expect(next - bound).toBeLessThanOrEqual(bound / 4);
    }
  });

  it('put a duration in the bucket whose lower bound is at or below it, a negative one in the first, a long one in the last', () => {
    expect([0, 4_999, 5_000, 42_000, 119_999, 120_000, 14_399_999, 14_400_000, 100 * HOUR].map(bucketKeyOf)).toEqual([
      '0',
      '0',
      '5',
      '40',
      '115',
      '120',
      '13500',
      '14400',
      '14400',
    ]);
    expect(bucketKeyOf(-3_000)).toBe('0');
    expect(bucketWidthMillis(42_000)).toBe(5_000);
    expect(bucketWidthMillis(9 * MINUTE)).toBe(30_000);
    expect(bucketWidthMillis(5 * HOUR)).toBeNull();
  });
});

describe('median and p90 from a histogram', () => {
  it('are null for an empty histogram', () => {
    expect(histogramQuantileMillis({}, 0.5)).toBeNull();
    expect(histogramQuantileMillis(undefined, 0.9)).toBeNull();
  });

  it('read one value as the middle of its bucket', () => {
    expect(histogramQuantileMillis(histogramOf([42_000]), 0.5)).toBe(42_500);
    expect(histogramQuantileMillis(histogramOf([42_000]), 0.9)).toBe(42_500);
  });

  it('are within one bucket of the exact values of these claims and arrivals', () => {
    const claims = [12, 25, 31, 47, 58, 75, 90, 130, 200, 610].map((seconds) => seconds * SECOND);
    expect(quantile(claims, 0.5)).toBe(66_500);
    // Ranks 4 and 5 (58 s, 75 s) read as the middles of their buckets, 57.5 s and 77.5 s.
    expect(histogramQuantileMillis(histogramOf(claims), 0.5)).toBe(67_500);
    expect(quantile(claims, 0.9)).toBeCloseTo(241_000);
    expect(Math.abs(histogramQuantileMillis(histogramOf(claims), 0.9)! - 241_000)).toBeLessThan(allowedError(claims, 0.9));

    const arrivals = [4, 6, 7, 7.5, 8, 9, 9.5, 11, 14, 22].map((minutes) => minutes * MINUTE);
    for (const q of [0.5, 0.9]) {
      expect(Math.abs(histogramQuantileMillis(histogramOf(arrivals), q)! - quantile(arrivals, q)!)).toBeLessThan(allowedError(arrivals, q));
    }
  });

  it('are within one bucket of the exact median and p90 of any durations under 4 h (the bucket of the closest rank at or above)', () => {
    fc.assert(
      fc.property(realisticDurations, (values) => {
        const histogram = histogramOf(values);
        for (const q of [0.5, 0.9]) {
          const exact = quantile(values, q)!;
          const estimate = histogramQuantileMillis(histogram, q)!;
          expect(Math.abs(estimate - exact)).toBeLessThan(allowedError(values, q));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('read durations past the last bound as the bound: "4 h or more"', () => {
    expect(histogramQuantileMillis(histogramOf([5 * HOUR, 9 * HOUR]), 0.5)).toBe(4 * HOUR);
  });
});

describe('merging days', () => {
  it("adds the days' histograms bucket by bucket: the merged days give the quantiles of all their durations together", () => {
    fc.assert(
      fc.property(fc.array(durations, { minLength: 1, maxLength: 7 }), (days) => {
        const merged = mergeRollups(days.map((values) => ({ ackHistogram: histogramOf(values) })));
        const all = days.flat();
        expect(merged.ackHistogram).toEqual(histogramOf(all));
        expect(histogramTotal(merged.ackHistogram)).toBe(all.length);
        for (const q of [0.5, 0.9]) expect(Math.abs(histogramQuantileMillis(merged.ackHistogram, q)! - quantile(all, q)!)).toBeLessThan(allowedError(all, q));
      }),
      { numRuns: 100 },
    );
  });

  it('adds every count, nested ones too, and leaves the day key out', () => {
    const monday: RollupCounts & { day: string } = { day: '2026-03-02', requests: 2, byKind: { fire: 1, other: 1 }, byHour: { '09': 2 }, escalations: 1 };
    const tuesday: RollupCounts & { day: string } = { day: '2026-03-03', requests: 1, byKind: { fire: 1 }, rejectedBy: { 'not-a-member': 1 } };
    expect(mergeRollups([monday, tuesday])).toEqual({
      requests: 3,
      byKind: { fire: 2, other: 1 },
      byHour: { '09': 2 },
      escalations: 1,
      rejectedBy: { 'not-a-member': 1 },
    });
    expect(mergeRollups([])).toEqual({});
  });
});

// ---- counting audit events ----

/** A timestamp as both SDKs give it. */
const at = (millis: number) => ({ toMillis: () => millis });
/** 23:30 in Yekaterinburg (UTC+5) on 2 March 2026: still 2 March there, though its events come after midnight. */
const CREATED = Date.UTC(2026, 2, 2, 18, 30);

function request(overrides: Partial<RollupRequest> = {}): RollupRequest {
  return {
    status: 'resolved',
    source: 'form',
    kind: 'fire',
    createdAt: at(CREATED),
    ackDeadlineAt: at(CREATED + 60 * SECOND),
    deadlineAt: at(CREATED + 10 * MINUTE),
    ackAt: at(CREATED + 42 * SECOND),
    arrivedAt: at(CREATED + 7 * MINUTE),
    ...overrides,
  };
}

const event = (id: string, type: RollupEvent['type'] = id as RollupEvent['type'], detail: RollupEvent['detail'] = null): RollupEvent => ({ id, type, detail });

/** Every event of a request counted, as the trigger counts them one by one. */
function countAll(events: readonly RollupEvent[], of: RollupRequest): RollupCounts {
  return mergeRollups(events.flatMap((e) => rollupOfEvent(e, of, ZONE)?.counts ?? []));
}

describe('one audit event in its day', () => {
  it("counts a request on the day and hour of its creation in the location's zone, its claim and arrival in buckets", () => {
    const resolved = request();
    const events = [event('created'), event('validated'), event('notified-open', 'notified'), event('acknowledged'), event('on_site'), event('resolved')];
    expect(events.map((e) => rollupOfEvent(e, resolved, ZONE)?.day ?? null)).toEqual([null, '2026-03-02', null, '2026-03-02', '2026-03-02', '2026-03-02']);
    expect(countAll(events, resolved)).toEqual({
      requests: 1,
      byStatus: { open: 1, acknowledged: 1, on_site: 1, resolved: 1 },
      byKind: { fire: 1 },
      bySource: { form: 1 },
      byHour: { '23': 1 },
      ackHistogram: { '40': 1 },
      ackWithinTarget: 1,
      arrivalHistogram: { '420': 1 },
    });
  });

  it('reads a request made before kinds as emergency or other, and counts a grouped visitor request', () => {
    expect(countAll([event('validated')], request({ kind: undefined, source: 'emergency' }))).toMatchObject({ byKind: { emergency: 1 } });
    expect(countAll([event('validated')], request({ kind: undefined, source: 'qr', grouped: true }))).toMatchObject({
      byKind: { other: 1 },
      bySource: { qr: 1 },
      grouped: 1,
    });
  });

  it("counts a claim after the request's own ack target as late, and one exactly at it as in time", () => {
    expect(countAll([event('acknowledged')], request({ ackAt: at(CREATED + 61 * SECOND) }))).toEqual({
      byStatus: { acknowledged: 1 },
      ackHistogram: { '60': 1 },
    });
    expect(countAll([event('acknowledged')], request({ ackAt: at(CREATED + 60 * SECOND) }))).toMatchObject({ ackWithinTarget: 1 });
  });

  it('counts escalation rounds, the escalated request once, nobody on duty, and the first overdue notice only', () => {
    const events = [
      event('escalated-1', 'escalated', { reason: 'nobody_on_duty', round: 1 }),
      event('escalated-2', 'escalated', 'round 2'),
      event('escalation_ended', 'escalation_ended', 'acknowledged'),
      event('arrival_overdue', 'arrival_overdue', { repeat: 1 }),
      event('arrival_overdue-2', 'arrival_overdue', { repeat: 2 }),
    ];
    expect(events.map(isRollupEvent)).toEqual([true, true, false, true, false]);
    expect(countAll(events, request())).toEqual({ escalations: 2, escalated: 1, nobodyOnDuty: 1, overdue: 1 });
  });

  it('counts a rejected request by its reason, not among the requests the statistics count', () => {
    const rejected = request({ status: 'rejected', rejectReason: 'kind-not-offered', deadlineAt: undefined, ackAt: undefined, arrivedAt: undefined });
    expect(countAll([event('created'), event('rejected')], rejected)).toEqual({ byStatus: { rejected: 1 }, rejectedBy: { 'kind-not-offered': 1 } });
  });

  it('counts a request cancelled unclaimed as one nobody had to acknowledge, and one cancelled before it opened as a request', () => {
    const unclaimed = request({ status: 'cancelled', ackAt: undefined, arrivedAt: undefined });
    expect(countAll([event('validated'), event('cancelled')], unclaimed)).toMatchObject({
      requests: 1,
      byStatus: { open: 1, cancelled: 1 },
      cancelledUnclaimed: 1,
    });
    const neverOpened = request({ status: 'cancelled', deadlineAt: undefined, ackDeadlineAt: undefined, ackAt: undefined, arrivedAt: undefined });
    expect(countAll([event('cancelled')], neverOpened)).toEqual({
      requests: 1,
      byStatus: { cancelled: 1 },
      byKind: { fire: 1 },
      bySource: { form: 1 },
      byHour: { '23': 1 },
      cancelledUnclaimed: 1,
    });
  });
});

describe("a range's statistics from its days", () => {
  it('give the counts and share of responseStatistics, and its medians and p90 within one bucket', () => {
    const target = 60;
    const samples: ResponseSample[] = [];
    const counts: RollupCounts[] = [];
    const claims = [5, 18, 33, 47, 59, 61, 75, 140, null, null];
    const arrivals = [180, 240, 300, 420, null, 600, 660, null, null, null];
    for (const [index, claim] of claims.entries()) {
      const arrival = arrivals[index] ?? null;
      const status = index === 9 ? 'cancelled' : arrival !== null ? 'resolved' : claim !== null ? 'acknowledged' : 'open';
      const created = CREATED + index * HOUR;
      const one = request({
        status,
        createdAt: at(created),
        ackDeadlineAt: at(created + target * SECOND),
        ackAt: claim === null ? undefined : at(created + claim * SECOND),
        arrivedAt: arrival === null ? undefined : at(created + arrival * SECOND),
      });
      samples.push({
        status,
        kind: 'fire',
        createdAtMillis: created,
        ackAtMillis: one.ackAt?.toMillis() ?? null,
        arrivedAtMillis: one.arrivedAt?.toMillis() ?? null,
      });
      const events = [event('validated'), event('acknowledged'), event('on_site'), event('resolved'), event('cancelled')].filter(
        (e) => e.id === 'validated' || (e.id === 'acknowledged' && claim !== null) || (e.id === 'on_site' && arrival !== null) || e.id === status,
      );
      counts.push(countAll(events, one));
    }
    const exact = responseStatistics(samples, target);
    const fromDays = rollupStatistics(mergeRollups(counts));
    expect(fromDays).toMatchObject({
      count: exact.count,
      acknowledged: exact.acknowledged,
      arrived: exact.arrived,
      ackWithinTargetShare: exact.ackWithinTargetShare,
    });
    expect(fromDays.ackWithinTargetShare).toBeCloseTo(5 / 9);
    const ackTimes = claims.flatMap((claim) => (claim === null ? [] : [claim * SECOND]));
    const arriveTimes = arrivals.flatMap((arrival) => (arrival === null ? [] : [arrival * SECOND]));
    expect(Math.abs(fromDays.ackMedianMillis! - exact.ackMedianMillis!)).toBeLessThan(allowedError(ackTimes, 0.5));
    expect(Math.abs(fromDays.ackP90Millis! - exact.ackP90Millis!)).toBeLessThan(allowedError(ackTimes, 0.9));
    expect(Math.abs(fromDays.arriveMedianMillis! - exact.arriveMedianMillis!)).toBeLessThan(allowedError(arriveTimes, 0.5));
    expect(Math.abs(fromDays.arriveP90Millis! - exact.arriveP90Millis!)).toBeLessThan(allowedError(arriveTimes, 0.9));
  });

  it('are empty for no days', () => {
    expect(rollupStatistics({})).toEqual({
      count: 0,
      acknowledged: 0,
      ackMedianMillis: null,
      ackP90Millis: null,
      arrived: 0,
      arriveMedianMillis: null,
      arriveP90Millis: null,
      ackWithinTargetShare: null,
    });
  });
});

describe('a range of days', () => {
  it('lists its days, both ends included, across a month and a leap day', () => {
    expect(daysBetween('2028-02-27', '2028-03-01')).toEqual(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01']);
    expect(daysBetween('2026-01-15', '2026-01-15')).toEqual(['2026-01-15']);
  });

  it('refuses a malformed date, an end before its start and more than 366 days', () => {
    expect(dayRangeProblem('2026-02-30', '2026-03-01')).toBe('malformed-from');
    expect(dayRangeProblem('2026-03-01', 'tomorrow')).toBe('malformed-to');
    expect(dayRangeProblem('2026-03-02', '2026-03-01')).toBe('end-before-start');
    expect(dayRangeProblem('2027-01-01', '2028-01-01')).toBe(null);
    expect(dayRangeProblem('2027-01-01', '2028-01-02')).toBe('too-long');
    expect(dayRangeProblem('2026-03-01', '2026-03-01')).toBe(null);
  });

  it("covers local midnight to local midnight in the location's zone, 23 hours on a spring-forward day", () => {
    expect(dayRangeMillis(ZONE, '2026-03-02', '2026-03-02')).toEqual({ startMillis: Date.UTC(2026, 2, 1, 19), endMillis: Date.UTC(2026, 2, 2, 19) });
    const berlin = dayRangeMillis('Europe/Berlin', '2026-03-29', '2026-03-29');
    expect(berlin.endMillis - berlin.startMillis).toBe(23 * HOUR);
  });
});
