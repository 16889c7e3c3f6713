import { describe, expect, it } from 'vitest';
import { histogramOf, responseStatistics, rollupStatistics, type DailyRollup } from '@sos/model';
import { chartAxisDays, dayPoints, daySeries, heatMap, lineRuns, rangeFigures, sparklinePoints, weekdayOf } from '../statsSeries';

const day = (date: string, counts: Omit<DailyRollup, 'day'> = {}): DailyRollup => ({ day: date, ...counts });

describe('the day series of a range', () => {
  it('has every day of the range in order, a day without a document counting nothing', () => {
    const series = daySeries([day('2026-01-03', { requests: 2 }), day('2026-01-01', { requests: 1 })], { from: '2026-01-01', to: '2026-01-04' });
    expect(series).toEqual([
      { day: '2026-01-01', counts: { day: '2026-01-01', requests: 1 } },
      { day: '2026-01-02', counts: {} },
      { day: '2026-01-03', counts: { day: '2026-01-03', requests: 2 } },
      { day: '2026-01-04', counts: {} },
    ]);
    expect(dayPoints(series).map((point) => point.count)).toEqual([1, 0, 2, 0]);
  });

  it('leaves out documents outside the range and crosses months and a leap day', () => {
    const series = daySeries([day('2024-02-27', { requests: 5 }), day('2024-02-29', { requests: 1 })], { from: '2024-02-28', to: '2024-03-01' });
    expect(series.map(({ day: date, counts }) => [date, counts.requests ?? 0])).toEqual([
      ['2024-02-28', 0],
      ['2024-02-29', 1],
      ['2024-03-01', 0],
    ]);
    expect(daySeries([], { from: '2025-01-01', to: '2025-12-31' })).toHaveLength(365);
  });

  it('gives each day its own median claim and arrival, none on a day nobody was measured', () => {
    const [first, second] = dayPoints(
      daySeries([day('2026-01-01', { requests: 1, ackHistogram: histogramOf([20_000]), arrivalHistogram: histogramOf([300_000]) })], {
        from: '2026-01-01',
        to: '2026-01-02',
      }),
    );
    expect(first?.ackMedianMillis).toBe(22_500);
    expect(first?.arriveMedianMillis).toBe(315_000);
    expect(second).toEqual({ day: '2026-01-02', count: 0, ackMedianMillis: null, arriveMedianMillis: null });
  });
});

describe("the range's figures", () => {
  it('add the days up and read the statistics off the sum, with escalations, lateness and kinds', () => {
    const days = [
      day('2026-01-01', {
        requests: 3,
        byKind: { fire: 1, emergency: 2 },
        ackHistogram: histogramOf([10_000, 50_000]),
        arrivalHistogram: histogramOf([200_000]),
        ackWithinTarget: 2,
        cancelledUnclaimed: 1,
        escalations: 2,
        escalated: 1,
        overdue: 1,
      }),
      day('2026-01-02', { requests: 1, byKind: { medical: 1 }, ackHistogram: histogramOf([90_000]), escalations: 1, escalated: 1, nobodyOnDuty: 1 }),
    ];
    const figures = rangeFigures(days);
    expect(figures).toEqual({
      ...rollupStatistics({
        requests: 4,
        ackHistogram: histogramOf([10_000, 50_000, 90_000]),
        arrivalHistogram: histogramOf([200_000]),
        ackWithinTarget: 2,
        cancelledUnclaimed: 1,
      }),
      escalations: 3,
      escalated: 2,
      overdue: 1,
      nobodyOnDuty: 1,
      byKind: [
        { kind: 'emergency', count: 2 },
        { kind: 'medical', count: 1 },
        { kind: 'fire', count: 1 },
      ],
    });
    expect(figures.count).toBe(4);
    expect(figures.ackWithinTargetShare).toBe(2 / 3);
  });

  it('of no days are empty: nothing counted, nothing measured', () => {
    expect(rangeFigures([{}, {}])).toEqual({
      ...responseStatistics([], 60),
      escalations: 0,
      escalated: 0,
      overdue: 0,
      nobodyOnDuty: 0,
      byKind: [],
    });
  });
});

describe('the heat map', () => {
  it('puts each day in its weekday row (Monday first) and adds the hours of the same weekday', () => {
    // 2026-01-05 is a Monday, 2026-01-12 the next one, 2026-01-11 a Sunday.
    expect([weekdayOf('2026-01-05'), weekdayOf('2026-01-11'), weekdayOf('2026-01-07')]).toEqual([0, 6, 2]);
    const cells = heatMap(
      daySeries([day('2026-01-05', { byHour: { '09': 2, '23': 1 } }), day('2026-01-12', { byHour: { '09': 3 } }), day('2026-01-11', { byHour: { '00': 4 } })], {
        from: '2026-01-05',
        to: '2026-01-12',
      }),
    );
    expect(cells).toHaveLength(7);
    expect(cells.every((row) => row.length === 24)).toBe(true);
    expect(cells[0]?.[9]).toBe(5);
    expect(cells[0]?.[23]).toBe(1);
    expect(cells[6]?.[0]).toBe(4);
    expect(cells.flat().reduce((sum, count) => sum + count, 0)).toBe(10);
  });

  it('ignores an hour key that is not one of the 24', () => {
    const cells = heatMap([{ day: '2026-01-05', counts: { byHour: { '24': 1, x: 2, '7': 1 } } }]);
    expect(cells.flat().reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(cells[0]?.[7]).toBe(1);
  });
});

describe('chart helpers', () => {
  it('name the first, middle and last day of a week or more, first and last of less', () => {
    const days = ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05', '2026-01-06', '2026-01-07'];
    expect(chartAxisDays(days).map((mark) => [mark.day, mark.anchor])).toEqual([
      ['2026-01-01', 'start'],
      ['2026-01-04', 'middle'],
      ['2026-01-07', 'end'],
    ]);
    expect(chartAxisDays(days.slice(0, 2)).map((mark) => mark.index)).toEqual([0, 1]);
    expect(chartAxisDays(['2026-01-01'])).toEqual([{ day: '2026-01-01', index: 0, anchor: 'middle' }]);
  });

  it('break a line where a day has no value', () => {
    expect(lineRuns([1, 2, null, 3, null, null])).toEqual([
      [
        { index: 0, value: 1 },
        { index: 1, value: 2 },
      ],
      [{ index: 3, value: 3 }],
    ]);
  });

  it('draw a sparkline from the bottom (zero) to the top (the largest value)', () => {
    expect(sparklinePoints([0, 5, 10], 100, 20)).toBe('0,20 50,10 100,0');
    expect(sparklinePoints([0, 0], 100, 20)).toBe('0,20 100,20');
    expect(sparklinePoints([3], 100, 20)).toBe('0,0 100,0');
    expect(sparklinePoints([], 100, 20)).toBe('');
  });
});
