// Every log line the functions write, as a named function (searchable, consistent fields).
import { logger } from 'firebase-functions/v2';

export const logs = {
  requestAlreadyProcessed: (requestId: string, status: string) =>
    logger.info('sos request already processed; event ignored', { requestId, status }),
  requestMissing: (requestId: string) => logger.warn('sos request vanished before processing', { requestId }),
  requestOpened: (requestId: string, locationId: string) => logger.info('sos request opened', { requestId, locationId }),
  requestRejected: (requestId: string, reason: string) => logger.warn('sos request rejected', { requestId, reason }),
  orderMirrored: (requestId: string, status: string) => logger.debug('order mirrored', { requestId, status }),
};
