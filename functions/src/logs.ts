// Every log line the functions write, as a named function (searchable, consistent fields).
import { logger } from 'firebase-functions/v2';

export const logs = {
  requestAlreadyProcessed: (requestId: string, status: string) =>
    logger.info('sos request already processed; event ignored', { requestId, status }),
  requestMissing: (requestId: string) => logger.warn('sos request vanished before processing', { requestId }),
  requestOpened: (requestId: string, locationId: string) => logger.info('sos request opened', { requestId, locationId }),
  requestRejected: (requestId: string, reason: string) => logger.warn('sos request rejected', { requestId, reason }),
  orderMirrored: (requestId: string, status: string) => logger.debug('order mirrored', { requestId, status }),
  pushBatchAlreadyDone: (requestId: string, batch: string) =>
    logger.debug('push batch already recorded; replay ignored', { requestId, batch }),
  pushBatchSent: (requestId: string, batch: string, counts: Record<string, number>) =>
    logger.info('push batch sent', { requestId, batch, ...counts }),
  pushGrouped: (requestId: string, batch: string, pushedFor: string) =>
    logger.info('push grouped with a recent one about the same resident', { requestId, batch, pushedFor }),
  pushTokenRemoved: (uid: string, deviceId: string, error: string) =>
    logger.info('unregistered push token removed', { uid, deviceId, error }),
  pushTokenKept: (uid: string, deviceId: string) =>
    logger.info('push token changed since the failed send; device kept', { uid, deviceId }),
  escalationEnqueued: (requestId: string, round: number, dueAt: string, taskId: string) =>
    logger.debug('escalation round enqueued', { requestId, round, dueAt, taskId }),
  escalationAlreadyEnqueued: (requestId: string, round: number, taskId: string) =>
    logger.debug('escalation task already enqueued', { requestId, round, taskId }),
  escalationEarly: (requestId: string, round: number, millisEarly: number) =>
    logger.debug('escalation task early and its retry would come late; started over (emulator)', { requestId, round, millisEarly }),
  escalated: (requestId: string, round: number) => logger.warn('sos request escalated', { requestId, round }),
  escalationResumed: (requestId: string, round: number) =>
    logger.info('escalation round already recorded; resuming its effects', { requestId, round }),
  escalationStopped: (requestId: string, round: number, reason: string) =>
    logger.info('escalation stopped', { requestId, round, reason }),
  dispatchRebuilt: (locationId: string, recipients: number) => logger.debug('dispatch document rebuilt', { locationId, recipients }),
  escalationTaskInvalid: (data: unknown, problem: string) =>
    logger.error('escalation task payload invalid; dropped', { data, problem }),
  arrivalCheckEnqueued: (requestId: string, repeat: number, dueAt: string, taskId: string) =>
    logger.debug('arrival check enqueued', { requestId, repeat, dueAt, taskId }),
  arrivalCheckAlreadyEnqueued: (requestId: string, repeat: number, taskId: string) =>
    logger.debug('arrival check already enqueued', { requestId, repeat, taskId }),
  arrivalOverdue: (requestId: string, repeat: number) => logger.warn('staff late: arrival overdue', { requestId, repeat }),
  arrivalCheckEarly: (requestId: string, repeat: number, millisEarly: number) =>
    logger.debug('arrival check early and its retry would come late; started over (emulator)', { requestId, repeat, millisEarly }),
  arrivalCheckResumed: (requestId: string, repeat: number) =>
    logger.info('arrival overdue already recorded; resuming its effects', { requestId, repeat }),
  arrivalCheckStopped: (requestId: string, repeat: number, reason: string) =>
    logger.info('arrival checks stopped', { requestId, repeat, reason }),
  arrivalTaskInvalid: (data: unknown, problem: string) => logger.error('arrival task payload invalid; dropped', { data, problem }),
  messageRecorded: (requestId: string, messageId: string, role: string) => logger.info('message recorded and pushed', { requestId, messageId, role }),
};

export const peopleLogs = {
  inviteCreated: (locationId: string, role: string, by: string) => logger.info('invitation created', { locationId, role, by }),
  inviteAccepted: (locationId: string, uid: string, role: string) => logger.info('invitation accepted', { locationId, uid, role }),
  inviteReplayed: (locationId: string, uid: string) => logger.info('invitation accepted again; nothing changed', { locationId, uid }),
  inviteRevoked: (locationId: string, by: string) => logger.info('invitation revoked', { locationId, by }),
  memberRoleChanged: (locationId: string, uid: string, role: string, by: string) =>
    logger.info('member role changed', { locationId, uid, role, by }),
  memberRemoved: (locationId: string, uid: string, by: string) => logger.info('member removed', { locationId, uid, by }),
  peopleRefused: (operation: string, reason: string, uid: string | null) => logger.info('people call refused', { operation, reason, uid }),
};
