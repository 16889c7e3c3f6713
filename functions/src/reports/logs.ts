// Every log line of the daily rollups, as a named function (functions/src/logs.ts holds the rest of the backend's).
import { logger } from 'firebase-functions/v2';

export const reportLogs = {
  eventCounted: (requestId: string, eventId: string, locationId: string, day: string) =>
    logger.debug('audit event counted in its daily rollup', { requestId, eventId, locationId, day }),
  eventAlreadyCounted: (requestId: string, eventId: string, locationId: string, day: string) =>
    logger.info('audit event already counted; replay ignored', { requestId, eventId, locationId, day }),
  requestMissing: (requestId: string, eventId: string) => logger.warn('audit event of a missing request; not counted', { requestId, eventId }),
  locationMissing: (requestId: string, eventId: string, locationId: string) =>
    logger.warn('audit event of a request whose location is gone; not counted (the rebuild cannot count it either)', { requestId, eventId, locationId }),
};
