import { describe, expect, it } from 'vitest';
import type { Location } from '@sos/model';
import { openAudience, escalationAudience } from '../../notify/audience';
import { buildDispatch, localeChanged, rosterOf, targetsOf, verifiedContacts, type StoredRecipients } from '../dispatchDoc';

const location: Location = { name: 'Site', staffPhone: '+73420000000', responseMinutes: 10, ackSeconds: 60, timezone: 'UTC', admins: ['admin', 'both'] };
const devices: Record<string, Record<string, string>> = { t1: { a: 'tok-a', b: 'tok-b' }, admin: { d: 'tok-d' }, both: { e: 'tok-e' } };

describe('dispatch document', () => {
  const dispatch = buildDispatch(
    location,
    [
      { uid: 't1', tier: 1 },
      { uid: 't2', tier: 2 },
      { uid: 'both', tier: 1 },
    ],
    (uid) => devices[uid] ?? {},
    (uid) => (uid === 't1' ? 'en' : 'ru'),
    (uid) => (uid === 't1' ? [{ id: 'c1', channel: 'sms', address: '+79120000001' }] : []),
  );

  it('lists on-duty staff with their tier and admins, each with every device, locale and verified contact method, and the uids for the device trigger', () => {
    expect(dispatch.recipients).toEqual({
      t1: { tier: 1, admin: false, devices: { a: 'tok-a', b: 'tok-b' }, locale: 'en', contacts: [{ id: 'c1', channel: 'sms', address: '+79120000001' }] },
      t2: { tier: 2, admin: false, devices: {}, locale: 'ru', contacts: [] },
      both: { tier: 1, admin: true, devices: { e: 'tok-e' }, locale: 'ru', contacts: [] },
      admin: { tier: null, admin: true, devices: { d: 'tok-d' }, locale: 'ru', contacts: [] },
    });
    expect(dispatch.recipientUids).toEqual(['admin', 'both', 't1', 't2']);
    expect(dispatch.location).toBe(location);
  });

  it('gives the audiences: a new request to on-duty tier 1, an escalation to everyone on duty and the admins', () => {
    expect(openAudience(rosterOf(dispatch))).toEqual(['both', 't1']);
    expect(escalationAudience(rosterOf(dispatch), location.admins)).toEqual(['admin', 'both', 't1', 't2']);
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

  it('has no recipients for a location with nobody on duty and no admins', () => {
    expect(
      buildDispatch(
        { ...location, admins: [] },
        [],
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
