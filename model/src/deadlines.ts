import type { Location, SosRequest, TimestampLike } from './contract';

export interface Deadlines {
  deadlineAtMillis: number;
  ackDeadlineAtMillis: number;
}

/** Both timers of a request count from its server creation time. */
export function computeDeadlines(createdAtMillis: number, location: Pick<Location, 'responseMinutes' | 'ackSeconds'>): Deadlines {
  return {
    deadlineAtMillis: createdAtMillis + location.responseMinutes * 60_000,
    ackDeadlineAtMillis: createdAtMillis + location.ackSeconds * 1000,
  };
}

/**
 * Milliseconds left until a deadline, never negative, and never more than `totalMillis` (the
 * whole timer): a phone clock a little behind the server must not show 10:01 of a 10-minute timer.
 */
export function millisLeft(deadlineMillis: number, nowMillis: number, totalMillis = Infinity): number {
  return Math.min(totalMillis, Math.max(0, deadlineMillis - nowMillis));
}

/**
 * Time left on a request's arrival clock (capped at the whole timer, from creation to deadline), or null
 * before the backend has set the deadline.
 */
export function arrivalMillisLeft(request: Pick<SosRequest<TimestampLike>, 'createdAt' | 'deadlineAt'>, nowMillis: number): number | null {
  if (!request.deadlineAt) return null;
  const deadline = request.deadlineAt.toMillis();
  return millisLeft(deadline, nowMillis, deadline - request.createdAt.toMillis());
}

/** "9:05" for 545 000 ms, "1:02:03" past an hour; rounds up so 0:00 shows only at the deadline. */
export function formatCountdown(millis: number): string {
  const totalSeconds = Math.ceil(Math.max(0, millis) / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}
