// The export's download link (onRequest): `GET ?token=` streams the file once. A browser navigates to it (an App Check
// token cannot ride on a navigation), so the one-time token, minted by the App-Check-enforced callable for an admin,
// is the whole permission: unknown → 404, used or expired → 410, each a plain sentence in the reader's language.
// Called directly, not through a Hosting rewrite: Hosting cuts a rewritten function off at 60 s, and a year of a busy
// location takes longer; a navigation needs no CORS.
import type { ServerResponse } from 'node:http';
import { onRequest } from 'firebase-functions/v2/https';
import { isJournalExportToken, journalExportFileName, type Locale } from '@sos/model';
import { REGION } from '../../params';
import { reportingCosts } from '../../costs';
import { reportLogs } from '../logs';
import { encoderFor, exportContext, streamJournal, useExportTicket } from './operations';
import { EXPORT_TEXTS, localeOfAcceptLanguage, type ExportTexts } from './texts';

type LinkRefusal = keyof ExportTexts['link'];
const STATUS: Record<LinkRefusal, number> = { unknown: 404, used: 410, expired: 410, notAdmin: 403, unknownLocation: 404, getOnly: 405 };

/** Resolves once the reader has taken what was written; fails when the reader has gone (else the stream would wait forever). */
function drained(res: ServerResponse): Promise<void> {
  if (res.destroyed) return Promise.reject(new Error('the reader closed the connection'));
  if (!res.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new Error('the reader closed the connection'));
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}

export const journalExport = onRequest(
  // Up to 100,000 rows: a page of 500 and its message counts take well under a second, so 200 pages fit 9 minutes.
  { region: REGION, timeoutSeconds: 540, memory: '512MiB' },
  reportingCosts(async (req, res) => {
    const refuse = (refusal: LinkRefusal, locale: Locale, locationId: string | null = null) => {
      reportLogs.exportLinkRefused(refusal, locationId);
      res.status(STATUS[refusal]).set('Cache-Control', 'no-store').type('text/plain; charset=utf-8').send(EXPORT_TEXTS[locale].link[refusal]);
    };
    const browserLocale = localeOfAcceptLanguage(req.get('Accept-Language'));
    if (req.method !== 'GET') return refuse('getOnly', browserLocale);
    const token = req.query.token;
    if (!isJournalExportToken(token)) return refuse('unknown', browserLocale);
    const claim = await useExportTicket(token);
    if (claim.outcome !== 'stream') return refuse(claim.outcome, claim.ticket?.locale ?? browserLocale, claim.ticket?.locationId);
    const { ticket } = claim;
    const context = await exportContext(ticket);
    if (context === 'not-admin') return refuse('notAdmin', ticket.locale, ticket.locationId);
    if (context === 'unknown-location') return refuse('unknownLocation', ticket.locale, ticket.locationId);

    const encoder = encoderFor(ticket);
    res.status(200);
    res.set({
      'Content-Type': encoder.contentType,
      'Content-Disposition': `attachment; filename="${journalExportFileName(ticket.locationId, ticket.from, ticket.to, ticket.format)}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    const startedAt = Date.now();
    try {
      const rows = await streamJournal(ticket, context, encoder, async (chunks) => {
        for (const chunk of chunks) res.write(chunk);
        await drained(res);
      });
      res.end();
      reportLogs.exportStreamed(ticket.locationId, ticket.uid, ticket.format, rows, Date.now() - startedAt);
    } catch (error) {
      // The status is sent: cutting the connection off makes the browser report a failed download, never a short file.
      reportLogs.exportFailed(ticket.locationId, ticket.uid, error);
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }),
);
