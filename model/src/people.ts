// People: role ranks, invitation limits and links, and the sign-up checks shared by web and functions.
import { ROLES, type Role } from './contract';

export const INVITE_MAX_USES = { min: 1, max: 1000, default: 1 } as const;
export const INVITE_HOURS = { min: 1, max: 2160, default: 168 } as const;
/** 24 random bytes, base64url: 192 bits (the contract asks ≥ 128). */
export const INVITE_CODE_BYTES = 24;
const INVITE_CODE_PATTERN = /^[A-Za-z0-9_-]{22,128}$/;

/** `admin` > `staff` > `resident`. */
export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

export function higherRole(a: Role, b: Role): Role {
  return roleRank(a) >= roleRank(b) ? a : b;
}

export function isInviteCode(value: string): boolean {
  return INVITE_CODE_PATTERN.test(value);
}

/** `<origin>/join/<code>`: the invitation link (and what its QR code encodes). */
export function inviteUrl(origin: string, code: string): string {
  return `${new URL(origin).origin}/join/${code}`;
}

/** E.164 as the rules check it: `+`, a non-zero digit, 7..15 digits in all (≤ 20 characters). */
const E164 = /^\+[1-9][0-9]{6,14}$/;
export function isE164Phone(value: string): boolean {
  return E164.test(value);
}

/** Accepts what people type ("+7 342 258-00-78") and returns E.164, or null when it cannot be one. */
export function normalizePhone(value: string): string | null {
  const compact = value.replace(/[\s()-]/g, '');
  return isE164Phone(compact) ? compact : null;
}

export const PERSON_NAME_MAX_LENGTH = 100;
/** `\p{L}` as the rules' RE2 reads it: a letter of any script, Latin and Cyrillic included. */
const LETTER = /\p{L}/u;
export type PersonNameErrorCode = 'required' | 'too-long' | 'no-letter';

/** What is wrong with a typed name once trimmed (isPersonName in firestore.rules), or null: it is saved trimmed. */
export function personNameError(typed: string): PersonNameErrorCode | null {
  const name = typed.trim();
  if (name === '') return 'required';
  if (name.length > PERSON_NAME_MAX_LENGTH) return 'too-long';
  return LETTER.test(name) ? null : 'no-letter';
}

export type SignUpField = 'displayName' | 'phone' | 'email' | 'password';
export type SignUpErrorCode = PersonNameErrorCode | 'invalid-phone' | 'invalid-email' | 'weak-password';
export interface SignUpError {
  field: SignUpField;
  code: SignUpErrorCode;
}
export const MIN_PASSWORD_LENGTH = 6;

/** What /signup checks before asking Auth (which also refuses weak passwords and emails in use). */
export function validateSignUp(form: Record<SignUpField, string>): SignUpError[] {
  const errors: SignUpError[] = [];
  const nameError = personNameError(form.displayName);
  if (nameError) errors.push({ field: 'displayName', code: nameError });
  if (form.phone.trim() === '') errors.push({ field: 'phone', code: 'required' });
  else if (!normalizePhone(form.phone)) errors.push({ field: 'phone', code: 'invalid-phone' });
  if (form.email.trim() === '') errors.push({ field: 'email', code: 'required' });
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim())) errors.push({ field: 'email', code: 'invalid-email' });
  if (form.password === '') errors.push({ field: 'password', code: 'required' });
  else if (form.password.length < MIN_PASSWORD_LENGTH) errors.push({ field: 'password', code: 'weak-password' });
  return errors;
}
