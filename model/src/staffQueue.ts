// The staff's queue: which requests need someone now, which are under way, which are done.
import type { SosRequest, TimestampLike } from './contract';

type QueueRequest = Pick<SosRequest<TimestampLike>, 'status' | 'createdAt' | 'deadlineAt'> & { id: string };

export interface StaffQueue<T extends QueueRequest> {
  /** Nobody has claimed them: most urgent (earliest deadline) first. */
  open: T[];
  /** Claimed, or staff on site: earliest deadline first. */
  inProgress: T[];
  /** Resolved, cancelled or rejected: newest first, at most `recentLimit`. */
  recent: T[];
}

const deadlineOf = (request: QueueRequest) => request.deadlineAt?.toMillis() ?? Number.POSITIVE_INFINITY;
const byDeadline = (a: QueueRequest, b: QueueRequest) => deadlineOf(a) - deadlineOf(b) || a.createdAt.toMillis() - b.createdAt.toMillis();

/** Unvalidated (`new`) requests are left out: the server opens or rejects them within a second. */
export function buildStaffQueue<T extends QueueRequest>(requests: readonly T[], recentLimit = 20): StaffQueue<T> {
  const open = requests.filter((request) => request.status === 'open').sort(byDeadline);
  const inProgress = requests.filter((request) => request.status === 'acknowledged' || request.status === 'on_site').sort(byDeadline);
  const recent = requests
    .filter((request) => ['resolved', 'cancelled', 'rejected'].includes(request.status))
    .sort((a, b) => b.createdAt.toMillis() - a.createdAt.toMillis())
    .slice(0, recentLimit);
  return { open, inProgress, recent };
}

/** Ids present in `current` but not in `previous`: the requests that just arrived. */
export function arrivedIds(previous: ReadonlySet<string>, current: readonly { id: string }[]): string[] {
  return current.filter((item) => !previous.has(item.id)).map((item) => item.id);
}

/** The tab title with the number of requests waiting, e.g. "(2) SOS". */
export function alertTitle(baseTitle: string, waiting: number): string {
  return waiting > 0 ? `(${waiting}) ${baseTitle}` : baseTitle;
}
