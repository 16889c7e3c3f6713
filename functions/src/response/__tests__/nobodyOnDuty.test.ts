import { describe, expect, it } from 'vitest';
import { firstEscalationRound } from '../nobodyOnDuty';

const ts = (millis: number) => ({ toMillis: () => millis });

describe('nobody on duty', () => {
  const request = { createdAt: ts(1_000), ackDeadlineAt: ts(61_000) };
  it('runs escalation round 1 at once, with its reason, when no tier-1 staff member can be pushed', () => {
    expect(firstEscalationRound('r', request, false)).toEqual({ requestId: 'r', round: 1, dueAtMillis: 1_000, attempt: 0, reason: 'nobody_on_duty' });
  });
  it('otherwise waits for the acknowledgement deadline', () => {
    expect(firstEscalationRound('r', request, true)).toEqual({ requestId: 'r', round: 1, dueAtMillis: 61_000, attempt: 0 });
  });
});
