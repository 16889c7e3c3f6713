// The second path to opening a request (`SECOND_PATH` in the model), for when its create trigger failed or never came:
// the sweeper (every minute) and the requester's app (the `openMyRequest` callable). Both run processNewRequest, the
// create trigger's own idempotent open step, so whichever comes first opens the request and the others change nothing.
// The sweeper also redoes the open step's effects for a request the trigger opened but then failed (its pushes, its
// escalation chain, its alert steps): each has a fixed id, so what already happened is not done twice.
import { Timestamp, readDoc, refs } from '../firestore';
import { SECOND_PATH, type OpenMyRequestResult, type SosRequest, type SosStatus, type TimestampLike } from '@sos/model';
import { logs } from '../logs';
import { processNewRequest, redoOpenEffects } from './processNewRequest';

/** How many requests the sweeper opens or resumes at once (a young request waiting for its time takes no slot). */
export const SWEEP_CONCURRENCY = 8;
/** How far back the sweeper looks: a request made longer ago than this is left to people, not to a schedule. */
export const SWEEP_LOOKBACK_MS = 24 * 60 * 60_000;
/** How often a sweep re-reads a young `new` request it waits for: its trigger usually opens it meanwhile. */
export const SWEEP_RECHECK_MS = 5_000;

/** An open request is resumed in the sweeps of this window from `sweeperAfterMs` on (two sweeps a minute apart). */
export const RESUME_WINDOW_MS = 120_000;
/** An open request still at escalation level 0 this long after its claim deadline lost its first round. */
export const LOST_CHAIN_AFTER_MS = 60_000;

/**
 * `open`: run the open step; `open-when-due`: a request still `new` but not yet `sweeperAfterMs` old, opened by this
 * sweep when it is (unless its trigger opens it first); `resume`: redo the open step's effects (the request is open,
 * its chain has not moved); `leave`.
 */
export type SweepAction = 'open' | 'open-when-due' | 'resume' | 'leave';

/**
 * What the sweeper does with a request its query found. Pure. A request still `new` `sweeperAfterMs` after it was made
 * is opened; one younger is opened by this same sweep once it is that old, so a stuck request waits at most one
 * sweep interval plus `sweeperAfterMs`, not two intervals. An open request still at escalation level 0 may have lost
 * what follows the commit (the trigger failed after it, or at the escalation enqueue): it is resumed in the two sweeps
 * after it is `sweeperAfterMs` old, and again in every sweep once its first round is `LOST_CHAIN_AFTER_MS` overdue.
 */
export function decideSweep(
  request: Pick<SosRequest<TimestampLike>, 'status' | 'createdAt' | 'ackDeadlineAt' | 'escalationLevel'>,
  nowMillis: number,
): SweepAction {
  const due = request.createdAt.toMillis() + SECOND_PATH.sweeperAfterMs;
  if (request.status === 'new') return due > nowMillis ? 'open-when-due' : 'open';
  if (due > nowMillis || request.status !== 'open' || (request.escalationLevel ?? 0) !== 0) return 'leave';
  const justOpened = nowMillis < due + RESUME_WINDOW_MS;
  const firstRoundOverdue = !!request.ackDeadlineAt && request.ackDeadlineAt.toMillis() + LOST_CHAIN_AFTER_MS <= nowMillis;
  return justOpened || firstRoundOverdue ? 'resume' : 'leave';
}

export interface SweepCounts {
  found: number;
  opened: number;
  resumed: number;
  failed: number;
}

/**
 * One sweep: one query for requests made in the last day that are still `new` or `open` (an idle minute costs one
 * empty query; a busy one reads the requests nobody has claimed yet), then for each `decideSweep` picks: the open step
 * for one still `new` (for one younger than `sweeperAfterMs`, when it is that old, re-read every `SWEEP_RECHECK_MS`
 * meanwhile and left as soon as it is no longer `new`); for one open, a fresh read and, still due, `redoOpenEffects`
 * (escalation round 1, the open push, the alert steps, each under its fixed id). A failure is logged and the sweep
 * goes on.
 */
export async function sweepStuckRequests(nowMillis = Date.now()): Promise<SweepCounts> {
  const startedAt = Date.now();
  /** Real time minus the sweep's time (tests pass a `nowMillis` of their own): the waits run on real time. */
  const clockOffset = startedAt - nowMillis;
  const found = await refs
    .sosRequests()
    .where('status', 'in', ['new', 'open'] satisfies SosStatus[])
    .where('createdAt', '>=', Timestamp.fromMillis(nowMillis - SWEEP_LOOKBACK_MS))
    .get();
  const queryMs = Date.now() - startedAt;
  const due = found.docs
    .flatMap((doc) => {
      const request = doc.data();
      const action = decideSweep(request, nowMillis);
      return action === 'leave' ? [] : [{ requestId: doc.id, request, action }];
    })
    // The oldest first.
    .sort((a, b) => a.request.createdAt.toMillis() - b.request.createdAt.toMillis());
  const counts: SweepCounts = { found: due.length, opened: 0, resumed: 0, failed: 0 };
  const untilDue = (request: SosRequest<Timestamp>) => request.createdAt.toMillis() + SECOND_PATH.sweeperAfterMs - (Date.now() - clockOffset);
  // A few at a time (each is one transaction or a few writes on its own request), openings before resumes: a request
  // still `new` has told nobody. A young one waits for its time outside the slots.
  const slots = prioritySlots(SWEEP_CONCURRENCY);
  const sweepOne = async (item: (typeof due)[number]) => {
    try {
      if (item.action === 'resume') {
        if (await slots.run(RESUME_PRIORITY, () => resumeIfStillDue(item.requestId, nowMillis))) counts.resumed += 1;
        return;
      }
      if (item.action === 'open-when-due' && !(await stillNewWhenDue(item.requestId, () => untilDue(item.request)))) return;
      if (await slots.run(OPEN_PRIORITY, () => processNewRequest(item.requestId, { created: item.request, via: 'sweeper' }))) counts.opened += 1;
    } catch (error) {
      counts.failed += 1;
      logs.sweepFailed(item.requestId, error);
    }
  };
  await Promise.all(due.map(sweepOne));
  logs.sweepDone(counts, { startedAt: new Date(startedAt).toISOString(), queryMs, tookMs: Date.now() - startedAt });
  return counts;
}

const OPEN_PRIORITY = 0;
const RESUME_PRIORITY = 1;

/** At most `size` jobs at once; a waiting job of a lower priority number goes first, then the one that came first. */
export function prioritySlots(size: number) {
  let free = size;
  const waiting: { priority: number; start: () => void }[] = [];
  return {
    async run<T>(priority: number, job: () => Promise<T>): Promise<T> {
      if (free > 0) free -= 1;
      else
        await new Promise<void>((start) => {
          const at = waiting.findIndex((other) => other.priority > priority);
          waiting.splice(at === -1 ? waiting.length : at, 0, { priority, start });
        });
      try {
        return await job();
      } finally {
        const next = waiting.shift();
        if (next) next.start();
        else free += 1;
      }
    },
  };
}

/** Waits until a young request is due, re-reading it meanwhile: whether it is still `new` then (false: opened or gone). */
async function stillNewWhenDue(requestId: string, millisUntilDue: () => number): Promise<boolean> {
  for (let wait = millisUntilDue(); wait > 0; wait = millisUntilDue()) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(wait, SWEEP_RECHECK_MS)));
    if ((await readDoc(refs.sosRequest(requestId))).data()?.status !== 'new') return false;
  }
  return true;
}

/** Redoes the open step's effects of a request the query found, if it is still open and due by a fresh read (one read). */
async function resumeIfStillDue(requestId: string, nowMillis: number): Promise<boolean> {
  const request = (await readDoc(refs.sosRequest(requestId))).data();
  if (!request || decideSweep(request, nowMillis) !== 'resume') return false;
  await redoOpenEffects(requestId, request);
  return true;
}

/** Why `openMyRequest` refused: the contract's reason, with its HttpsError code. */
export interface OpenRefusal {
  code: 'invalid-argument' | 'not-found' | 'permission-denied';
  reason: 'invalid-request-id' | 'request-not-found' | 'not-your-request';
  message: string;
}

export class OpenRefused extends Error {
  constructor(readonly refusal: OpenRefusal) {
    super(refusal.message);
  }
}

function refuse(code: OpenRefusal['code'], reason: OpenRefusal['reason']): never {
  throw new OpenRefused({ code, reason, message: reason });
}

const REQUEST_ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * The requester's app asks for its own request still `new` to be opened. Anyone else's request is refused; one
 * already decided is left as it is (nothing is redone: the trigger or the sweeper did it).
 */
export async function openMyRequest(uid: string, requestId: unknown): Promise<OpenMyRequestResult> {
  if (typeof requestId !== 'string' || !REQUEST_ID.test(requestId)) refuse('invalid-argument', 'invalid-request-id');
  const ref = refs.sosRequest(requestId);
  const request = (await readDoc(ref)).data();
  if (!request) refuse('not-found', 'request-not-found');
  if (request.uid !== uid) refuse('permission-denied', 'not-your-request');
  if (request.status !== 'new') return { status: request.status, decidedNow: false };
  const decision = await processNewRequest(requestId, { created: request, via: 'requester' });
  if (decision) return { status: decision.status, decidedNow: true };
  // Decided meanwhile by the trigger or the sweeper.
  return { status: (await readDoc(ref)).data()?.status ?? 'new', decidedNow: false };
}
