// A location's settings form (name, staff phone, response time, time to claim, time zone): one validator with a code
// per field, used by the admin's form, the `createLocation` callable and mirrored by firestore.rules
// (`validLocationSettings`), with the bounds as the named constants below.
import type { Location } from './contract';
import { normalizePhone } from './people';
import { isTimeZone } from './shifts';

export const LOCATION_NAME_MAX_LENGTH = 200;
/** `responseMinutes`: the arrival target the requester's countdown shows, whole minutes. */
export const RESPONSE_MINUTES = { min: 1, max: 240 } as const;
/** `ackSeconds`: how long a request may stay unclaimed before it escalates, whole seconds. */
export const ACK_SECONDS = { min: 10, max: 3600 } as const;
export const TIME_ZONE_MAX_LENGTH = 64;
/** What the rules can check of an IANA name (they cannot know the list): `Area/City[/More]`, or `UTC`. */
export const TIME_ZONE_PATTERN = /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/;
/** What a new location starts with when its admin changes nothing. */
export const DEFAULT_LOCATION_TIMERS = { responseMinutes: 10, ackSeconds: 60 } as const;

export const LOCATION_SETTINGS_FIELDS = ['name', 'staffPhone', 'responseMinutes', 'ackSeconds', 'timezone'] as const;
export type LocationSettingsField = (typeof LOCATION_SETTINGS_FIELDS)[number];
export type LocationSettings = Pick<Location, LocationSettingsField>;

export type LocationSettingsProblem = 'required' | 'too-long' | 'invalid-phone' | 'out-of-range' | 'unknown-time-zone' | 'unknown-field';
/** `document` holds a problem of the whole value (not an object, or a key the form does not have). */
export type LocationSettingsErrors = Partial<Record<LocationSettingsField | 'document', LocationSettingsProblem>>;
/** On success, the settings as they are saved: the name trimmed, the phone in E.164, whole numbers, the zone's own spelling. */
export type LocationSettingsCheck = { ok: true; settings: LocationSettings } | { ok: false; errors: LocationSettingsErrors };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** A whole number as typed (`"15"`) or sent (`15`); anything else is NaN. */
function wholeNumber(value: unknown): number {
  if (typeof value === 'number') return Number.isInteger(value) ? value : Number.NaN;
  return typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : Number.NaN;
}

function boundedProblem(value: unknown, range: { min: number; max: number }): LocationSettingsProblem | null {
  if (isBlank(value)) return 'required';
  const number = wholeNumber(value);
  return number >= range.min && number <= range.max ? null : 'out-of-range';
}

/** The zone as the platform spells it when only the letter case differs (`europe/moscow` → `Europe/Moscow`). */
function zoneSpelling(zone: string): string {
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  return resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
}

/** An IANA zone name the rules accept (pattern, length) and the platform knows. */
export function isLocationTimeZone(value: string): boolean {
  return value.length <= TIME_ZONE_MAX_LENGTH && TIME_ZONE_PATTERN.test(value) && isTimeZone(value);
}

/** Every field checked, each problem under its field; values may be as typed (strings) or as sent (numbers). */
export function validateLocationSettings(value: unknown): LocationSettingsCheck {
  if (!isRecord(value)) return { ok: false, errors: { document: 'unknown-field' } };
  const errors: LocationSettingsErrors = {};
  if (Object.keys(value).some((key) => !(LOCATION_SETTINGS_FIELDS as readonly string[]).includes(key))) errors.document = 'unknown-field';

  const name = typeof value.name === 'string' ? value.name.trim() : '';
  if (name === '') errors.name = 'required';
  else if (name.length > LOCATION_NAME_MAX_LENGTH) errors.name = 'too-long';

  const phone = typeof value.staffPhone === 'string' ? normalizePhone(value.staffPhone) : null;
  if (isBlank(value.staffPhone)) errors.staffPhone = 'required';
  else if (!phone) errors.staffPhone = 'invalid-phone';

  const responseProblem = boundedProblem(value.responseMinutes, RESPONSE_MINUTES);
  if (responseProblem) errors.responseMinutes = responseProblem;
  const ackProblem = boundedProblem(value.ackSeconds, ACK_SECONDS);
  if (ackProblem) errors.ackSeconds = ackProblem;

  const zone = typeof value.timezone === 'string' ? value.timezone.trim() : '';
  if (isBlank(value.timezone)) errors.timezone = 'required';
  else if (!isLocationTimeZone(zone)) errors.timezone = 'unknown-time-zone';

  if (Object.keys(errors).length > 0 || !phone) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      name,
      staffPhone: phone,
      responseMinutes: wholeNumber(value.responseMinutes),
      ackSeconds: wholeNumber(value.ackSeconds),
      timezone: zoneSpelling(zone),
    },
  };
}

let zoneNames: readonly string[] | null = null;

/**
 * The IANA zones for the time zone picker, `UTC` first (Intl leaves it out of its list); the ones the rules accept. A
 * browser without `Intl.supportedValuesOf` (before 2022) offers UTC alone: the field still takes any zone typed.
 */
export function timeZoneNames(): readonly string[] {
  if (!zoneNames) {
    const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    zoneNames = ['UTC', ...known.filter((zone) => zone !== 'UTC' && isLocationTimeZone(zone))];
  }
  return zoneNames;
}

// ---- createLocation: an admin adds another building and becomes its admin ----

/** `requestId`: chosen by the client once per building it means to create; a retried call with it creates nothing new. */
export interface CreateLocationRequest {
  requestId: string;
  settings: LocationSettings;
}
export interface CreateLocationResult {
  locationId: string;
}
export const CREATE_LOCATION_REQUEST_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** Why `createLocation` refused: its HttpsError's `details.reason` (with `details.field` and `details.problem` for `invalid-settings`). */
export const LOCATION_REFUSALS = ['not-admin', 'invalid-request', 'invalid-settings', 'too-many-locations'] as const;
export type LocationRefusal = (typeof LOCATION_REFUSALS)[number];
