// The journal export's I/O: `createJournalExport` checks the caller and the range and stores a one-time link;
// `journalExport` (the link) streams the location's requests of the range page by page, each page's rows encoded and
// written before the next is read, so no more than two pages (500 requests each) are ever held.
import { createHash, randomBytes } from 'node:crypto';
import {
  JOURNAL_EXPORT_LINK_MINUTES,
  JOURNAL_EXPORT_MAX_ROWS,
  JOURNAL_EXPORT_TOKEN_BYTES,
  dayRangeMillis,
  journalExportFileName,
  type CreateJournalExportResult,
  type JournalExportTicket,
  type Locale,
  type SosRequest,
} from '@sos/model';
import { Timestamp, createDoc, db, readCount, readDoc, readQuery, refs, reportRefs, type DocumentSnapshot } from '../../firestore';
import { currentClaims } from '../../people/claims';
import { isAdminOf } from '../../people/decisions';
import { localeOf } from '../../notify/texts';
import { webhookBaseUrl } from '../../params';
import { reportLogs } from '../logs';
import { JournalExportRefused, decideDownload, decideJournalExport, refuseTooManyRows, type DownloadOutcome } from './decisions';
import { journalHeader, journalRow, type JournalContext, type JournalEncoder } from './journalRows';
import { csvEncoder } from './csv';
import { xlsxEncoder } from './xlsx';
import { EXPORT_TEXTS } from './texts';

/** Requests read at once: one page of the stream. */
export const EXPORT_PAGE_SIZE = 500;
/** Message counts asked at once (one count() aggregation per request). */
const COUNTS_AT_ONCE = 50;

export const hashExportToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The location's requests created in [startMillis, endMillis), newest first (the journal screen's order and index). */
const requestsInRange = (locationId: string, startMillis: number, endMillis: number) =>
  refs
    .sosRequests()
    .where('locationId', '==', locationId)
    .where('createdAt', '>=', Timestamp.fromMillis(startMillis))
    .where('createdAt', '<', Timestamp.fromMillis(endMillis))
    .orderBy('createdAt', 'desc');

export async function createJournalExport(uid: string, data: unknown): Promise<CreateJournalExportResult> {
  const { claims } = await currentClaims(uid);
  const draft = decideJournalExport(data, claims);
  const location = (await readDoc(refs.location(draft.locationId))).data();
  if (!location) throw new JournalExportRefused({ code: 'not-found', reason: 'unknown-location', message: 'there is no such location' });
  const locale: Locale = draft.locale ?? localeOf((await readDoc(refs.user(uid))).data()?.locale);
  const { startMillis, endMillis } = dayRangeMillis(location.timezone, draft.from, draft.to);
  const rows = await readCount(requestsInRange(draft.locationId, startMillis, endMillis), 'sosRequests');
  refuseTooManyRows(rows);

  const token = randomBytes(JOURNAL_EXPORT_TOKEN_BYTES).toString('base64url');
  const expiresAt = Timestamp.fromMillis(Date.now() + JOURNAL_EXPORT_LINK_MINUTES * 60_000);
  await createDoc(reportRefs.journalExport(hashExportToken(token)), {
    uid,
    locationId: draft.locationId,
    from: draft.from,
    to: draft.to,
    startMillis,
    endMillis,
    format: draft.format,
    locale,
    createdAt: Timestamp.now(),
    expiresAt,
    usedAt: null,
  } satisfies JournalExportTicket<Timestamp>);
  reportLogs.exportCreated(draft.locationId, uid, draft.format, rows);
  return {
    url: `${webhookBaseUrl()}/journalExport?token=${token}`,
    fileName: journalExportFileName(draft.locationId, draft.from, draft.to, draft.format),
    rows,
    expiresAt: expiresAt.toDate().toISOString(),
  };
}

export type TicketClaim =
  { outcome: Exclude<DownloadOutcome, 'stream'>; ticket: JournalExportTicket | null } | { outcome: 'stream'; ticket: JournalExportTicket };

/** Uses the link's ticket in a transaction: the first download streams, every later one is refused. */
export async function useExportTicket(token: string): Promise<TicketClaim> {
  const ref = reportRefs.journalExport(hashExportToken(token));
  return db.runTransaction(async (tx) => {
    const ticket = (await tx.get(ref)).data();
    const outcome = decideDownload(ticket && { usedAtMillis: ticket.usedAt?.toMillis() ?? null, expiresAtMillis: ticket.expiresAt.toMillis() }, Date.now());
    if (outcome !== 'stream' || !ticket) return { outcome: outcome === 'stream' ? 'unknown' : outcome, ticket: ticket ?? null };
    tx.update(ref, { usedAt: Timestamp.now() });
    return { outcome, ticket };
  });
}

/** Why a used ticket may still not stream: its maker is no longer an admin there, or the location is gone. */
export async function exportContext(ticket: JournalExportTicket): Promise<JournalContext | 'not-admin' | 'unknown-location'> {
  const [{ claims }, locationSnap] = await Promise.all([currentClaims(ticket.uid), readDoc(refs.location(ticket.locationId))]);
  if (!isAdminOf(claims, ticket.locationId)) return 'not-admin';
  const location = locationSnap.data();
  if (!location) return 'unknown-location';
  return { locale: ticket.locale, timezone: location.timezone, locationName: location.name };
}

export function encoderFor(ticket: JournalExportTicket): JournalEncoder {
  return ticket.format === 'xlsx' ? xlsxEncoder(EXPORT_TEXTS[ticket.locale].sheetName) : csvEncoder();
}

/** One page of the range's requests, after the last one of the page before (null for the first page). */
function readPage(ticket: JournalExportTicket, after: DocumentSnapshot<SosRequest<Timestamp>> | null, pageSize: number) {
  const page = requestsInRange(ticket.locationId, ticket.startMillis, ticket.endMillis).limit(pageSize);
  return readQuery(refs.sosRequests(), () => (after ? page.startAfter(after) : page));
}
type RequestsRead = Awaited<ReturnType<typeof readPage>>;
type RequestPage = RequestsRead['docs'];

/** The range's requests, a page at a time; the next page is already being read while the caller handles one. */
async function* requestPages(ticket: JournalExportTicket, pageSize: number): AsyncGenerator<RequestPage> {
  let next: ReturnType<typeof readPage> | null = readPage(ticket, null, pageSize);
  while (next) {
    const page: RequestsRead = await next;
    const last = page.docs[page.docs.length - 1];
    next = page.size === pageSize && last ? readPage(ticket, last, pageSize) : null;
    // Read ahead: a caller that stops early must not leave this read's failure unhandled.
    next?.catch(() => undefined);
    if (page.size > 0) yield page.docs;
  }
}

/** How many messages each request has: a count() aggregation each (one read each; never a message's text). */
async function messageCounts(ids: readonly string[]): Promise<number[]> {
  const counts: number[] = new Array<number>(ids.length).fill(0);
  let taken = 0;
  const worker = async () => {
    for (let index = taken++; index < ids.length; index = taken++) counts[index] = await readCount(refs.messages(ids[index] as string), 'messages');
  };
  await Promise.all(Array.from({ length: Math.min(COUNTS_AT_ONCE, ids.length) }, worker));
  return counts;
}

/**
 * Writes the whole file through `write` (which answers a promise resolved once the reader has taken the bytes, so a
 * slow reader slows the reading of pages), at most JOURNAL_EXPORT_MAX_ROWS rows; answers how many rows it wrote.
 */
export async function streamJournal(
  ticket: JournalExportTicket,
  context: JournalContext,
  encoder: JournalEncoder,
  write: (chunks: Uint8Array[]) => Promise<void>,
  pageSize = EXPORT_PAGE_SIZE,
): Promise<number> {
  await write(encoder.begin(journalHeader(context.locale)));
  let written = 0;
  for await (const docs of requestPages(ticket, pageSize)) {
    const page = docs.slice(0, JOURNAL_EXPORT_MAX_ROWS - written);
    const counts = await messageCounts(page.map((doc) => doc.id));
    await write(encoder.rows(page.map((doc, index) => journalRow(doc.id, doc.data(), counts[index] ?? 0, context))));
    written += page.length;
    if (written >= JOURNAL_EXPORT_MAX_ROWS) break;
  }
  await write(encoder.end());
  return written;
}
