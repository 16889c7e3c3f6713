// One row of the journal export per request (pure): the times of each step as the location's wall clock, who claimed it
// and on which channel, where, what kind, how it ended, and counts. Never a message's text, nor the requester's name
// or phone: the file leaves the system (mailed, kept on laptops), and the requester is given by role only.
import { kindOf, responseMillis, zoneOffsetMillis, type Locale, type SosRequest, type TimestampLike } from '@sos/model';
import { EXPORT_TEXTS, JOURNAL_COLUMNS, type JournalColumn, type RequesterKind } from './texts';

/**
 * A cell: text, a whole number, or a time as the location's wall clock (milliseconds of the UTC instant whose fields
 * read as the local time), which the CSV writes as `YYYY-MM-DD HH:MM:SS` and the XLSX as an Excel date. `null` is empty.
 */
export type JournalCell = { text: string } | { number: number } | { wallMillis: number } | null;

export type JournalRequest = Pick<
  SosRequest<TimestampLike>,
  | 'status'
  | 'source'
  | 'kind'
  | 'silent'
  | 'createdAt'
  | 'ackAt'
  | 'ackByName'
  | 'ackChannel'
  | 'arrivedAt'
  | 'resolvedAt'
  | 'cancelledAt'
  | 'called112At'
  | 'locationName'
  | 'objectName'
  | 'requester'
  | 'escalationLevel'
  | 'nobodyOnDuty'
  | 'arrivalOverdue'
  | 'groupOf'
>;

/** What the rows are made for: the reader's language and the location's zone (and its name, for requests without one). */
export interface JournalContext {
  locale: Locale;
  timezone: string;
  locationName: string;
}

/** The instant as the zone's wall clock, to the whole second. */
export function wallMillisOf(timezone: string, instant: number): number {
  const second = Math.floor(instant / 1000) * 1000;
  return second + zoneOffsetMillis(timezone, second);
}

/** `YYYY-MM-DD HH:MM:SS` of a wall clock (journalRows' `wallMillis`). */
export const formatWallTime = (wallMillis: number): string => new Date(wallMillis).toISOString().slice(0, 19).replace('T', ' ');

const text = (value: string | null | undefined): JournalCell => (value ? { text: value } : null);

export function requesterKindOf(requester: JournalRequest['requester']): RequesterKind | null {
  if (!requester) return null;
  if (requester.visitor) return 'visitor';
  return requester.guest ? 'guest' : 'member';
}

/** The header row in the reader's language. */
export function journalHeader(locale: Locale): string[] {
  const columns = EXPORT_TEXTS[locale].columns;
  return JOURNAL_COLUMNS.map((column) => columns[column]);
}

/** The request's row, a cell per column of JOURNAL_COLUMNS; `messages` is how many messages it has. */
export function journalRow(id: string, request: JournalRequest, messages: number, context: JournalContext): JournalCell[] {
  const texts = EXPORT_TEXTS[context.locale];
  const time = (at: TimestampLike | undefined): JournalCell => (at ? { wallMillis: wallMillisOf(context.timezone, at.toMillis()) } : null);
  const secondsFromCreation = (at: TimestampLike | undefined): JournalCell =>
    at ? { number: Math.round(responseMillis(request.createdAt.toMillis(), at.toMillis()) / 1000) } : null;
  const yesNo = (value: unknown): JournalCell => ({ text: value ? texts.yes : texts.no });
  const requester = requesterKindOf(request.requester);
  const cells: Record<JournalColumn, JournalCell> = {
    id: { text: id },
    createdAt: time(request.createdAt),
    ackAt: time(request.ackAt),
    arrivedAt: time(request.arrivedAt),
    resolvedAt: time(request.resolvedAt),
    cancelledAt: time(request.cancelledAt),
    ackSeconds: secondsFromCreation(request.ackAt),
    arrivalSeconds: secondsFromCreation(request.arrivedAt),
    status: text(texts.status[request.status] ?? request.status),
    kind: text(texts.kinds[kindOf(request)]),
    silent: yesNo(request.silent),
    source: text(texts.source[request.source] ?? request.source),
    location: text(request.locationName ?? context.locationName),
    place: text(request.objectName),
    requester: requester ? { text: texts.requester[requester] } : null,
    ackBy: text(request.ackByName),
    // A claim from the app records no channel; one from Telegram, an SMS reply or a call key records it.
    ackChannel: request.ackAt ? text(texts.channel[request.ackChannel ?? 'app']) : null,
    escalationRounds: { number: request.escalationLevel ?? 0 },
    nobodyOnDuty: yesNo(request.nobodyOnDuty),
    arrivalOverdue: yesNo(request.arrivalOverdue),
    groupOf: text(request.groupOf),
    called112: yesNo(request.called112At),
    messages: { number: messages },
  };
  return JOURNAL_COLUMNS.map((column) => cells[column]);
}

/** Turns rows into a file's bytes as they come (CSV: csv.ts, XLSX: xlsx.ts): no more than a page is ever held. */
export interface JournalEncoder {
  contentType: string;
  /** What comes before the first row: the header row and whatever the format puts first. */
  begin(header: readonly string[]): Uint8Array[];
  rows(rows: readonly JournalCell[][]): Uint8Array[];
  /** What comes after the last row. */
  end(): Uint8Array[];
}
