import { describe, expect, it } from 'vitest';
import { SOS_REQUEST_CLIENT_FIELDS, sosRequestCreate } from '../src';

const NOW = 'server-time';

describe('sosRequestCreate', () => {
  it('fills the one-tap emergency with nulls, status new and the server time', () => {
    expect(sosRequestCreate({ uid: 'u', locationId: 'loc', source: 'emergency' }, NOW)).toEqual({
      uid: 'u',
      locationId: 'loc',
      objectId: null,
      source: 'emergency',
      description: null,
      repeatOf: null,
      status: 'new',
      createdAt: NOW,
    });
  });
  it('writes the scanned code with a QR request only', () => {
    expect(sosRequestCreate({ uid: 'u', locationId: 'loc', source: 'qr', objectId: 'o', qrToken: 'tok' }, NOW).qrToken).toBe('tok');
    expect(sosRequestCreate({ uid: 'u', locationId: 'loc', source: 'qr', objectId: 'o' }, NOW)).toHaveProperty('qrToken', null);
    expect(sosRequestCreate({ uid: 'u', locationId: 'loc', source: 'form', qrToken: 'tok' }, NOW)).not.toHaveProperty('qrToken');
  });
  it('writes only fields of the contract client list', () => {
    const full = sosRequestCreate(
      { uid: 'u', locationId: 'loc', source: 'qr', objectId: 'o', description: 'd', repeatOf: 'r', qrToken: 't', geo: { lat: 1, lng: 2, accuracy: 3 } },
      NOW,
    );
    expect(Object.keys(full).sort()).toEqual([...SOS_REQUEST_CLIENT_FIELDS].sort());
  });
});
