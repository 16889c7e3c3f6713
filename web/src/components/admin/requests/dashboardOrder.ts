// The order of the admin dashboard: what still needs someone on top, in the staff queue's order, then the history.
import { byPriorityThenTime, isActive, type SosSource, type SosStatus } from '@sos/model';

type DashboardRow = { status: SosStatus; kind?: unknown; source: SosSource | string; createdAt: { toMillis(): number } };

/** Active requests first, most urgent kind then oldest (`byPriorityThenTime`); the others after them, newest first. */
export function dashboardOrder<T extends DashboardRow>(requests: readonly T[]): T[] {
  const active = requests.filter((request) => isActive(request.status)).sort(byPriorityThenTime);
  const finished = requests.filter((request) => !isActive(request.status)).sort((a, b) => b.createdAt.toMillis() - a.createdAt.toMillis());
  return [...active, ...finished];
}
