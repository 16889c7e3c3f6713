// People: role ranks, invitation limits and links, and names, shared by web and functions (sign-up's checks: signUp.ts).
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

// Typed phones (the phone library) live in their own module, so screens that only check E.164 do not load it.
export { formatPhone, normalizePhone } from './phone';

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
