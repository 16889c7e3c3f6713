import { describe, expect, it } from 'vitest';
import type { SosStatus } from '@sos/model';
import { catchUpWith } from '../visitorGroup';

const at = (millis: number) => ({ toMillis: () => millis, seconds: millis / 1000, nanoseconds: 0 }) as never;
const claimed = { status: 'acknowledged' as SosStatus, ackBy: 'guard', ackByName: 'Пётр', ackAt: at(1) };
const arrived = { ...claimed, status: 'on_site' as SosStatus, arrivedBy: 'guard', arrivedAt: at(2) };
const resolved = { ...arrived, status: 'resolved' as SosStatus, resolvedBy: 'guard', resolvedAt: at(3), resolution: 'Помогли' };

describe('a grouped request catching up with its leader', () => {
  it('takes the claim, with who is coming, while open', () => {
    expect(catchUpWith(claimed, { status: 'open' })).toEqual({ status: 'acknowledged', ackBy: 'guard', ackByName: 'Пётр', ackAt: claimed.ackAt });
  });
  it('takes the claim and the arrival at once when it opened after both', () => {
    expect(catchUpWith(arrived, { status: 'open' })).toMatchObject({ status: 'on_site', ackBy: 'guard', arrivedBy: 'guard' });
  });
  it('is resolved with the leader, with its note', () => {
    expect(catchUpWith(resolved, { status: 'acknowledged' })).toMatchObject({ status: 'resolved', resolvedBy: 'guard', resolution: 'Помогли' });
  });
  it('never moves back, nor out of a status it ended in', () => {
    expect(catchUpWith(claimed, { status: 'acknowledged' })).toBeNull();
    expect(catchUpWith(claimed, { status: 'on_site' })).toBeNull();
    expect(catchUpWith(resolved, { status: 'cancelled' })).toBeNull();
    expect(catchUpWith(resolved, { status: 'resolved' })).toBeNull();
  });
  it('follows nothing from a leader that is open or cancelled', () => {
    expect(catchUpWith({ status: 'open' }, { status: 'open' })).toBeNull();
    expect(catchUpWith({ status: 'cancelled' }, { status: 'open' })).toBeNull();
  });
});
