// The staff's queue: which requests need someone now, which are under way, which are done.
import type { SosRequest, TimestampLike } from './contract';
import { byPriorityThenTime } from './kinds';

type QueueRequest = Pick<SosRequest<TimestampLike>, 'status' | 'createdAt' | 'deadlineAt' | 'kind' | 'source' | 'groupOf'> & { id: string };

export interface StaffQueue<T extends QueueRequest> {
  /** Nobody has claimed them: most urgent kind first (kinds.ts), then the oldest. */
  open: T[];
  /** Claimed, or staff on site: most urgent kind first, then the oldest. */
  inProgress: T[];
  /** Resolved, cancelled or rejected: newest first, at most `recentLimit`. */
  recent: T[];
  /**
   * The active requests that joined an active one at its QR code (`groupOf`), by that one's id, oldest first: shown on
   * its card, not as cards of their own (a flood at a code is one call). One whose leader is not active is a card.
   */
  groups: Record<string, T[]>;
}

/** Unvalidated (`new`) requests are left out: the server opens or rejects them within a second. */
export function buildStaffQueue<T extends QueueRequest>(requests: readonly T[], recentLimit = 20): StaffQueue<T> {
  const working = (request: T) => request.status === 'open' || request.status === 'acknowledged' || request.status === 'on_site';
  const leaders = new Set(requests.filter((request) => working(request) && !request.groupOf).map((request) => request.id));
  const groups: Record<string, T[]> = {};
  for (const request of requests) {
    if (request.groupOf && leaders.has(request.groupOf) && working(request)) (groups[request.groupOf] ??= []).push(request);
  }
  for (const members of Object.values(groups)) members.sort((a, b) => a.createdAt.toMillis() - b.createdAt.toMillis());
  const onItsOwn = (request: T) => !(request.groupOf && leaders.has(request.groupOf));
  const open = requests.filter((request) => request.status === 'open' && onItsOwn(request)).sort(byPriorityThenTime);
  const inProgress = requests
    .filter((request) => (request.status === 'acknowledged' || request.status === 'on_site') && onItsOwn(request))
    .sort(byPriorityThenTime);
  const recent = requests
    .filter((request) => ['resolved', 'cancelled', 'rejected'].includes(request.status))
    .sort((a, b) => b.createdAt.toMillis() - a.createdAt.toMillis())
    .slice(0, recentLimit);
  return { open, inProgress, recent, groups };
}

/** Ids present in `current` but not in `previous`: the requests that just arrived. */
export function arrivedIds(previous: ReadonlySet<string>, current: readonly { id: string }[]): string[] {
  return current.filter((item) => !previous.has(item.id)).map((item) => item.id);
}

/** The tab title with the number of requests waiting, e.g. "(2) SOS". */
export function alertTitle(baseTitle: string, waiting: number): string {
  return waiting > 0 ? `(${waiting}) ${baseTitle}` : baseTitle;
}
