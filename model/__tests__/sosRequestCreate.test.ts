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
      kind: 'emergency',
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
  it('writes the kind: the one chosen, or `other` on the form and QR screen', () => {
    expect(sosRequestCreate({ uid: 'u', locationId: 'loc', source: 'form', objectId: 'o', kind: 'fire' }, NOW).kind).toBe('fire');
    expect(sosRequestCreate({ uid: 'u', locationId: 'loc', source: 'qr', objectId: 'o' }, NOW).kind).toBe('other');
  });
  it('marks a silent call on the one-tap source only', () => {
    expect(sosRequestCreate({ uid: 'u', locationId: 'loc', source: 'emergency', silent: true }, NOW)).toHaveProperty('silent', true);
    expect(sosRequestCreate({ uid: 'u', locationId: 'loc', source: 'form', objectId: 'o', silent: true }, NOW)).not.toHaveProperty('silent');
    expect(sosRequestCreate({ uid: 'u', locationId: 'loc', source: 'emergency' }, NOW)).not.toHaveProperty('silent');
  });
  it('writes only fields of the contract client list', () => {
    const qr = sosRequestCreate(
      { uid: 'u', locationId: 'loc', source: 'qr', objectId: 'o', description: 'd', repeatOf: 'r', qrToken: 't', geo: { lat: 1, lng: 2, accuracy: 3 } },
      NOW,
    );
    const silent = sosRequestCreate({ uid: 'u', locationId: 'loc', source: 'emergency', silent: true }, NOW);
    expect([...new Set([...Object.keys(qr), ...Object.keys(silent)])].sort()).toEqual([...SOS_REQUEST_CLIENT_FIELDS].sort());
  });
});
