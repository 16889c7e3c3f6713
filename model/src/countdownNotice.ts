// What the resident's countdown screen says about their request: one line on where it stands, a warning when the
// phone should come first, whether the clock runs or has run out, and whether messages are open. Pure, so every
// case is tested here rather than in a browser.
import { SECOND_PATH, type SosRequest, type SosStatus, type TimestampLike } from './contract';
import { isActive, isClockRunning } from './lifecycle';

/**
 * `navigator.onLine` can say `true` with no working network (it did after a reload with the network off),
 * so a request the server has not confirmed within this long counts as not sent, whatever it says.
 */
export const UNCONFIRMED_AFTER_MS = 5000;

/** The line on where the request stands; `null` while it is open and nobody has claimed it yet (the clock says it). */
export type CountdownState = 'notSentOffline' | 'sending' | 'received' | 'rejected' | 'acknowledged' | 'onSite' | 'resolved' | 'cancelled';

/** Staff are late, nobody is on duty, or help to this spot is already coming: the phone comes first. */
export type CountdownWarning = 'overdue' | 'nobodyOnDuty' | 'grouped';

export interface CountdownFacts {
  request: Pick<SosRequest<TimestampLike>, 'status' | 'createdAt' | 'arrivalOverdue' | 'nobodyOnDuty' | 'grouped'> & {
    deadlineAt?: TimestampLike | null;
  };
  /** The request is still only in the phone's cache: the server has not confirmed it. */
  pendingWrite: boolean;
  /** What the browser says about the network. */
  online: boolean;
  now: number;
}

export interface CountdownNotice {
  /** Written on the phone, not confirmed by the server: the screen shows it as pending, with no messages. */
  unsent: boolean;
  state: CountdownState | null;
  warning: CountdownWarning | null;
  /** The server's deadline is set and the clock runs for this status. */
  clockRunning: boolean;
  /** The deadline has passed. */
  expired: boolean;
  /** The resident can write to the staff. */
  messagesOpen: boolean;
  /**
   * The server has the request but has not opened it `SECOND_PATH.requesterAfterMs` after it was made: the app asks
   * the `openMyRequest` callable to (the second path, for when the create trigger failed).
   */
  askToOpen: boolean;
}

const STATE_OF_STATUS: Record<SosStatus, CountdownState | null> = {
  new: 'received',
  open: null,
  rejected: 'rejected',
  acknowledged: 'acknowledged',
  on_site: 'onSite',
  resolved: 'resolved',
  cancelled: 'cancelled',
};

function stateOf({ request, pendingWrite, online, now }: CountdownFacts, unsent: boolean): CountdownState | null {
  if (!unsent) return STATE_OF_STATUS[request.status];
  const unconfirmedTooLong = pendingWrite && now - request.createdAt.toMillis() >= UNCONFIRMED_AFTER_MS;
  return !online || unconfirmedTooLong ? 'notSentOffline' : 'sending';
}

function warningOf({ status, arrivalOverdue, nobodyOnDuty, grouped }: CountdownFacts['request']): CountdownWarning | null {
  if (status === 'acknowledged' && arrivalOverdue) return 'overdue';
  if (status === 'open' && nobodyOnDuty) return 'nobodyOnDuty';
  if ((status === 'open' || status === 'acknowledged') && grouped) return 'grouped';
  return null;
}

export function countdownNotice(facts: CountdownFacts): CountdownNotice {
  const { request, pendingWrite, now } = facts;
  const unsent = pendingWrite && request.status === 'new';
  const deadline = request.deadlineAt?.toMillis() ?? null;
  return {
    unsent,
    state: stateOf(facts, unsent),
    warning: warningOf(request),
    clockRunning: deadline !== null && isClockRunning(request.status),
    expired: deadline !== null && deadline <= now,
    messagesOpen: !unsent && isActive(request.status),
    askToOpen: !pendingWrite && request.status === 'new' && now - request.createdAt.toMillis() >= SECOND_PATH.requesterAfterMs,
  };
}
