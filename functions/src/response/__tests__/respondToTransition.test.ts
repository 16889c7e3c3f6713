import { describe, expect, it } from 'vitest';
import type { DispatchRecipient } from '@sos/model';
import { planOpenPush, type OpenedRequest } from '../respondToTransition';

describe('the open step', () => {
  const ts = (millis: number) => ({ toMillis: () => millis });
  const request: OpenedRequest = {
    uid: 'resident',
    locationId: 'bc',
    source: 'emergency',
    createdAt: ts(1_000),
    ackDeadlineAt: ts(61_000),
    deadlineAt: ts(601_000),
    locationName: 'БЦ',
    objectName: null,
    requester: { name: 'Анна', phone: '+79990000000' },
  };
  const staff = (tier: 1 | 2, devices: Record<string, string>): DispatchRecipient => ({ tier, admin: false, devices, locale: 'ru' });
  const admin: DispatchRecipient = { tier: null, admin: true, devices: { d1: 'token-admin' }, locale: 'ru' };
  const reachable = (recipients: Record<string, DispatchRecipient>) => planOpenPush('r1', request, { recipients }, undefined, 2_000).someoneReachable;

  it('finds someone to push while an on-duty tier-1 staff member has a device', () => {
    expect(reachable({ tier1: staff(1, { d1: 'token-1' }), tier2: staff(2, { d1: 'token-2' }), admin })).toBe(true);
  });

  it('finds nobody (escalation round 1 at once) when no tier-1 staff member is on duty, or those on duty have no device', () => {
    expect(reachable({ tier2: staff(2, { d1: 'token-2' }), admin })).toBe(false);
    expect(reachable({ tier1: staff(1, {}), tier2: staff(2, { d1: 'token-2' }), admin })).toBe(false);
  });
});
