// Fault injection, to prove the second path (sos/secondPath.ts): on a `demo-` project only, SOS_FAULTS makes a chosen
// share of create-trigger deliveries fail at a chosen point, as a deploy mid-flight, a bad release or a quota error
// would. `SOS_FAULTS="open-before-commit=20,open-after-commit=20,escalation-enqueue=20"` (percent of requests, each
// point decided apart from a hash of the request id, so a replay fails the same way); `SOS_FAULTS_FOR=<prefix>` limits
// it to request ids starting with the prefix, or to requesters whose uid starts with it (then the uid decides, so a
// browser test's resident fails the same way on every request). Read once, when the functions load. Only the
// trigger's run is ever failed, never the second path's.
import { logs } from './logs';

export const FAULT_POINTS = ['open-before-commit', 'open-after-commit', 'escalation-enqueue'] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];

export interface FaultPlan {
  percent: Partial<Record<FaultPoint, number>>;
  idPrefix: string;
}

/** The plan SOS_FAULTS and SOS_FAULTS_FOR spell; null when SOS_FAULTS is unset or empty. Throws on a bad spelling. */
export function parseFaultPlan(spec: string | undefined, idPrefix = ''): FaultPlan | null {
  if (!spec?.trim()) return null;
  const percent: FaultPlan['percent'] = {};
  for (const part of spec.split(',')) {
    const [point, value] = part.split('=').map((word) => word.trim());
    const share = Number(value);
    if (!(FAULT_POINTS as readonly string[]).includes(point ?? '') || !Number.isInteger(share) || share < 0 || share > 100) {
      throw new Error(`config/faults: SOS_FAULTS takes "<point>=<percent>" pairs (${FAULT_POINTS.join(', ')}; 0..100), got "${part}"`);
    }
    percent[point as FaultPoint] = share;
  }
  return { percent, idPrefix };
}

/** FNV-1a: a stable spread of ids over 0..99, the same in every process. */
function bucketOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return hash % 100;
}

/** Whether the plan fails this request's trigger at this point: by its id under the prefix, else by its requester's uid. Pure. */
export function failsAt(plan: FaultPlan | null, point: FaultPoint, requestId: string, uid = ''): boolean {
  if (!plan) return false;
  const key = [requestId, uid].find((candidate) => candidate.startsWith(plan.idPrefix) && candidate !== '');
  return key !== undefined && bucketOf(`${point}:${key}`) < (plan.percent[point] ?? 0);
}

/** The plan of this process: only on a demo- project (the emulators); anywhere else the switch is ignored, loudly. */
function activePlan(): FaultPlan | null {
  const plan = parseFaultPlan(process.env.SOS_FAULTS, process.env.SOS_FAULTS_FOR);
  if (plan && !(process.env.GCLOUD_PROJECT ?? '').startsWith('demo-')) {
    logs.faultsIgnored(process.env.GCLOUD_PROJECT ?? '');
    return null;
  }
  return plan;
}

const plan = activePlan();

export class InjectedFault extends Error {
  constructor(point: FaultPoint, requestId: string) {
    super(`injected fault at ${point} for ${requestId} (SOS_FAULTS)`);
  }
}

/** Throws at `point` when SOS_FAULTS says this request's trigger fails there. */
export function injectFault(point: FaultPoint, requestId: string, uid: string): void {
  if (!failsAt(plan, point, requestId, uid)) return;
  logs.faultInjected(requestId, point);
  throw new InjectedFault(point, requestId);
}
