import { describe, expect, it } from 'vitest';
import {
  ACK_SECONDS,
  LOCATION_NAME_MAX_LENGTH,
  RESPONSE_MINUTES,
  TIME_ZONE_MAX_LENGTH,
  isLocationTimeZone,
  timeZoneNames,
  validateLocationSettings,
} from '../src/locationSettings';

const form = (overrides: Record<string, unknown> = {}) => ({
  name: 'Бизнес-центр «Север»',
  staffPhone: '+73422580078',
  responseMinutes: '10',
  ackSeconds: '60',
  timezone: 'Asia/Yekaterinburg',
  ...overrides,
});

const errorsOf = (value: unknown) => {
  const check = validateLocationSettings(value);
  return check.ok ? {} : check.errors;
};

describe('location settings', () => {
  it('accepts the form as typed and gives what is saved: name trimmed, phone in E.164, whole numbers', () => {
    expect(validateLocationSettings(form({ name: '  Север  ', staffPhone: '+7 342 258-00-78', responseMinutes: ' 15 ', ackSeconds: 90 }))).toEqual({
      ok: true,
      settings: { name: 'Север', staffPhone: '+73422580078', responseMinutes: 15, ackSeconds: 90, timezone: 'Asia/Yekaterinburg' },
    });
  });

  it.each([
    ['responseMinutes', RESPONSE_MINUTES],
    ['ackSeconds', ACK_SECONDS],
  ] as const)('takes %s from its minimum to its maximum, and nothing outside', (field, range) => {
    expect(errorsOf(form({ [field]: range.min }))).toEqual({});
    expect(errorsOf(form({ [field]: String(range.max) }))).toEqual({});
    for (const bad of [range.min - 1, range.max + 1, `${range.max + 1}`, 2.5, '2.5', '1e2', 'ten', -5, Number.NaN, true]) {
      expect(errorsOf(form({ [field]: bad })), String(bad)).toEqual({ [field]: 'out-of-range' });
    }
    for (const blank of ['', '  ', null, undefined]) expect(errorsOf(form({ [field]: blank }))).toEqual({ [field]: 'required' });
  });

  it('keeps the bounds the rules mirror', () => {
    expect([RESPONSE_MINUTES, ACK_SECONDS, LOCATION_NAME_MAX_LENGTH, TIME_ZONE_MAX_LENGTH]).toEqual([{ min: 1, max: 240 }, { min: 10, max: 3600 }, 200, 64]);
  });

  it('needs a name of up to 200 characters', () => {
    expect(errorsOf(form({ name: 'Я'.repeat(LOCATION_NAME_MAX_LENGTH) }))).toEqual({});
    expect(errorsOf(form({ name: 'Я'.repeat(LOCATION_NAME_MAX_LENGTH + 1) }))).toEqual({ name: 'too-long' });
    expect(errorsOf(form({ name: '   ' }))).toEqual({ name: 'required' });
    expect(errorsOf(form({ name: 42 }))).toEqual({ name: 'required' });
  });

  it('needs a phone that is a phone in some format', () => {
    expect(errorsOf(form({ staffPhone: '+7 (342) 258-00-78' }))).toEqual({});
    expect(errorsOf(form({ staffPhone: '' }))).toEqual({ staffPhone: 'required' });
    for (const bad of ['12345', 'позвонить', '+0 342 258 00 78', '+7342258007812345']) {
      expect(errorsOf(form({ staffPhone: bad })), bad).toEqual({ staffPhone: 'invalid-phone' });
    }
  });

  it('needs an IANA time zone the platform knows, and keeps its own spelling', () => {
    for (const zone of ['UTC', 'Europe/Moscow', 'America/Argentina/Buenos_Aires', 'America/Port-au-Prince', 'Etc/GMT+5']) {
      expect(errorsOf(form({ timezone: zone })), zone).toEqual({});
    }
    const check = validateLocationSettings(form({ timezone: 'europe/moscow' }));
    expect(check.ok && check.settings.timezone).toBe('Europe/Moscow');
    for (const bad of ['Mars/Olympus_Mons', 'Europe/Moskva', '+05:00', 'Europe Moscow', `Europe/${'x'.repeat(TIME_ZONE_MAX_LENGTH)}`]) {
      expect(errorsOf(form({ timezone: bad })), bad).toEqual({ timezone: 'unknown-time-zone' });
    }
    expect(errorsOf(form({ timezone: '' }))).toEqual({ timezone: 'required' });
  });

  it('reports every field at once, and a key the form does not have', () => {
    expect(errorsOf({ name: '', staffPhone: 'x', responseMinutes: 0, ackSeconds: 5, timezone: 'Nowhere', admins: ['me'] })).toEqual({
      document: 'unknown-field',
      name: 'required',
      staffPhone: 'invalid-phone',
      responseMinutes: 'out-of-range',
      ackSeconds: 'out-of-range',
      timezone: 'unknown-time-zone',
    });
    expect(errorsOf(null)).toEqual({ document: 'unknown-field' });
    expect(errorsOf(['Север'])).toEqual({ document: 'unknown-field' });
  });

  it('offers the IANA zones for the picker, UTC first, each one the check accepts', () => {
    const zones = timeZoneNames();
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Europe/Moscow');
    expect(zones).toContain('Asia/Yekaterinburg');
    expect(zones.length).toBeGreaterThan(300);
    expect(new Set(zones).size).toBe(zones.length);
    expect(zones.every(isLocationTimeZone)).toBe(true);
  });
});
