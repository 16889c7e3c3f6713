import { describe, expect, it } from 'vitest';
import { FAULT_POINTS, failsAt, parseFaultPlan } from '../faults';

describe('SOS_FAULTS', () => {
  it('reads point=percent pairs and the id prefix; unset or empty is no plan', () => {
    expect(parseFaultPlan('open-before-commit=20, escalation-enqueue=5', 'chaos-')).toEqual({
      percent: { 'open-before-commit': 20, 'escalation-enqueue': 5 },
      idPrefix: 'chaos-',
    });
    expect(parseFaultPlan(undefined)).toBeNull();
    expect(parseFaultPlan('  ')).toBeNull();
  });

  it('refuses an unknown point or a share outside 0..100, naming what it read', () => {
    expect(() => parseFaultPlan('open-late=10')).toThrow(/open-late=10/);
    expect(() => parseFaultPlan('open-before-commit=120')).toThrow(/0\.\.100/);
    expect(() => parseFaultPlan('open-before-commit=ten')).toThrow(/open-before-commit=ten/);
  });

  it('fails about the chosen share of ids at each point, the same id the same way every time, only under the prefix', () => {
    const plan = parseFaultPlan('open-before-commit=20,open-after-commit=0,escalation-enqueue=100', 'chaos-');
    const ids = Array.from({ length: 2000 }, (_, index) => `chaos-${index}`);
    const share = ids.filter((id) => failsAt(plan, 'open-before-commit', id)).length / ids.length;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.25);
    expect(ids.some((id) => failsAt(plan, 'open-after-commit', id))).toBe(false);
    expect(ids.every((id) => failsAt(plan, 'escalation-enqueue', id))).toBe(true);
    expect(ids.map((id) => failsAt(plan, 'open-before-commit', id))).toEqual(ids.map((id) => failsAt(plan, 'open-before-commit', id)));
    expect(failsAt(plan, 'escalation-enqueue', 'other-1')).toBe(false);
    for (const point of FAULT_POINTS) expect(failsAt(null, point, 'chaos-1')).toBe(false);
  });

  it('under the prefix, a requester’s uid decides when the request id does not match: every request of theirs alike', () => {
    const plan = parseFaultPlan('open-before-commit=50', 'fault-');
    const uids = Array.from({ length: 200 }, (_, index) => `fault-resident-${index}`);
    const failing = uids.filter((uid) => failsAt(plan, 'open-before-commit', 'AbC123', uid));
    expect(failing.length).toBeGreaterThan(60);
    expect(failing.length).toBeLessThan(140);
    for (const uid of failing) expect(failsAt(plan, 'open-before-commit', 'XyZ789', uid)).toBe(true);
    expect(failsAt(plan, 'open-before-commit', 'AbC123', 'resident-1')).toBe(false);
    expect(failsAt(plan, 'open-before-commit', 'AbC123', '')).toBe(false);
  });
});
