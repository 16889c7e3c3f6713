// The dashboard's «Никого нет на смене» banner: which locations it names, and whether that is still true now.
import { onDutyAt, type DutySchedule, type SosRequest, type TimestampLike } from '@sos/model';

type WaitingRequest = Pick<SosRequest<TimestampLike>, 'status' | 'locationId' | 'locationName' | 'nobodyOnDuty'>;

/**
 * The locations where a request still waiting (`open`) found nobody on duty when it opened, once each, in the order of
 * the requests; named as the request has it, else by `nameOf`.
 */
export function nobodyOnDutyLocations(requests: readonly WaitingRequest[], nameOf: (locationId: string) => string): { id: string; name: string }[] {
  const found = new Map<string, string>();
  for (const request of requests) {
    if (request.status !== 'open' || !request.nobodyOnDuty || found.has(request.locationId)) continue;
    found.set(request.locationId, request.locationName ?? nameOf(request.locationId));
  }
  return [...found].map(([id, name]) => ({ id, name }));
}

/**
 * Whether someone of tier 1 is on duty at `atMillis` by the model's one duty function: what the backend found missing
 * when it marked the request `nobodyOnDuty` (the coverage view's gaps are the same), so the banner goes as soon as
 * someone is on again (a shift starts, an override, «Заступить на смену»).
 */
export function firstTierOnDuty(schedule: DutySchedule, atMillis: number): boolean {
  return onDutyAt(schedule, atMillis).some((duty) => duty.tier === 1);
}
