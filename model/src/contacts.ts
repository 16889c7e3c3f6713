// Reach: how to reach a person beyond the app (PRODUCT.md "Contract additions → Reach"): their contact methods, the
// codes that verify a phone, the one-time Telegram links, and the notices recording messages not about a request.
import type { TimestampLike } from './contract';
import { isE164Phone } from './people';

export const CONTACT_KINDS = ['sms', 'voice', 'telegram'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
/** The kinds a person adds by phone number; a `telegram` method is only ever created by `/start <code>`. */
export const PHONE_CONTACT_KINDS = ['sms', 'voice'] as const;
export type PhoneContactKind = (typeof PHONE_CONTACT_KINDS)[number];

export function isContactKind(value: unknown): value is ContactKind {
  return typeof value === 'string' && (CONTACT_KINDS as readonly string[]).includes(value);
}

export function isPhoneContactKind(value: unknown): value is PhoneContactKind {
  return typeof value === 'string' && (PHONE_CONTACT_KINDS as readonly string[]).includes(value);
}

/** A Telegram chat id as a string: an integer (group chats are negative), at most 20 characters. */
const TELEGRAM_CHAT_ID = /^-?[1-9][0-9]{0,19}$/;

/** `sms`/`voice`: E.164; `telegram`: the chat id as a string. */
export function isContactAddress(kind: ContactKind, address: string): boolean {
  return kind === 'telegram' ? TELEGRAM_CHAT_ID.test(address) : isE164Phone(address);
}

/**
 * `users/{uid}/contacts/{contactId}`: one way to reach the person. The owner creates `sms`/`voice` methods unverified
 * (`contactCreate`), reads and deletes their own; only functions verify them or create `telegram` methods. Only a
 * method with `verified: true` is ever alerted.
 */
export interface Contact<Ts = TimestampLike> {
  kind: ContactKind;
  address: string;
  verified: boolean;
  /** When a function verified it; null while unverified (and after an SMS `STOP`). */
  verifiedAt: Ts | null;
  createdAt: Ts;
}

/** What the owner's client writes to add a phone method (the rules accept exactly this). */
export interface ContactCreate<ServerTime> {
  kind: PhoneContactKind;
  address: string;
  verified: false;
  verifiedAt: null;
  createdAt: ServerTime;
}

/** The one builder of a new phone method's document, with the SDK's server-time sentinel as `createdAt`. */
export function contactCreate<ServerTime>(kind: PhoneContactKind, address: string, createdAt: ServerTime): ContactCreate<ServerTime> {
  return { kind, address, verified: false, verifiedAt: null, createdAt };
}

/** The deterministic id of a chat's Telegram method: linking the same chat twice keeps one method. */
export function telegramContactId(chatId: string): string {
  return `telegram-${chatId}`;
}

// ---- verification codes (functions only) ----

export const CONTACT_CODE_DIGITS = 6;
export const CONTACT_CODE_TTL_MS = 10 * 60_000;
/** At most this many codes per person per hour (`resource-exhausted` beyond). */
export const CONTACT_CODES_PER_HOUR = 3;
/** This many wrong codes lock the person's verification for `CONTACT_CODE_LOCK_MS`. */
export const CONTACT_CODE_MAX_WRONG_TRIES = 5;
export const CONTACT_CODE_LOCK_MS = 60 * 60_000;
/** «Проверить»: at most this many test messages per person per hour (each may be a paid SMS or call). */
export const CONTACT_TESTS_PER_HOUR = 5;
export const CONTACT_LIMIT_WINDOW_MS = 60 * 60_000;

export function isContactCode(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9]{6}$/.test(value);
}

/**
 * `contactVerifications/{uid}`, functions only (no client reads it): the person's pending codes, stored hashed, and
 * the limits on sending codes and tests and on wrong tries.
 */
export interface ContactVerification<Ts = TimestampLike> {
  /** contactId → the pending code of that method: SHA-256 of salt and code, never the code. */
  codes: Record<string, { hash: string; salt: string; expiresAt: Ts }>;
  /** When codes were sent within the last hour. */
  codesSentAt: Ts[];
  /** When tests were sent within the last hour. */
  testsSentAt: Ts[];
  /** Wrong codes since the last lock or success. */
  wrongTries: number;
  lockedUntil: Ts | null;
}

// ---- Telegram links (functions only) ----

export const TELEGRAM_LINK_TTL_MS = 15 * 60_000;
/** 24 random bytes, base64url: 32 characters, within Telegram's 64-character `start` parameter. */
export const TELEGRAM_LINK_CODE_BYTES = 24;

export function isTelegramLinkCode(value: string): boolean {
  return /^[A-Za-z0-9_-]{16,64}$/.test(value);
}

/** `t.me/<bot>?start=<code>`: what `linkTelegram()` returns. */
export function telegramLinkUrl(botName: string, code: string): string {
  return `https://t.me/${encodeURIComponent(botName)}?start=${code}`;
}

/** `telegramLinks/{sha256 of the code}`, functions only: one person's one-time link, used by the first `/start`. */
export interface TelegramLink<Ts = TimestampLike> {
  uid: string;
  createdAt: Ts;
  expiresAt: Ts;
  usedAt: Ts | null;
}

// ---- notices: messages that are not about a request ----

export const NOTICE_TYPES = ['gap_warning', 'shift_reminder', 'shift_ended', 'contact_code', 'contact_test'] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];
/** The notices about duty (Shifts): what «Мои смены» lists, and never a `contact_code` one, which its owner may not read. */
export const SHIFT_NOTICE_TYPES = ['gap_warning', 'shift_reminder', 'shift_ended'] as const satisfies readonly NoticeType[];
export type ShiftNoticeType = (typeof SHIFT_NOTICE_TYPES)[number];
export const NOTICE_CHANNELS = ['push', 'telegram', 'sms', 'voice'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/**
 * `users/{uid}/notices/{noticeId}`, written by functions: one message not about a request. The owner reads their
 * notices except `contact_code` ones (they hold the code).
 */
export interface Notice<Ts = TimestampLike> {
  type: NoticeType;
  at: Ts;
  title: string;
  body: string;
  channel: NoticeChannel;
  /** The transport's result: `sent`, `emulated` or `failed` (Shifts' pushes add theirs). */
  status: string;
  locationId: string | null;
  /** Reach: the method it went to. */
  contactId?: string;
  providerId?: string | null;
  error?: string | null;
  /** Emulated only: exactly the body the provider's API would have received. */
  payload?: Record<string, unknown>;
}

// ---- callables ----

export interface SendContactCodeRequest {
  contactId: string;
}
export interface SendContactCodeResult {
  /** ISO 8601: when the code stops working. */
  expiresAt: string;
}
export interface ConfirmContactRequest {
  contactId: string;
  code: string;
}
export interface ConfirmContactResult {
  verified: true;
}
export interface LinkTelegramResult {
  url: string;
  /** ISO 8601. */
  expiresAt: string;
}
export interface TestContactRequest {
  contactId: string;
}
export interface TestContactResult {
  status: 'sent' | 'emulated' | 'failed';
}
