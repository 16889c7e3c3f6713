// Response statistics for admins: pure maths over request times, so the dashboard and tests agree.
import type { SosRequest, SosStatus, TimestampLike } from './contract';
import { SOS_KINDS, kindOf, type SosKind } from './kinds';
import { zoneOffsetMillis } from './shifts';

export const STATS_PERIODS = ['today', '7d', '30d'] as const;
export type StatsPeriod = (typeof STATS_PERIODS)[number];

/** The times of one request that the statistics need, in epoch milliseconds. */
export interface ResponseSample {
  status: SosStatus;
  /** Read with `kindOf`, so a request made before kinds counts as `emergency` or `other`. */
  kind: SosKind;
  createdAtMillis: number;
  ackAtMillis: number | null;
  arrivedAtMillis: number | null;
}

export interface ResponseStatistics {
  /** Valid requests (neither rejected nor still unvalidated). */
  count: number;
  acknowledged: number;
  ackMedianMillis: number | null;
  ackP90Millis: number | null;
  arrived: number;
  arriveMedianMillis: number | null;
  arriveP90Millis: number | null;
  /** Share (0..1) acknowledged within the location's ackSeconds, of the requests someone had to acknowledge. */
  ackWithinTargetShare: number | null;
}

export function toResponseSample(request: Pick<SosRequest<TimestampLike>, 'status' | 'source' | 'kind' | 'createdAt' | 'ackAt' | 'arrivedAt'>): ResponseSample {
  return {
    status: request.status,
    kind: kindOf(request),
    createdAtMillis: request.createdAt.toMillis(),
    ackAtMillis: request.ackAt?.toMillis() ?? null,
    arrivedAtMillis: request.arrivedAt?.toMillis() ?? null,
  };
}

/** Quantile `q` (0..1) with linear interpolation between closest ranks (R type 7); null when empty. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
}

// The definitions below are the statistics' one way to count: the daily rollups (rollups.ts) count with them too.

/** Time from creation to a later moment of the request (claim, arrival); a clock skew making it negative counts as zero. */
export const responseMillis = (createdAtMillis: number, atMillis: number): number => Math.max(0, atMillis - createdAtMillis);

/** Rejected requests and ones not yet validated are not part of the response statistics. */
export const isCountedStatus = (status: SosStatus): boolean => status !== 'rejected' && status !== 'new';

/** A request cancelled before anyone claimed it had nobody to wait for: it is left out of the within-target share. */
export const awaitedAcknowledgement = (sample: Pick<ResponseSample, 'status' | 'ackAtMillis'>): boolean =>
  sample.ackAtMillis !== null || sample.status !== 'cancelled';

/** A claim exactly at the target is in time. */
export const isWithinAckTarget = (ackMillis: number, targetMillis: number): boolean => ackMillis <= targetMillis;

function durations(samples: readonly ResponseSample[], pick: (sample: ResponseSample) => number | null): number[] {
  return samples.flatMap((sample) => {
    const at = pick(sample);
    return at === null ? [] : [responseMillis(sample.createdAtMillis, at)];
  });
}

const isCounted = (sample: ResponseSample) => isCountedStatus(sample.status);

export function responseStatistics(samples: readonly ResponseSample[], ackTargetSeconds: number): ResponseStatistics {
  const valid = samples.filter(isCounted);
  const ackTimes = durations(valid, (sample) => sample.ackAtMillis);
  const arriveTimes = durations(valid, (sample) => sample.arrivedAtMillis);
  const needingAck = valid.filter(awaitedAcknowledgement);
  const withinTarget = ackTimes.filter((millis) => isWithinAckTarget(millis, ackTargetSeconds * 1000)).length;
  return {
    count: valid.length,
    acknowledged: ackTimes.length,
    ackMedianMillis: quantile(ackTimes, 0.5),
    ackP90Millis: quantile(ackTimes, 0.9),
    arrived: arriveTimes.length,
    arriveMedianMillis: quantile(arriveTimes, 0.5),
    arriveP90Millis: quantile(arriveTimes, 0.9),
    ackWithinTargetShare: needingAck.length === 0 ? null : withinTarget / needingAck.length,
  };
}

export interface KindStatistics {
  kind: SosKind;
  statistics: ResponseStatistics;
}

/** The statistics of each kind that has counted requests, in the order of SOS_KINDS. */
export function statisticsByKind(samples: readonly ResponseSample[], ackTargetSeconds: number): KindStatistics[] {
  return SOS_KINDS.map((kind) => ({
    kind,
    statistics: responseStatistics(
      samples.filter((sample) => sample.kind === kind),
      ackTargetSeconds,
    ),
  })).filter((row) => row.statistics.count > 0);
}

/** Minutes east of UTC of `timeZone` at `atMillis` (e.g. +300 for Asia/Yekaterinburg). */
export function timeZoneOffsetMinutes(atMillis: number, timeZone: string): number {
  return Math.round(zoneOffsetMillis(timeZone, atMillis) / 60_000);
}

/** Start of the period in the location's time zone: today's midnight there, or 7 / 30 days back from now. */
export function periodStartMillis(period: StatsPeriod, nowMillis: number, timeZone: string): number {
  if (period === '7d') return nowMillis - 7 * 86_400_000;
  if (period === '30d') return nowMillis - 30 * 86_400_000;
  const offsetMillis = timeZoneOffsetMinutes(nowMillis, timeZone) * 60_000;
  const localMidnight = Math.floor((nowMillis + offsetMillis) / 86_400_000) * 86_400_000;
  return localMidnight - offsetMillis;
}

export interface HistogramBucket {
  /** Inclusive lower bound in milliseconds. */
  fromMillis: number;
  /** Exclusive upper bound; null for the last, open bucket. */
  toMillis: number | null;
  count: number;
}

/** Time-to-acknowledge buckets for the chart: 0–30 s, 30–60 s, 1–2 min, 2–5 min, 5 min and more. */
export const ACK_HISTOGRAM_BOUNDS_MILLIS = [30_000, 60_000, 120_000, 300_000] as const;

export function histogram(values: readonly number[], bounds: readonly number[] = ACK_HISTOGRAM_BOUNDS_MILLIS): HistogramBucket[] {
  const edges = [0, ...bounds];
  return edges.map((fromMillis, index) => {
    const toMillis = bounds[index] ?? null;
    const count = values.filter((value) => value >= fromMillis && (toMillis === null || value < toMillis)).length;
    return { fromMillis, toMillis, count };
  });
}

/** Acknowledge times of the valid samples, for `histogram`. */
export function ackDurations(samples: readonly ResponseSample[]): number[] {
  return durations(samples.filter(isCounted), (sample) => sample.ackAtMillis);
}

/** "+0:42", "+12:05", "+1:02:03": time since the request was created, for the audit timeline. */
export function formatOffset(millis: number): string {
  const totalSeconds = Math.floor(Math.max(0, millis) / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const ss = String(totalSeconds % 60).padStart(2, '0');
  return hours > 0 ? `+${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `+${minutes}:${ss}`;
}
