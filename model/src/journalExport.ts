// Reports: the journal export (issue 24). An admin asks `createJournalExport` for a range of local days of one location;
// it answers a one-time link to the `journalExport` HTTP function, which streams one row per request as CSV or XLSX.
import type { Locale, TimestampLike } from './contract';
import { MAX_ROLLUP_RANGE_DAYS, dayRangeProblem, type DayRangeProblem } from './rollups';

export const JOURNAL_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type JournalExportFormat = (typeof JOURNAL_EXPORT_FORMATS)[number];
export const isJournalExportFormat = (value: unknown): value is JournalExportFormat => (JOURNAL_EXPORT_FORMATS as readonly unknown[]).includes(value);

/** The longest range one export covers, as the statistics read: a year, leap day included. */
export const JOURNAL_EXPORT_MAX_DAYS = MAX_ROLLUP_RANGE_DAYS;
/** The most rows one export streams; a range with more is refused before any link is made (narrow the range). */
export const JOURNAL_EXPORT_MAX_ROWS = 100_000;
/** How long the link works, once. */
export const JOURNAL_EXPORT_LINK_MINUTES = 5;
/** 32 random bytes, base64url: the link's token (only its SHA-256 is stored). */
export const JOURNAL_EXPORT_TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const isJournalExportToken = (value: unknown): value is string => typeof value === 'string' && TOKEN_PATTERN.test(value);

export interface CreateJournalExportRequest {
  locationId: string;
  /** Local dates (`YYYY-MM-DD`) in the location's time zone, both included. */
  from: string;
  to: string;
  format: JournalExportFormat;
  /** The reader's language; absent = `users/{uid}.locale`, Russian when unset. */
  locale?: Locale;
}

export interface CreateJournalExportResult {
  /** The one-time download link (the `journalExport` function with `?token=`). */
  url: string;
  /** The file's name, as the download gives it. */
  fileName: string;
  /** How many requests the range holds when the link was made (the file has one row each). */
  rows: number;
  /** ISO 8601: after this the link no longer works. */
  expiresAt: string;
}

/** Why `createJournalExport` refused: the `details.reason` of its HttpsError, which the UI translates. */
export const JOURNAL_EXPORT_REFUSALS = [
  'invalid-location',
  'invalid-format',
  'malformed-from',
  'malformed-to',
  'end-before-start',
  'too-long',
  'not-admin',
  'unknown-location',
  'too-many-rows',
] as const;
export type JournalExportRefusal = (typeof JOURNAL_EXPORT_REFUSALS)[number];

/** What is wrong with a range the admin typed, in the form's terms (the callable refuses the same). */
export const journalExportRangeProblem = (from: string, to: string): DayRangeProblem | null => dayRangeProblem(from, to);

/**
 * `journalExports/{sha256 of the token}`, functions only (no client reads or writes it): one export link, used by the
 * first download. The range is kept as local days and as the instants they cover in the location's zone at creation.
 */
export interface JournalExportTicket<Ts = TimestampLike> {
  uid: string;
  locationId: string;
  from: string;
  to: string;
  startMillis: number;
  endMillis: number;
  format: JournalExportFormat;
  locale: Locale;
  createdAt: Ts;
  expiresAt: Ts;
  usedAt: Ts | null;
}

/** The download's file name: ASCII only, so every browser keeps it (`sos-journal-<location>-<from>_<to>.<format>`). */
export function journalExportFileName(locationId: string, from: string, to: string, format: JournalExportFormat): string {
  const location = locationId.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 40) || 'location';
  return `sos-journal-${location}-${from}_${to}.${format}`;
}
