import { describe, expect, it } from 'vitest';
import {
  FORM_KINDS,
  KIND_PRIORITY,
  SOS_KINDS,
  byPriorityThenTime,
  emergencyNumberOf,
  isUrgent,
  kindFitsSource,
  kindOf,
  offeredKinds,
  validateEmergencyNumber,
  validateOfferedKinds,
} from '../src/kinds';

describe('kinds', () => {
  it('gives every kind a priority: fire, medical, security and the one-tap call urgent; lift and leak high; other normal', () => {
    expect(Object.keys(KIND_PRIORITY).sort()).toEqual([...SOS_KINDS].sort());
    expect(SOS_KINDS.filter(isUrgent)).toEqual(['emergency', 'medical', 'fire', 'security']);
    expect([KIND_PRIORITY.lift, KIND_PRIORITY.leak, KIND_PRIORITY.other]).toEqual(['high', 'high', 'normal']);
  });

  it('reads a request stored without a kind as `emergency` (one-tap) or `other` (form, QR)', () => {
    expect(kindOf({ source: 'emergency' })).toBe('emergency');
    expect(kindOf({ source: 'form' })).toBe('other');
    expect(kindOf({ source: 'qr', kind: 'bogus' })).toBe('other');
    expect(kindOf({ source: 'qr', kind: 'lift' })).toBe('lift');
  });

  it('allows `emergency` on the one-tap source only, and the form kinds on the form and QR', () => {
    expect(kindFitsSource('emergency', 'emergency')).toBe(true);
    expect(kindFitsSource('fire', 'emergency')).toBe(false);
    expect(kindFitsSource('emergency', 'form')).toBe(false);
    for (const kind of FORM_KINDS) expect(kindFitsSource(kind, 'qr')).toBe(true);
  });

  it("offers the location's kinds in its order, every form kind when it sets none, never `emergency`", () => {
    expect(offeredKinds({})).toEqual([...FORM_KINDS]);
    expect(offeredKinds(null)).toEqual([...FORM_KINDS]);
    expect(offeredKinds({ kinds: ['lift', 'fire', 'lift', 'emergency', 'bogus'] })).toEqual(['lift', 'fire']);
  });

  it('checks an admin’s choice of kinds and emergency number', () => {
    expect(validateOfferedKinds(['fire', 'medical'])).toBeNull();
    expect(validateOfferedKinds([])).toBe('empty');
    expect(validateOfferedKinds(['emergency'])).toBe('unknown-kind');
    expect(validateOfferedKinds(['fire', 'fire'])).toBe('repeated-kind');
    expect(validateEmergencyNumber('112')).toBeNull();
    expect(validateEmergencyNumber('+78001234567')).toBeNull();
    expect(validateEmergencyNumber('call 112')).toBe('not-a-number');
    expect(emergencyNumberOf({})).toBe('112');
    expect(emergencyNumberOf({ emergencyNumber: '911' })).toBe('911');
  });

  it('sorts the most urgent first, then the oldest', () => {
    const at = (millis: number) => ({ toMillis: () => millis });
    const requests = [
      { id: 'leak', kind: 'leak', source: 'form', createdAt: at(0) },
      { id: 'fire-late', kind: 'fire', source: 'form', createdAt: at(5) },
      { id: 'one-tap', source: 'emergency', createdAt: at(3) },
    ];
    expect([...requests].sort(byPriorityThenTime).map((request) => request.id)).toEqual(['one-tap', 'fire-late', 'leak']);
  });
});
