// The request lifecycle, defined once: every status change, who makes it, what it writes, what it records.
// firestore.rules, the web stores, the functions and the rules tests all follow this table.
import {
  MAX_ACK_BY_NAME_LENGTH,
  MAX_RESOLUTION_LENGTH,
  SOS_STATUSES,
  type SosEvent,
  type SosEventType,
  type SosRequest,
  type SosStatus,
  type TimestampLike,
} from './contract';

/** `function`: only the backend (Admin SDK) makes it; `staff`: staff or admins of the request's location. */
export type TransitionActor = 'requester' | 'staff' | 'function';

/**
 * What a field written by a transition holds: the acting user's uid, their display name, the server time, the
 * acting user's note, or a value the backend decides.
 */
export type TransitionFieldKind = 'actor-uid' | 'actor-name' | 'server-time' | 'note' | 'decided';

export type SosRequestField = keyof SosRequest;

/**
 * What the backend does once a transition is committed, in the row's order: start watching the arrival deadline,
 * tell the requester, delete the alert steps still waiting (Telegram, SMS, calls) once the request is no longer open,
 * carry a visitor request's claim, arrival and resolution to the requests grouped with it (`groupOf`), and hand the
 * group to its next request when the first is cancelled.
 * Opening has none here: its pushes and escalation are decided in the create transaction.
 */
export type TransitionEffect = 'watch-arrival' | 'notify-requester' | 'stop-alert-steps' | 'answer-group' | 'hand-over-group';

export interface Transition {
  from: SosStatus;
  to: SosStatus;
  actor: TransitionActor;
  /** The fields written besides `status`: exactly these, no others. */
  sets: Readonly<Partial<Record<SosRequestField, TransitionFieldKind>>>;
  /** The audit event the transition leaves in `sosRequests/{id}/events`. */
  event: SosEventType;
  /** What the backend does after it, in this order; none when absent. */
  effects?: readonly TransitionEffect[];
}

const opened = {
  deadlineAt: 'decided',
  ackDeadlineAt: 'decided',
  locationName: 'decided',
  objectName: 'decided',
  requester: 'decided',
  plan: 'decided',
  escalationLevel: 'decided',
} as const;
const acknowledged = { ackBy: 'actor-uid', ackByName: 'actor-name', ackAt: 'server-time' } as const;
const arrived = { arrivedAt: 'server-time', arrivedBy: 'actor-uid' } as const;
const resolved = { resolvedBy: 'actor-uid', resolvedAt: 'server-time', resolution: 'note' } as const;
const cancelled = { cancelledAt: 'server-time' } as const;

export const TRANSITIONS: readonly Transition[] = [
  { from: 'new', to: 'open', actor: 'function', sets: opened, event: 'validated' },
  { from: 'new', to: 'rejected', actor: 'function', sets: { rejectReason: 'decided' }, event: 'rejected' },
  // One claim wins: the claim is only valid from `open`.
  // The arrival watch first, so a crash while pushing still leaves the lateness watched; the waiting alert steps last
  // (left waiting, a step still stops itself when due, at one read).
  {
    from: 'open',
    to: 'acknowledged',
    actor: 'staff',
    sets: acknowledged,
    event: 'acknowledged',
    effects: ['watch-arrival', 'notify-requester', 'answer-group', 'stop-alert-steps'],
  },
  { from: 'acknowledged', to: 'on_site', actor: 'staff', sets: arrived, event: 'on_site', effects: ['answer-group'] },
  { from: 'acknowledged', to: 'resolved', actor: 'staff', sets: resolved, event: 'resolved', effects: ['answer-group'] },
  { from: 'on_site', to: 'resolved', actor: 'staff', sets: resolved, event: 'resolved', effects: ['answer-group'] },
  // A request made by mistake can be cancelled until someone is on site.
  { from: 'new', to: 'cancelled', actor: 'requester', sets: cancelled, event: 'cancelled' },
  { from: 'open', to: 'cancelled', actor: 'requester', sets: cancelled, event: 'cancelled', effects: ['hand-over-group', 'stop-alert-steps'] },
  { from: 'acknowledged', to: 'cancelled', actor: 'requester', sets: cancelled, event: 'cancelled', effects: ['hand-over-group'] },
];

/** The table's row for a status change, or undefined when the lifecycle has no such change. */
export function findTransition(from: SosStatus, to: SosStatus): Transition | undefined {
  return TRANSITIONS.find((row) => row.from === from && row.to === to);
}

/** What the backend does after a status change, in order: nothing for a change outside the table. */
export function effectsOf(from: SosStatus, to: SosStatus): readonly TransitionEffect[] {
  return findTransition(from, to)?.effects ?? [];
}

/**
 * The client transitions into a status. All rows into one status write the same fields and event, so the
 * audit event of reaching it does not depend on where it came from.
 */
export function clientTransitionsInto(to: SosStatus): Transition[] {
  return TRANSITIONS.filter((row) => row.to === to && row.actor !== 'function');
}

/** The fields a transition writes, `status` first, in the table's order. */
export function transitionFields(row: Transition): SosRequestField[] {
  return ['status', ...(Object.keys(row.sets) as SosRequestField[])];
}

function fieldOf(row: Transition, kind: TransitionFieldKind): SosRequestField | undefined {
  return (Object.keys(row.sets) as SosRequestField[]).find((field) => row.sets[field] === kind);
}

// ---- UI predicates, derived from the table ----

/** Someone still has to come: the request can still change (a status with a way out). */
export function isActive(status: SosStatus): boolean {
  return TRANSITIONS.some((row) => row.from === status);
}

/** Statuses in which someone still has to come. */
export const ACTIVE_STATUSES: readonly SosStatus[] = SOS_STATUSES.filter(isActive);

/** The requester may cancel the request in this status. */
export function isCancellable(status: SosStatus): boolean {
  return TRANSITIONS.some((row) => row.from === status && row.actor === 'requester' && row.to === 'cancelled');
}

/**
 * Statuses in which the arrival clock runs: from the transition that sets `deadlineAt` until one that records
 * the arrival (`arrivedAt`) or ends the request.
 */
export const CLOCK_RUNNING_STATUSES: readonly SosStatus[] = (() => {
  const running = new Set<SosStatus>(TRANSITIONS.filter((row) => 'deadlineAt' in row.sets).map((row) => row.to));
  const queue = [...running];
  for (let status = queue.shift(); status !== undefined; status = queue.shift()) {
    for (const row of TRANSITIONS) {
      if (row.from !== status || 'arrivedAt' in row.sets || running.has(row.to) || !isActive(row.to)) continue;
      running.add(row.to);
      queue.push(row.to);
    }
  }
  return [...running];
})();

export function isClockRunning(status: SosStatus): boolean {
  return CLOCK_RUNNING_STATUSES.includes(status);
}

// ---- what a client writes for its transitions ----

/** A transition's write as the acting client makes it; `ServerTime` is the SDK's serverTimestamp() sentinel. */
export interface AcknowledgeWrite<ServerTime> {
  status: 'acknowledged';
  ackBy: string;
  ackByName: string;
  ackAt: ServerTime;
}
export interface ArriveWrite<ServerTime> {
  status: 'on_site';
  arrivedAt: ServerTime;
  arrivedBy: string;
}
export interface ResolveWrite<ServerTime> {
  status: 'resolved';
  resolvedBy: string;
  resolvedAt: ServerTime;
  resolution: string;
}
export interface CancelWrite<ServerTime> {
  status: 'cancelled';
  cancelledAt: ServerTime;
}

/** Staff claim a request under their roster name (the rules compare them); the name falls back to the uid so it is never empty. */
export function acknowledgeWrite<ServerTime>(uid: string, rosterName: string, now: ServerTime): AcknowledgeWrite<ServerTime> {
  return { status: 'acknowledged', ackBy: uid, ackByName: rosterName.trim().slice(0, MAX_ACK_BY_NAME_LENGTH) || uid, ackAt: now };
}

export function arriveWrite<ServerTime>(uid: string, now: ServerTime): ArriveWrite<ServerTime> {
  return { status: 'on_site', arrivedAt: now, arrivedBy: uid };
}

export function resolveWrite<ServerTime>(uid: string, note: string, now: ServerTime): ResolveWrite<ServerTime> {
  return { status: 'resolved', resolvedBy: uid, resolvedAt: now, resolution: note.trim().slice(0, MAX_RESOLUTION_LENGTH) };
}

export function cancelWrite<ServerTime>(now: ServerTime): CancelWrite<ServerTime> {
  return { status: 'cancelled', cancelledAt: now };
}

// ---- what the backend records ----

/**
 * The audit event of a client transition, read from the request after it: the time, actor and note fields the
 * row writes (the requester's own uid for theirs). Undefined `at` when the write had no server time.
 */
export function transitionEvent<Ts extends TimestampLike>(row: Transition, after: SosRequest<Ts>): Omit<SosEvent<Ts>, 'at'> & { at: Ts | undefined } {
  const value = (kind: TransitionFieldKind) => {
    const field = fieldOf(row, kind);
    return field === undefined ? undefined : after[field];
  };
  const by = value('actor-uid') ?? (row.actor === 'requester' ? after.uid : null);
  const detail = value('actor-name') ?? value('note') ?? null;
  return {
    type: row.event,
    at: value('server-time') as Ts | undefined,
    by: typeof by === 'string' ? by : null,
    detail: typeof detail === 'string' ? detail : null,
  };
}
