// SOS_FAULTS as `npm run test:emulated` sets it (functions/src/faults.ts), for tests that break the create trigger on
// purpose: a request id or a requester uid whose trigger fails at a chosen point and at none before it.
import { FAULT_POINTS, failsAt, parseFaultPlan, type FaultPoint } from '../../functions/src/faults';

const plan = parseFaultPlan(process.env.SOS_FAULTS, process.env.SOS_FAULTS_FOR);

/** The first of `candidate(0)`, `candidate(1)`, … (each under SOS_FAULTS_FOR) that fails at `point` as a request id or a requester uid. */
export function keyFailingAt(point: FaultPoint, as: 'request id' | 'uid', candidate: (prefix: string, n: number) => string): string {
  if (!plan) throw new Error('SOS_FAULTS is not set: run this suite through `npm run test:emulated`, which sets it');
  const earlier = FAULT_POINTS.slice(0, FAULT_POINTS.indexOf(point));
  const fails = (at: FaultPoint, key: string) => (as === 'uid' ? failsAt(plan, at, 'not-under-the-prefix', key) : failsAt(plan, at, key));
  for (let n = 0; n < 10_000; n += 1) {
    const key = candidate(plan.idPrefix, n);
    if (fails(point, key) && !earlier.some((at) => fails(at, key))) return key;
  }
  throw new Error(`no ${as} fails at ${point} under SOS_FAULTS="${process.env.SOS_FAULTS}"`);
}
