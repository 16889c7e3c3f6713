import { describe, expect, it } from 'vitest';
import type { DutySchedule } from '@sos/model';
import { firstTierOnDuty, nobodyOnDutyLocations } from '../requests/nobodyOnDuty';

const at = (millis: number) => ({ toMillis: () => millis });
const HOUR = 3_600_000;
// Wednesday 2026-03-04 12:00 in Moscow (UTC+3).
const NOON = Date.UTC(2026, 2, 4, 9, 0);

describe('the locations the banner names', () => {
  const names: Record<string, string> = { bc: 'Бизнес-центр', park: 'ЖК «Парковый»' };
  const nameOf = (id: string) => names[id] ?? id;

  it('are those of waiting requests that found nobody on duty, once each, named as the request has it', () => {
    const requests = [
      { status: 'open' as const, locationId: 'bc', locationName: 'БЦ «Демо»', nobodyOnDuty: true },
      { status: 'open' as const, locationId: 'bc', locationName: 'БЦ «Демо»', nobodyOnDuty: true },
      { status: 'open' as const, locationId: 'park', nobodyOnDuty: true },
      { status: 'open' as const, locationId: 'other', nobodyOnDuty: false },
    ];
    expect(nobodyOnDutyLocations(requests, nameOf)).toEqual([
      { id: 'bc', name: 'БЦ «Демо»' },
      { id: 'park', name: 'ЖК «Парковый»' },
    ]);
  });

  it('leave out a request someone has claimed or that is over', () => {
    const requests = (['acknowledged', 'on_site', 'resolved', 'cancelled', 'new'] as const).map((status) => ({ status, locationId: 'bc', nobodyOnDuty: true }));
    expect(nobodyOnDutyLocations(requests, nameOf)).toEqual([]);
  });
});

describe('someone of tier 1 on duty now', () => {
  const schedule = (roster: DutySchedule['roster'], shifts: DutySchedule['shifts'] = []): DutySchedule => ({
    timezone: 'Europe/Moscow',
    shifts,
    overrides: [],
    roster,
  });

  it('is nobody with no roster, or only people off and tier 2 on', () => {
    expect(firstTierOnDuty(schedule({}), NOON)).toBe(false);
    expect(firstTierOnDuty(schedule({ ivan: { tier: 1, onDuty: false }, petr: { tier: 2, onDuty: true } }), NOON)).toBe(false);
  });

  it('is someone as soon as a tier-1 person starts duty by hand, or their shift covers the instant', () => {
    expect(firstTierOnDuty(schedule({ ivan: { tier: 1, onDuty: true, onDutySince: at(NOON - HOUR) } }), NOON)).toBe(true);
    const weekdays = [{ uid: 'ivan', tier: 1 as const, days: [1, 2, 3, 4, 5] as (1 | 2 | 3 | 4 | 5)[], start: '08:00', minutes: 720 }];
    expect(firstTierOnDuty(schedule({ ivan: { tier: 1, onDuty: false } }, weekdays), NOON)).toBe(true);
    expect(firstTierOnDuty(schedule({ ivan: { tier: 1, onDuty: false } }, weekdays), NOON + 9 * HOUR)).toBe(false);
  });

  it('is nobody while the only one on has ended their shift early', () => {
    expect(firstTierOnDuty(schedule({ ivan: { tier: 1, onDuty: true, offUntil: at(NOON + HOUR) } }), NOON)).toBe(false);
    expect(firstTierOnDuty(schedule({ ivan: { tier: 1, onDuty: true, offUntil: at(NOON + HOUR) } }), NOON + 2 * HOUR)).toBe(true);
  });
});
