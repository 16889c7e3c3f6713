// Pure decisions of `createLocation`: who may add a building, with which settings, under which id. No I/O here.
import { createHash } from 'node:crypto';
import {
  CREATE_LOCATION_REQUEST_ID_PATTERN,
  LOCATION_SETTINGS_FIELDS,
  validateLocationSettings,
  type Claims,
  type Location,
  type LocationRefusal,
  type LocationSettings,
} from '@sos/model';
import type { CallableRefusal } from '../callables';

export interface Refusal extends CallableRefusal {
  code: 'invalid-argument' | 'permission-denied' | 'failed-precondition';
  reason: LocationRefusal;
}

export class LocationRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

function refuse(code: Refusal['code'], reason: LocationRefusal, message: string, details?: Record<string, string>): never {
  throw new LocationRefused({ code, reason, message, ...(details ? { details } : {}) });
}

/** Firebase Auth refuses custom claims over 1000 bytes (as JSON): the location ids they list are bounded by it. */
export const MAX_CLAIMS_BYTES = 1000;

export interface LocationDraft {
  requestId: string;
  settings: LocationSettings;
}

/** `{requestId, settings}`: the settings checked by the form's own validator; the first field at fault is named. */
export function parseCreateLocation(data: unknown): LocationDraft {
  const input = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const { requestId } = input;
  if (typeof requestId !== 'string' || !CREATE_LOCATION_REQUEST_ID_PATTERN.test(requestId)) {
    refuse('invalid-argument', 'invalid-request', 'requestId must be 8 to 64 of A-Z a-z 0-9 _ -');
  }
  const check = validateLocationSettings(input.settings);
  if (!check.ok) {
    const field = [...LOCATION_SETTINGS_FIELDS, 'document' as const].find((key) => check.errors[key]) ?? 'document';
    const problem = check.errors[field] ?? 'unknown-field';
    refuse('invalid-argument', 'invalid-settings', `settings.${field}: ${problem}`, { field, problem });
  }
  return { requestId, settings: check.settings };
}

/**
 * The new location's id, from the caller and their request id: a retried call names the same document and finds it
 * made, instead of making a second building. (A check by creator and name could not tell a retry from a second
 * building of the same name, and would need a query outside the transaction.)
 */
export function newLocationId(uid: string, requestId: string): string {
  return createHash('sha256').update(`${uid}\n${requestId}`).digest('base64url').slice(0, 20);
}

export type CreateLocationDecision =
  /** Made by an earlier call with this request id; `claimsMissing`: its claims write failed after the commit. */
  { kind: 'replay'; claimsMissing: boolean } | { kind: 'create'; claims: Claims };

export interface CreateLocationContext {
  uid: string;
  locationId: string;
  /** The caller's claims, fresh from Auth. */
  caller: Claims;
  /** The location document under the new id, if there is one. */
  existing: Pick<Location, 'createdBy' | 'admins'> | undefined;
}

/** An admin of at least one location adds one more and becomes its admin: their claims gain its id. */
export function decideCreateLocation({ uid, locationId, caller, existing }: CreateLocationContext): CreateLocationDecision {
  if (caller.role !== 'admin' || caller.locationIds.length === 0) {
    refuse('permission-denied', 'not-admin', 'only an admin of a location may add another');
  }
  if (existing) {
    if (existing.createdBy !== uid) refuse('failed-precondition', 'invalid-request', 'this request id names another location');
    // A creator since removed from it gets nothing back by replaying.
    return { kind: 'replay', claimsMissing: (existing.admins ?? []).includes(uid) && !caller.locationIds.includes(locationId) };
  }
  const claims: Claims = { role: 'admin', locationIds: [...caller.locationIds, locationId] };
  if (Buffer.byteLength(JSON.stringify(claims)) > MAX_CLAIMS_BYTES) {
    refuse('failed-precondition', 'too-many-locations', 'an account can serve no more locations (its claims would be too large)');
  }
  return { kind: 'create', claims };
}
