import { describe, expect, it } from 'vitest';
import {
  ACTIVE_STATUSES,
  CLOCK_RUNNING_STATUSES,
  MAX_ACK_BY_NAME_LENGTH,
  MAX_RESOLUTION_LENGTH,
  SOS_EVENT_TYPES,
  SOS_STATUSES,
  TRANSITIONS,
  acknowledgeWrite,
  arriveWrite,
  cancelWrite,
  clientTransitionsInto,
  effectsOf,
  findTransition,
  isActive,
  isCancellable,
  isClockRunning,
  resolveWrite,
  transitionEvent,
  transitionFields,
  type SosRequest,
  type TimestampLike,
} from '../src';

const ts = (millis: number): TimestampLike => ({ toMillis: () => millis });
const NOW = 'server-time';

describe('the transition table', () => {
  it('has at most one row per status change, and none that stays in place', () => {
    const pairs = TRANSITIONS.map((row) => `${row.from}→${row.to}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(TRANSITIONS.filter((row) => row.from === row.to)).toEqual([]);
  });
  it('records every transition with a known audit event', () => {
    for (const row of TRANSITIONS) expect(SOS_EVENT_TYPES).toContain(row.event);
  });
  it('lets a client write its actor uid and server time; only the backend decides fields', () => {
    for (const row of TRANSITIONS) {
      const kinds = Object.values(row.sets);
      if (row.actor === 'function') expect(kinds.every((kind) => kind === 'decided')).toBe(true);
      else expect(kinds).toContain('server-time');
      if (row.actor === 'staff') expect(kinds).toContain('actor-uid');
    }
  });
  it('writes the same fields and event on every client row into one status', () => {
    for (const status of SOS_STATUSES) {
      const [first, ...rest] = clientTransitionsInto(status);
      for (const row of rest) {
        expect(row.sets).toEqual(first!.sets);
        expect(row.event).toBe(first!.event);
      }
    }
  });
  it('finds a row by its statuses, and nothing for a change the lifecycle lacks', () => {
    expect(findTransition('open', 'acknowledged')?.actor).toBe('staff');
    expect(findTransition('on_site', 'cancelled')).toBeUndefined();
    expect(findTransition('resolved', 'open')).toBeUndefined();
  });
});

describe('what the backend does after a transition', () => {
  it('watches the arrival, tells the requester, answers the group, then stops the alert steps when staff claim a request; only stops them on a cancel while open', () => {
    const withEffects = TRANSITIONS.filter((row) => row.effects?.length).map((row) => [`${row.from}→${row.to}`, row.effects]);
    expect(withEffects).toEqual([
      ['open→acknowledged', ['watch-arrival', 'notify-requester', 'answer-group', 'stop-alert-steps']],
      ['acknowledged→on_site', ['answer-group']],
      ['acknowledged→resolved', ['answer-group']],
      ['on_site→resolved', ['answer-group']],
      ['open→cancelled', ['hand-over-group', 'stop-alert-steps']],
      ['acknowledged→cancelled', ['hand-over-group']],
    ]);
  });
  it('carries every step of a response to its group, and hands the group over on every cancel after opening', () => {
    const staffSteps = TRANSITIONS.filter((row) => row.actor === 'staff');
    expect(staffSteps.every((row) => row.effects?.includes('answer-group'))).toBe(true);
    const cancels = TRANSITIONS.filter((row) => row.to === 'cancelled' && row.from !== 'new');
    expect(cancels.every((row) => row.effects?.includes('hand-over-group'))).toBe(true);
  });
  it('stops the alert steps on every way out of open, after the effects people wait for', () => {
    for (const row of TRANSITIONS.filter((transition) => transition.from === 'open')) {
      expect(row.effects?.at(-1), `${row.from}→${row.to}`).toBe('stop-alert-steps');
    }
    expect(TRANSITIONS.filter((row) => row.from !== 'open' && row.effects?.includes('stop-alert-steps'))).toEqual([]);
  });
  it('leaves opening to the create transaction', () => {
    expect(effectsOf('new', 'open')).toEqual([]);
    expect(effectsOf('new', 'rejected')).toEqual([]);
  });
  it('reads the effects of a status change from its row, and none for a change the lifecycle lacks or no change', () => {
    expect(effectsOf('open', 'acknowledged')).toEqual(['watch-arrival', 'notify-requester', 'answer-group', 'stop-alert-steps']);
    expect(effectsOf('acknowledged', 'on_site')).toEqual(['answer-group']);
    expect(effectsOf('open', 'cancelled')).toEqual(['hand-over-group', 'stop-alert-steps']);
    expect(effectsOf('acknowledged', 'cancelled')).toEqual(['hand-over-group']);
    expect(effectsOf('open', 'open')).toEqual([]);
    expect(effectsOf('resolved', 'acknowledged')).toEqual([]);
  });
});

describe('UI predicates from the table', () => {
  it('a request is active until it is rejected, resolved or cancelled', () => {
    expect(ACTIVE_STATUSES).toEqual(['new', 'open', 'acknowledged', 'on_site']);
    expect(SOS_STATUSES.filter((status) => !isActive(status))).toEqual(['rejected', 'resolved', 'cancelled']);
  });
  it('the requester may cancel until someone is on site', () => {
    expect(SOS_STATUSES.filter(isCancellable)).toEqual(['new', 'open', 'acknowledged']);
  });
  it('the arrival clock runs from opening until arrival', () => {
    expect([...CLOCK_RUNNING_STATUSES].sort()).toEqual(['acknowledged', 'open']);
    expect(isClockRunning('on_site')).toBe(false);
    expect(isClockRunning('new')).toBe(false);
  });
});

describe('client transition writes', () => {
  const cases = [
    ['open', acknowledgeWrite('staff-1', '  Иван  ', NOW)],
    ['acknowledged', arriveWrite('staff-1', NOW)],
    ['on_site', resolveWrite('staff-1', ' помог ', NOW)],
    ['acknowledged', cancelWrite(NOW)],
  ] as const;
  it.each(cases)('from %s writes exactly the fields of its row', (from, write) => {
    const row = findTransition(from, write.status);
    expect(row).toBeDefined();
    expect(Object.keys(write).sort()).toEqual(transitionFields(row!).sort());
  });
  it('trims and bounds what staff type, and never sends an empty name', () => {
    expect(acknowledgeWrite('staff-1', '  Иван  ', NOW).ackByName).toBe('Иван');
    expect(acknowledgeWrite('staff-1', '   ', NOW).ackByName).toBe('staff-1');
    expect(acknowledgeWrite('staff-1', 'я'.repeat(200), NOW).ackByName).toHaveLength(MAX_ACK_BY_NAME_LENGTH);
    expect(resolveWrite('staff-1', ` ${'x'.repeat(900)}`, NOW).resolution).toHaveLength(MAX_RESOLUTION_LENGTH);
  });
});

describe('transitionEvent', () => {
  const base: SosRequest = {
    uid: 'resident-1',
    locationId: 'loc',
    objectId: null,
    source: 'emergency',
    description: null,
    repeatOf: null,
    status: 'open',
    createdAt: ts(0),
  };
  it('records the claim by the staff member, with their name', () => {
    const after = { ...base, status: 'acknowledged' as const, ackBy: 'staff-1', ackByName: 'Иван', ackAt: ts(5) };
    const event = transitionEvent(findTransition('open', 'acknowledged')!, after);
    expect(event).toEqual({ type: 'acknowledged', at: after.ackAt, by: 'staff-1', detail: 'Иван' });
  });
  it('records the resolution note, and the requester as the one who cancels', () => {
    const resolved = { ...base, status: 'resolved' as const, resolvedBy: 'staff-2', resolvedAt: ts(9), resolution: 'ok' };
    expect(transitionEvent(findTransition('on_site', 'resolved')!, resolved)).toMatchObject({ by: 'staff-2', detail: 'ok' });
    const cancelled = { ...base, status: 'cancelled' as const, cancelledAt: ts(7) };
    expect(transitionEvent(findTransition('open', 'cancelled')!, cancelled)).toEqual({
      type: 'cancelled',
      at: cancelled.cancelledAt,
      by: 'resident-1',
      detail: null,
    });
  });
});
