import { describe, expect, it } from 'vitest';
import { formatOffset, quantile, responseStatistics, toResponseSample, type ResponseSample } from '../src/statistics';

const T0 = Date.UTC(2025, 0, 15, 9, 0, 0);

function sample(
  ackSeconds: number | null,
  arriveSeconds: number | null,
  status: ResponseSample['status'] = 'resolved',
  kind: ResponseSample['kind'] = 'other',
): ResponseSample {
  return {
    status,
    kind,
    createdAtMillis: T0,
    ackAtMillis: ackSeconds === null ? null : T0 + ackSeconds * 1000,
    arrivedAtMillis: arriveSeconds === null ? null : T0 + arriveSeconds * 1000,
  };
}

describe('quantile', () => {
  it('is null for no values', () => {
    expect(quantile([], 0.5)).toBeNull();
  });

  it('takes the middle value as the median of an odd count, unsorted input', () => {
    expect(quantile([30, 10, 20], 0.5)).toBe(20);
  });

  it('interpolates the median of an even count', () => {
    expect(quantile([10, 20, 30, 40], 0.5)).toBe(25);
  });

  it('interpolates p90 between the closest ranks', () => {
    const values = Array.from({ length: 10 }, (_, index) => (index + 1) * 10);
    expect(quantile(values, 0.9)).toBeCloseTo(91);
  });

  it('gives the only value for any quantile of one value', () => {
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantile([7], 0)).toBe(7);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    quantile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('responseStatistics', () => {
  it('counts, medians and p90 of acknowledge and arrival times', () => {
    const stats = responseStatistics([sample(20, 200), sample(40, 300), sample(90, null, 'acknowledged')], 60);
    expect(stats.count).toBe(3);
    expect(stats.acknowledged).toBe(3);
    expect(stats.ackMedianMillis).toBe(40_000);
    expect(stats.ackP90Millis).toBe(80_000);
    expect(stats.arrived).toBe(2);
    expect(stats.arriveMedianMillis).toBe(250_000);
    expect(stats.arriveP90Millis).toBe(290_000);
  });

  it('shares acknowledged within the target over the requests that needed an acknowledgement', () => {
    const stats = responseStatistics([sample(30, null), sample(60, null), sample(61, null), sample(null, null, 'open'), sample(null, null, 'cancelled')], 60);
    // 2 within 60 s (the bound is inclusive) of 4: the request cancelled unclaimed is left out.
    expect(stats.ackWithinTargetShare).toBe(0.5);
  });

  it('leaves out rejected and unvalidated requests', () => {
    const stats = responseStatistics([sample(null, null, 'rejected'), sample(null, null, 'new'), sample(10, 20)], 60);
    expect(stats.count).toBe(1);
    expect(stats.ackWithinTargetShare).toBe(1);
  });

  it('has no times and no share without requests', () => {
    expect(responseStatistics([], 60)).toEqual({
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

  it('counts a claim stamped before creation by a skewed clock as zero', () => {
    expect(responseStatistics([sample(-2, null, 'acknowledged')], 60).ackMedianMillis).toBe(0);
  });
});

describe('toResponseSample', () => {
  const at = (millis: number) => ({ toMillis: () => millis });

  it('reads Timestamps and missing times', () => {
    expect(toResponseSample({ status: 'acknowledged', source: 'form', kind: 'leak', createdAt: at(T0), ackAt: at(T0 + 5000) })).toEqual({
      status: 'acknowledged',
      kind: 'leak',
      createdAtMillis: T0,
      ackAtMillis: T0 + 5000,
      arrivedAtMillis: null,
    });
  });

  it('reads the kind of a request made before kinds from its source', () => {
    expect(toResponseSample({ status: 'open', source: 'emergency', createdAt: at(T0) }).kind).toBe('emergency');
    expect(toResponseSample({ status: 'open', source: 'qr', createdAt: at(T0) }).kind).toBe('other');
  });
});

describe('formatOffset', () => {
  it('prints the time since creation', () => {
    expect(formatOffset(0)).toBe('+0:00');
    expect(formatOffset(42_900)).toBe('+0:42');
    expect(formatOffset(725_000)).toBe('+12:05');
    expect(formatOffset(3_723_000)).toBe('+1:02:03');
  });
});
