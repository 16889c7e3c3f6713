import { describe, expect, it } from 'vitest';
import type { DispatchDuty, DutyOverride, Location, Shift, TimestampLike } from '@sos/model';
import { openAudience, escalationAudience } from '../../notify/audience';
import { buildDispatch, dutyOf, dutyScheduleOf, localeChanged, rosterOf, targetsOf, verifiedContacts, type StoredRecipients } from '../dispatchDoc';

const location: Location = { name: 'Site', staffPhone: '+73420000000', responseMinutes: 10, ackSeconds: 60, timezone: 'UTC', admins: ['admin', 'both'] };
const devices: Record<string, Record<string, string>> = { t1: { a: 'tok-a', b: 'tok-b' }, admin: { d: 'tok-d' }, both: { e: 'tok-e' } };
const ts = (millis: number): TimestampLike => ({ toMillis: () => millis });
/** Monday 2026-03-02 at the given UTC hour (the location's zone is UTC). */
const monday = (hour: number) => Date.UTC(2026, 2, 2, hour);

describe('dispatch document', () => {
  const duty: DispatchDuty = {
    shifts: [],
    overrides: [],
    roster: { t1: { tier: 1, onDuty: true }, t2: { tier: 2, onDuty: true }, both: { tier: 1, onDuty: true }, off: { tier: 1, onDuty: false } },
  };
  const dispatch = buildDispatch(
    location,
    duty,
    (uid) => devices[uid] ?? {},
    (uid) => (uid === 't1' ? 'en' : 'ru'),
    (uid) => (uid === 't1' ? [{ id: 'c1', channel: 'sms', address: '+79120000001' }] : []),
  );

  it('lists the whole roster with their tier and the admins, each with every device, locale and verified contact method, and the uids for the device trigger', () => {
    expect(dispatch.recipients).toEqual({
      t1: { tier: 1, admin: false, devices: { a: 'tok-a', b: 'tok-b' }, locale: 'en', contacts: [{ id: 'c1', channel: 'sms', address: '+79120000001' }] },
      t2: { tier: 2, admin: false, devices: {}, locale: 'ru', contacts: [] },
      both: { tier: 1, admin: true, devices: { e: 'tok-e' }, locale: 'ru', contacts: [] },
      off: { tier: 1, admin: false, devices: {}, locale: 'ru', contacts: [] },
      admin: { tier: null, admin: true, devices: { d: 'tok-d' }, locale: 'ru', contacts: [] },
    });
    expect(dispatch.recipientUids).toEqual(['admin', 'both', 'off', 't1', 't2']);
    expect(dispatch.location).toBe(location);
    expect(dispatch.duty).toBe(duty);
  });

  it('gives the audiences: a new request to on-duty tier 1, an escalation to everyone on duty and the admins', () => {
    expect(openAudience(rosterOf(dispatch, monday(10)))).toEqual(['both', 't1']);
    expect(escalationAudience(rosterOf(dispatch, monday(10)), location.admins)).toEqual(['admin', 'both', 't1', 't2']);
  });

  it('gives every device of the chosen people with their locale, and nothing for someone it does not list', () => {
    expect(targetsOf(dispatch, ['t1', 'stranger', 'admin'])).toEqual([
      { uid: 't1', deviceId: 'a', token: 'tok-a', locale: 'en' },
      { uid: 't1', deviceId: 'b', token: 'tok-b', locale: 'en' },
      { uid: 'admin', deviceId: 'd', token: 'tok-d', locale: 'ru' },
    ]);
  });

  it('reads a recipient written before recipients carried a locale as Russian', () => {
    const older: StoredRecipients = { recipients: { old: { tier: 1, admin: false, devices: { x: 'tok-x' } } } };
    expect(targetsOf(older, ['old'])).toEqual([{ uid: 'old', deviceId: 'x', token: 'tok-x', locale: 'ru' }]);
  });

  it('is rebuilt for a profile write only when the language its owner is pushed in changes', () => {
    expect(localeChanged({ locale: 'ru' }, { locale: 'en' })).toBe(true);
    expect(localeChanged({ locale: 'en' }, undefined)).toBe(true);
    expect(localeChanged(undefined, { locale: 'en' })).toBe(true);
    expect(localeChanged({ locale: 'en' }, { locale: 'en' })).toBe(false);
    // Absent means Russian: setting it to Russian, or any other profile change, changes nothing.
    expect(localeChanged({}, { locale: 'ru' })).toBe(false);
    expect(localeChanged(undefined, {})).toBe(false);
  });

  it('has no recipients for a location with no roster and no admins', () => {
    expect(
      buildDispatch(
        { ...location, admins: [] },
        { shifts: [], overrides: [], roster: {} },
        () => ({}),
        () => 'ru',
      ).recipients,
    ).toEqual({});
  });
});

describe('the contact methods a dispatch document copies', () => {
  const doc = (id: string, data: Record<string, unknown>) => ({ id, data: () => data });
  it('are the verified ones of a known channel with an address', () => {
    expect(
      verifiedContacts([
        doc('tg', { kind: 'telegram', address: '12345', verified: true }),
        doc('new', { kind: 'sms', address: '+79120000001', verified: false }),
        doc('odd', { kind: 'pigeon', address: 'roof', verified: true }),
        doc('empty', { kind: 'voice', address: '', verified: true }),
      ]),
    ).toEqual([{ id: 'tg', channel: 'telegram', address: '12345' }]);
  });
});

describe('the audiences at an instant, from shifts, overrides and the roster', () => {
  const shift = (uid: string, tier: 1 | 2, start: string, minutes: number): Shift => ({ uid, tier, days: [1], start, minutes });
  const override = (uid: string, action: DutyOverride['action'], fromHour: number, toHour: number, withUid?: string): DutyOverride => ({
    uid,
    action,
    ...(withUid ? { withUid } : {}),
    start: ts(monday(fromHour)),
    end: ts(monday(toHour)),
    createdBy: 'admin',
  });
  const at = (duty: DispatchDuty, hour: number) => {
    const dispatch = buildDispatch(
      location,
      duty,
      () => ({}),
      () => 'ru',
    );
    const roster = rosterOf(dispatch, monday(hour));
    return { open: openAudience(roster), escalation: escalationAudience(roster, []) };
  };
  const roster = { day: { tier: 1, onDuty: false }, night: { tier: 1, onDuty: false }, engineer: { tier: 2, onDuty: false } } as const;
  const shifts = [shift('day', 1, '08:00', 480), shift('engineer', 2, '09:00', 540)];

  it('puts a person on duty inside their shift, though their manual start is off, and nobody outside every shift', () => {
    expect(at({ shifts, overrides: [], roster }, 10)).toEqual({ open: ['day'], escalation: ['day', 'engineer'] });
    expect(at({ shifts, overrides: [], roster }, 16)).toEqual({ open: [], escalation: ['engineer'] });
    expect(at({ shifts, overrides: [], roster }, 20)).toEqual({ open: [], escalation: [] });
  });

  it('puts a manual start on duty for 12 hours from when it was switched on', () => {
    const started = { ...roster, night: { tier: 1, onDuty: true, onDutySince: ts(monday(9)) } } as const;
    expect(at({ shifts: [], overrides: [], roster: started }, 20).open).toEqual(['night']);
    expect(at({ shifts: [], overrides: [], roster: started }, 22).open).toEqual([]);
  });

  it('takes off someone who ended their shift early until their offUntil', () => {
    const ended = { ...roster, day: { tier: 1, onDuty: false, offUntil: ts(monday(12)) } } as const;
    expect(at({ shifts, overrides: [], roster: ended }, 10).open).toEqual([]);
    expect(at({ shifts, overrides: [], roster: ended }, 13).open).toEqual(['day']);
  });

  it('takes off whom an off override covers, and puts on whom an on override covers with their roster tier', () => {
    expect(at({ shifts, overrides: [override('day', 'off', 9, 11)], roster }, 10).open).toEqual([]);
    expect(at({ shifts, overrides: [override('day', 'off', 9, 11)], roster }, 11).open).toEqual(['day']);
    expect(at({ shifts, overrides: [override('night', 'on', 18, 23)], roster }, 20)).toEqual({ open: ['night'], escalation: ['night'] });
  });

  it('swaps: the stand-in is on duty with the tier of whom they stand in for, and that person is off', () => {
    const duty = { shifts, overrides: [override('day', 'swap', 9, 11, 'engineer')], roster };
    expect(at(duty, 10)).toEqual({ open: ['engineer'], escalation: ['engineer'] });
    expect(at(duty, 12)).toEqual({ open: ['day'], escalation: ['day', 'engineer'] });
  });

  it('reads a document built before shifts as it was: its recipients with a tier are on duty', () => {
    const older = {
      location,
      recipients: { t1: { tier: 1, admin: false, devices: {}, locale: 'ru' }, admin: { tier: null, admin: true, devices: {}, locale: 'ru' } },
    } as const;
    expect(dutyScheduleOf(older).roster).toEqual({ t1: { tier: 1, onDuty: true } });
    expect(openAudience(rosterOf(older, monday(3)))).toEqual(['t1']);
  });
});

describe('what the dispatch document copies of duty', () => {
  it('keeps each roster entry, shift and override with only the keys duty reads, and drops overrides that have ended', () => {
    const since = ts(monday(8));
    const duty = dutyOf(
      [
        { uid: 'a', member: { name: 'A', phone: '+7', onDuty: true, tier: 1, onDutySince: since } },
        { uid: 'b', member: { name: 'B', phone: '+7', onDuty: false, tier: 2 } },
      ],
      [{ uid: 'a', tier: 1, days: [1, 2], start: '08:00', minutes: 60, from: null }],
      [
        { uid: 'a', action: 'off', start: ts(monday(1)), end: ts(monday(9)), createdBy: 'admin' },
        { uid: 'a', action: 'swap', withUid: 'b', start: ts(monday(9)), end: ts(monday(11)), createdBy: 'admin' },
      ],
      monday(10),
    );
    expect(duty).toEqual({
      roster: { a: { tier: 1, onDuty: true, onDutySince: since }, b: { tier: 2, onDuty: false } },
      shifts: [{ uid: 'a', tier: 1, days: [1, 2], start: '08:00', minutes: 60 }],
      overrides: [{ uid: 'a', action: 'swap', withUid: 'b', start: expect.anything(), end: expect.anything(), createdBy: 'admin' }],
    });
  });
});
