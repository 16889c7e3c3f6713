// Response statistics for admins: pure maths over request times, so the dashboard and tests agree.
import type { SosRequest, SosStatus, TimestampLike } from './contract';
import { kindOf, type SosKind } from './kinds';

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

/** "+0:42", "+12:05", "+1:02:03": time since the request was created, for the audit timeline. */
export function formatOffset(millis: number): string {
  const totalSeconds = Math.floor(Math.max(0, millis) / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const ss = String(totalSeconds % 60).padStart(2, '0');
  return hours > 0 ? `+${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `+${minutes}:${ss}`;
}
