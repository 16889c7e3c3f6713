import { describe, expect, it } from 'vitest';
import { arrivalMillisLeft, computeDeadlines, formatCountdown, millisLeft } from '../src';

describe('computeDeadlines', () => {
  it('sets arrival from responseMinutes and acknowledgement from ackSeconds, both from creation', () => {
    const created = Date.UTC(2026, 10, 26, 9, 0, 0);
    expect(computeDeadlines(created, { responseMinutes: 10, ackSeconds: 60 })).toEqual({
      deadlineAtMillis: created + 600_000,
      ackDeadlineAtMillis: created + 60_000,
    });
  });
});

describe('millisLeft', () => {
  it('counts down to zero and stays there', () => {
    expect(millisLeft(10_000, 4_000)).toBe(6_000);
    expect(millisLeft(10_000, 12_000)).toBe(0);
  });
  it('never shows more than the whole timer when the phone clock is behind the server', () => {
    expect(millisLeft(600_000, -1_500, 600_000)).toBe(600_000);
  });
});

describe('formatCountdown', () => {
  it('shows minutes and seconds, rounding up so zero shows only at the deadline', () => {
    expect(formatCountdown(600_000)).toBe('10:00');
    expect(formatCountdown(545_000)).toBe('9:05');
    expect(formatCountdown(999)).toBe('0:01');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-5)).toBe('0:00');
  });
  it('shows hours past an hour', () => {
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
  });
});

describe('arrivalMillisLeft', () => {
  const ts = (millis: number) => ({ toMillis: () => millis });
  it('has no clock before the backend set the deadline', () => {
    expect(arrivalMillisLeft({ createdAt: ts(0) }, 1_000)).toBeNull();
  });
  it('counts down the arrival timer, capped at the whole timer, never below zero', () => {
    expect(arrivalMillisLeft({ createdAt: ts(0), deadlineAt: ts(600_000) }, 60_000)).toBe(540_000);
    expect(arrivalMillisLeft({ createdAt: ts(0), deadlineAt: ts(600_000) }, -5_000)).toBe(600_000);
    expect(arrivalMillisLeft({ createdAt: ts(0), deadlineAt: ts(600_000) }, 700_000)).toBe(0);
  });
});
