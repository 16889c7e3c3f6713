import { describe, expect, it } from 'vitest';
import type { DispatchDuty, DispatchRecipient, Location } from '@sos/model';
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
  const location: Location = { name: 'БЦ', staffPhone: '+73420000000', responseMinutes: 10, ackSeconds: 60, timezone: 'UTC', admins: ['admin'] };
  // Each staff recipient switched on (a manual start without its time: on at any instant).
  const reachable = (recipients: Record<string, DispatchRecipient>) => {
    const roster = Object.fromEntries(Object.entries(recipients).flatMap(([uid, { tier }]) => (tier === null ? [] : [[uid, { tier, onDuty: true }]])));
    return planOpenPush('r1', request, { location, recipients, duty: { shifts: [], overrides: [], roster } }, undefined, 2_000).someoneReachable;
  };

  it('finds someone to push while an on-duty tier-1 staff member has a device', () => {
    expect(reachable({ tier1: staff(1, { d1: 'token-1' }), tier2: staff(2, { d1: 'token-2' }), admin })).toBe(true);
  });

  it('finds nobody (escalation round 1 at once) when no tier-1 staff member is on duty, or those on duty have no device', () => {
    expect(reachable({ tier2: staff(2, { d1: 'token-2' }), admin })).toBe(false);
    expect(reachable({ tier1: staff(1, {}), tier2: staff(2, { d1: 'token-2' }), admin })).toBe(false);
  });

  it('finds nobody when the timetable has no tier-1 staff member on duty at opening and nobody is switched on', () => {
    // A Monday 08:00–16:00 shift; 2026-03-02 is a Monday.
    const duty: DispatchDuty = {
      shifts: [{ uid: 'tier1', tier: 1, days: [1], start: '08:00', minutes: 480 }],
      overrides: [],
      roster: { tier1: { tier: 1, onDuty: false } },
    };
    const open = (hour: number) =>
      planOpenPush('r1', request, { location, recipients: { tier1: staff(1, { d1: 'token-1' }) }, duty }, undefined, Date.UTC(2026, 2, 2, hour));
    expect(open(10).someoneReachable).toBe(true);
    expect(open(10).plan?.recipients).toEqual(['tier1']);
    expect(open(20).someoneReachable).toBe(false);
  });
});
