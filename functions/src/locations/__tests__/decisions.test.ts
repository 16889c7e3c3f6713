import { describe, expect, it } from 'vitest';
import { ACK_SECONDS, type Claims } from '@sos/model';
import { LocationRefused, MAX_CLAIMS_BYTES, decideCreateLocation, newLocationId, parseCreateLocation } from '../decisions';

const admin: Claims = { role: 'admin', locationIds: ['A'] };
const settings = { name: 'Корпус Б', staffPhone: '+7 342 258-00-79', responseMinutes: 15, ackSeconds: 90, timezone: 'Asia/Yekaterinburg' };
const REQUEST_ID = 'req-0123456789';

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof LocationRefused) return { code: error.refusal.code, reason: error.refusal.reason, ...error.refusal.details };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('createLocation: parsing', () => {
  it('takes the settings as the form checks them, saved normalised', () => {
    expect(parseCreateLocation({ requestId: REQUEST_ID, settings })).toEqual({
      requestId: REQUEST_ID,
      settings: { ...settings, staffPhone: '+73422580079' },
    });
  });

  it('refuses a missing or malformed request id', () => {
    for (const requestId of [undefined, '', 'short', 'has space 12345', 'x'.repeat(65), 42]) {
      expect(refusal(() => parseCreateLocation({ requestId, settings }))).toEqual({ code: 'invalid-argument', reason: 'invalid-request' });
    }
  });

  it('names the field at fault and its problem', () => {
    expect(refusal(() => parseCreateLocation({ requestId: REQUEST_ID, settings: { ...settings, ackSeconds: ACK_SECONDS.max + 1 } }))).toEqual({
      code: 'invalid-argument',
      reason: 'invalid-settings',
      field: 'ackSeconds',
      problem: 'out-of-range',
    });
    expect(refusal(() => parseCreateLocation({ requestId: REQUEST_ID, settings: { ...settings, timezone: 'Mars/Olympus_Mons' } }))).toMatchObject({
      field: 'timezone',
      problem: 'unknown-time-zone',
    });
    expect(refusal(() => parseCreateLocation({ requestId: REQUEST_ID, settings: { ...settings, admins: ['someone'] } }))).toMatchObject({
      field: 'document',
      problem: 'unknown-field',
    });
    expect(refusal(() => parseCreateLocation({ requestId: REQUEST_ID }))).toMatchObject({ reason: 'invalid-settings', field: 'document' });
  });
});

describe('createLocation: the decision', () => {
  const locationId = newLocationId('admin-1', REQUEST_ID);
  const context = { uid: 'admin-1', locationId, caller: admin, existing: undefined };

  it('gives a retried request the same id, and another caller or request another one', () => {
    expect(newLocationId('admin-1', REQUEST_ID)).toBe(locationId);
    expect(locationId).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(newLocationId('admin-2', REQUEST_ID)).not.toBe(locationId);
    expect(newLocationId('admin-1', `${REQUEST_ID}x`)).not.toBe(locationId);
  });

  it('makes the admin of one location the admin of the new one too', () => {
    expect(decideCreateLocation(context)).toEqual({ kind: 'create', claims: { role: 'admin', locationIds: ['A', locationId] } });
  });

  it.each([
    ['a resident', { role: 'resident', locationIds: ['A'] }],
    ['staff', { role: 'staff', locationIds: ['A'] }],
    ['an admin of no location', { role: 'admin', locationIds: [] }],
  ] as const)('refuses %s', (_label, caller) => {
    expect(refusal(() => decideCreateLocation({ ...context, caller: { ...caller, locationIds: [...caller.locationIds] } }))).toEqual({
      code: 'permission-denied',
      reason: 'not-admin',
    });
  });

  it('answers a replay without making anything, and restores only claims the first call did not write', () => {
    const made = { createdBy: 'admin-1', admins: ['admin-1'] };
    expect(decideCreateLocation({ ...context, existing: made })).toEqual({ kind: 'replay', claimsMissing: true });
    expect(decideCreateLocation({ ...context, caller: { role: 'admin', locationIds: ['A', locationId] }, existing: made })).toEqual({
      kind: 'replay',
      claimsMissing: false,
    });
    // Removed from it since: replaying gives nothing back.
    expect(decideCreateLocation({ ...context, existing: { createdBy: 'admin-1', admins: [] } })).toEqual({ kind: 'replay', claimsMissing: false });
  });

  it('refuses an id that names a location someone else made', () => {
    expect(refusal(() => decideCreateLocation({ ...context, existing: { createdBy: 'admin-2', admins: ['admin-2'] } }))).toEqual({
      code: 'failed-precondition',
      reason: 'invalid-request',
    });
  });

  it('refuses once the claims would pass what Auth stores', () => {
    const many = Array.from({ length: 60 }, (_, index) => `location-${String(index).padStart(10, '0')}`);
    expect(JSON.stringify({ role: 'admin', locationIds: many }).length).toBeGreaterThan(MAX_CLAIMS_BYTES);
    expect(refusal(() => decideCreateLocation({ ...context, caller: { role: 'admin', locationIds: many } }))).toEqual({
      code: 'failed-precondition',
      reason: 'too-many-locations',
    });
  });
});
