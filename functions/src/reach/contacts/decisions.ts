// Pure decisions of the contact callables and the Telegram link: what a call may do and what it changes. No I/O here;
// times are milliseconds, and the caller turns the outcome into writes.
import { createHash, timingSafeEqual } from 'node:crypto';
import {
  CONTACT_CODE_LOCK_MS,
  CONTACT_CODE_MAX_WRONG_TRIES,
  CONTACT_CODE_TTL_MS,
  CONTACT_CODES_PER_HOUR,
  CONTACT_LIMIT_WINDOW_MS,
  CONTACT_TESTS_PER_HOUR,
  isContactCode,
  type ContactKind,
} from '@sos/model';

/** Why a contact call is refused: the reason the UI translates. */
export type ContactRefusalReason =
  | 'invalid-contact'
  | 'invalid-code'
  | 'contact-not-found'
  | 'already-verified'
  | 'not-verified'
  | 'no-code'
  | 'wrong-code'
  | 'too-many-codes'
  | 'too-many-tests'
  | 'locked'
  | 'send-failed';

export type ContactRefusalCode = 'invalid-argument' | 'not-found' | 'failed-precondition' | 'resource-exhausted' | 'unavailable';

export interface ContactRefusal {
  code: ContactRefusalCode;
  reason: ContactRefusalReason;
  message: string;
}

export class ContactRefused extends Error {
  constructor(readonly refusal: ContactRefusal) {
    super(refusal.message);
  }
}

export function refuseContact(code: ContactRefusalCode, reason: ContactRefusalReason, message: string): never {
  throw new ContactRefused({ code, reason, message });
}

const record = (data: unknown): Record<string, unknown> => (typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {});
const ID_PATTERN = /^[^/]{1,128}$/;

export function parseContactId(data: unknown): string {
  const contactId = record(data).contactId;
  if (typeof contactId !== 'string' || !ID_PATTERN.test(contactId)) refuseContact('invalid-argument', 'invalid-contact', 'contactId must be a document id');
  return contactId;
}

export function parseConfirmation(data: unknown): { contactId: string; code: string } {
  const contactId = parseContactId(data);
  const code = record(data).code;
  if (!isContactCode(code)) refuseContact('invalid-argument', 'invalid-code', 'code must be 6 digits');
  return { contactId, code };
}

// ---- codes ----

/**
 * The code's hash is bound to the method's kind and number: a method removed and added again under the same id with
 * another number cannot be verified with the code the first number received.
 */
export function hashCode(salt: string, contact: Pick<ContactView, 'kind' | 'address'>, code: string): string {
  return createHash('sha256').update(`${salt}:${contact.kind}:${contact.address}:${code}`).digest('hex');
}

export function codeMatches(pending: { hash: string; salt: string }, contact: Pick<ContactView, 'kind' | 'address'>, code: string): boolean {
  const expected = Buffer.from(pending.hash, 'hex');
  const actual = Buffer.from(hashCode(pending.salt, contact, code), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A person's verification state in milliseconds (ContactVerification with its times read). */
export interface VerificationState {
  codes: Record<string, { hash: string; salt: string; expiresAt: number }>;
  codesSentAt: number[];
  testsSentAt: number[];
  wrongTries: number;
  lockedUntil: number | null;
}

export const EMPTY_VERIFICATION: VerificationState = { codes: {}, codesSentAt: [], testsSentAt: [], wrongTries: 0, lockedUntil: null };

/** The contact as a decision needs it; undefined when it does not exist (never added, or removed). */
export interface ContactView {
  kind: ContactKind;
  address: string;
  verified: boolean;
}

/** The state with what no longer counts dropped: sends older than the window, expired codes, a lock that ran out. */
export function current(state: VerificationState, now: number): VerificationState {
  const lockOver = state.lockedUntil !== null && state.lockedUntil <= now;
  return {
    codes: Object.fromEntries(Object.entries(state.codes).filter(([, pending]) => pending.expiresAt > now)),
    codesSentAt: state.codesSentAt.filter((at) => at > now - CONTACT_LIMIT_WINDOW_MS),
    testsSentAt: state.testsSentAt.filter((at) => at > now - CONTACT_LIMIT_WINDOW_MS),
    wrongTries: lockOver ? 0 : state.wrongTries,
    lockedUntil: lockOver ? null : state.lockedUntil,
  };
}

function requireUnlocked(state: VerificationState): void {
  if (state.lockedUntil !== null) refuseContact('resource-exhausted', 'locked', 'too many wrong codes: locked for an hour');
}

/** sendContactCode: the state with the new code pending, or a refusal. `code` and `salt` are the caller's random values. */
export function decideSendCode(
  contact: ContactView | undefined,
  stored: VerificationState,
  contactId: string,
  code: string,
  salt: string,
  now: number,
): VerificationState {
  if (!contact) refuseContact('not-found', 'contact-not-found', 'no such contact method');
  if (contact.verified) refuseContact('failed-precondition', 'already-verified', 'this contact method is already verified');
  if (contact.kind === 'telegram') refuseContact('failed-precondition', 'already-verified', 'a Telegram method is verified by its link');
  const state = current(stored, now);
  requireUnlocked(state);
  if (state.codesSentAt.length >= CONTACT_CODES_PER_HOUR) refuseContact('resource-exhausted', 'too-many-codes', 'at most 3 codes an hour');
  return {
    ...state,
    codes: { ...state.codes, [contactId]: { hash: hashCode(salt, contact, code), salt, expiresAt: now + CONTACT_CODE_TTL_MS } },
    codesSentAt: [...state.codesSentAt, now],
  };
}

/**
 * confirmContact: the state to store and whether the contact is now verified. A wrong code is counted (and the fifth
 * locks), so it is an outcome to store, not a throw; the caller refuses after writing it.
 */
export type ConfirmOutcome = { kind: 'verified'; state: VerificationState } | { kind: 'wrong'; state: VerificationState; locked: boolean };

/** How a stored wrong code is answered: the one that locks says so at once. */
export function refuseWrongCode(locked: boolean): never {
  if (locked) refuseContact('resource-exhausted', 'locked', 'too many wrong codes: locked for an hour');
  refuseContact('invalid-argument', 'wrong-code', 'wrong code');
}

export function decideConfirm(contact: ContactView | undefined, stored: VerificationState, contactId: string, code: string, now: number): ConfirmOutcome {
  if (!contact) refuseContact('not-found', 'contact-not-found', 'no such contact method');
  if (contact.verified) refuseContact('failed-precondition', 'already-verified', 'this contact method is already verified');
  const state = current(stored, now);
  requireUnlocked(state);
  const pending = state.codes[contactId];
  if (!pending) refuseContact('failed-precondition', 'no-code', 'no code is pending for this method: send a new one');
  if (codeMatches(pending, contact, code)) {
    const codes = Object.fromEntries(Object.entries(state.codes).filter(([id]) => id !== contactId));
    return { kind: 'verified', state: { ...state, codes, wrongTries: 0 } };
  }
  const wrongTries = state.wrongTries + 1;
  if (wrongTries >= CONTACT_CODE_MAX_WRONG_TRIES) {
    // Locked: every pending code dies with the lock, so nothing can be guessed after it.
    return { kind: 'wrong', locked: true, state: { ...state, codes: {}, wrongTries, lockedUntil: now + CONTACT_CODE_LOCK_MS } };
  }
  return { kind: 'wrong', locked: false, state: { ...state, wrongTries } };
}

/** testContact: the state with the test counted, or a refusal (only a verified method is tested). */
export function decideTest(contact: ContactView | undefined, stored: VerificationState, now: number): VerificationState {
  if (!contact) refuseContact('not-found', 'contact-not-found', 'no such contact method');
  if (!contact.verified) refuseContact('failed-precondition', 'not-verified', 'verify this contact method first');
  const state = current(stored, now);
  if (state.testsSentAt.length >= CONTACT_TESTS_PER_HOUR) refuseContact('resource-exhausted', 'too-many-tests', 'at most 5 tests an hour');
  return { ...state, testsSentAt: [...state.testsSentAt, now] };
}

// ---- Telegram links ----

export function hashLinkCode(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

export type StartOutcome = 'linked' | 'unknown' | 'used' | 'expired';

/** `/start <code>`: whether the link creates the method now. */
export function decideStart(link: { usedAt: number | null; expiresAt: number } | undefined, now: number): StartOutcome {
  if (!link) return 'unknown';
  if (link.usedAt !== null) return 'used';
  if (link.expiresAt <= now) return 'expired';
  return 'linked';
}
