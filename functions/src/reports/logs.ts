// Every log line of the daily rollups and the journal export, as a named function (functions/src/logs.ts holds the rest of the backend's).
import { logger } from 'firebase-functions/v2';

export const reportLogs = {
  eventCounted: (requestId: string, eventId: string, locationId: string, day: string) =>
    logger.debug('audit event counted in its daily rollup', { requestId, eventId, locationId, day }),
  eventAlreadyCounted: (requestId: string, eventId: string, locationId: string, day: string) =>
    logger.info('audit event already counted; replay ignored', { requestId, eventId, locationId, day }),
  requestMissing: (requestId: string, eventId: string) => logger.warn('audit event of a missing request; not counted', { requestId, eventId }),
  locationMissing: (requestId: string, eventId: string, locationId: string) =>
    logger.warn('audit event of a request whose location is gone; not counted (the rebuild cannot count it either)', { requestId, eventId, locationId }),
  exportCreated: (locationId: string, uid: string, format: string, rows: number) => logger.info('journal export link made', { locationId, uid, format, rows }),
  exportRefused: (operation: string, reason: string, uid: string) => logger.info('journal export refused', { operation, reason, uid }),
  exportLinkRefused: (outcome: string, locationId: string | null) => logger.info('journal export link refused', { outcome, locationId }),
  exportStreamed: (locationId: string, uid: string, format: string, rows: number, tookMs: number) =>
    logger.info('journal export streamed', { locationId, uid, format, rows, tookMs }),
  exportFailed: (locationId: string, uid: string, error: unknown) =>
    logger.error('journal export failed mid-stream; the download is cut off (the browser reports it failed)', { locationId, uid, error: String(error) }),
};
