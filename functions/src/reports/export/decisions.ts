// Pure decisions of the journal export: what an admin may ask for, and whether a download link still works. No I/O.
import {
  JOURNAL_EXPORT_MAX_DAYS,
  JOURNAL_EXPORT_MAX_ROWS,
  LOCALES,
  isJournalExportFormat,
  journalExportRangeProblem,
  type Claims,
  type DayRangeProblem,
  type JournalExportFormat,
  type JournalExportRefusal,
  type Locale,
} from '@sos/model';
import { isAdminOf } from '../../people/decisions';

export type ExportRefusalCode = 'invalid-argument' | 'permission-denied' | 'not-found' | 'failed-precondition';

export interface ExportRefusal {
  code: ExportRefusalCode;
  reason: JournalExportRefusal;
  message: string;
}

export class JournalExportRefused extends Error {
  constructor(readonly refusal: ExportRefusal) {
    super(refusal.message);
  }
}

function refuse(code: ExportRefusalCode, reason: JournalExportRefusal, message: string): never {
  throw new JournalExportRefused({ code, reason, message });
}

const RANGE_MESSAGES: Record<DayRangeProblem, string> = {
  'malformed-from': 'from must be a date (YYYY-MM-DD)',
  'malformed-to': 'to must be a date (YYYY-MM-DD)',
  'end-before-start': 'the range ends before it starts',
  'too-long': `the range is longer than ${JOURNAL_EXPORT_MAX_DAYS} days`,
};

const ID_PATTERN = /^[^/]{1,128}$/;
const record = (data: unknown): Record<string, unknown> => (typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {});

export interface ExportDraft {
  locationId: string;
  from: string;
  to: string;
  format: JournalExportFormat;
  /** The reader's language when the call gave one. */
  locale: Locale | null;
}

/** The call's arguments checked, each problem with its own reason; then the caller must be an admin of the location. */
export function decideJournalExport(data: unknown, caller: Claims): ExportDraft {
  const input = record(data);
  const { locationId, from, to, format, locale } = input;
  if (typeof locationId !== 'string' || !ID_PATTERN.test(locationId)) refuse('invalid-argument', 'invalid-location', 'locationId must be a document id');
  if (!isJournalExportFormat(format)) refuse('invalid-argument', 'invalid-format', 'format must be csv or xlsx');
  const problem = journalExportRangeProblem(typeof from === 'string' ? from : '', typeof to === 'string' ? to : '');
  if (problem) refuse('invalid-argument', problem, RANGE_MESSAGES[problem]);
  if (!isAdminOf(caller, locationId)) refuse('permission-denied', 'not-admin', 'only an admin of this location may export its journal');
  const chosen = LOCALES.find((known) => known === locale) ?? null;
  return { locationId, from: from as string, to: to as string, format, locale: chosen };
}

/** A range with more requests than one export streams. */
export function refuseTooManyRows(rows: number): void {
  if (rows > JOURNAL_EXPORT_MAX_ROWS) {
    refuse(
      'failed-precondition',
      'too-many-rows',
      `the range holds ${rows} requests; an export takes at most ${JOURNAL_EXPORT_MAX_ROWS}: choose a shorter range`,
    );
  }
}

export type DownloadOutcome = 'stream' | 'unknown' | 'used' | 'expired';

/** Whether a download link works now: once, before it expires. */
export function decideDownload(ticket: { usedAtMillis: number | null; expiresAtMillis: number } | undefined, nowMillis: number): DownloadOutcome {
  if (!ticket) return 'unknown';
  if (ticket.usedAtMillis !== null) return 'used';
  if (ticket.expiresAtMillis <= nowMillis) return 'expired';
  return 'stream';
}
