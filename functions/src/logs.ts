// Every log line the functions write, as a named function (searchable, consistent fields).
import { logger } from 'firebase-functions/v2';

export const logs = {
  requestAlreadyProcessed: (requestId: string, status: string) => logger.info('sos request already processed; event ignored', { requestId, status }),
  requestMissing: (requestId: string) => logger.warn('sos request vanished before processing', { requestId }),
  requestOpened: (requestId: string, locationId: string, via?: string) =>
    via ? logger.warn('sos request opened by the second path', { requestId, locationId, via }) : logger.info('sos request opened', { requestId, locationId }),
  /** A warning when the sweep found anything: a trigger or an enqueue failed, and the second path made up for it. */
  sweepDone: (counts: { found: number; opened: number; resumed: number; failed: number }, timing: { startedAt: string; queryMs: number; tookMs: number }) =>
    (counts.found > 0 ? logger.warn : logger.debug)('stuck requests swept', { ...counts, ...timing }),
  sweepFailed: (requestId: string, error: unknown) => logger.error('a stuck request could not be swept', { requestId, error: String(error) }),
  openRefused: (operation: string, reason: string, uid: string) => logger.info('openMyRequest refused', { operation, reason, uid }),
  faultInjected: (requestId: string, point: string) => logger.warn('injected fault', { requestId, point }),
  faultsIgnored: (project: string) => logger.error('SOS_FAULTS ignored: fault injection works on demo- projects only', { project }),
  requestRejected: (requestId: string, reason: string) => logger.warn('sos request rejected', { requestId, reason }),
  orderMirrored: (requestId: string, status: string) => logger.debug('order mirrored', { requestId, status }),
  transitionEffectsFailed: (requestId: string, status: string, error: unknown) =>
    logger.error('a status change could not be recorded or acted on; the trigger is retried', { requestId, status, error: String(error) }),
  groupAnswered: (leaderId: string, status: string, members: number) => logger.info('grouped requests follow their leader', { leaderId, status, members }),
  groupHandedOver: (leaderId: string, nextId: string) => logger.warn('leader of a grouped flood cancelled; the next request leads', { leaderId, nextId }),
  abuseSuspected: (requestId: string, locationId: string, visitorRequests: number) =>
    logger.warn('possible abuse at a QR code; admins alerted', { requestId, locationId, visitorRequests }),
  emergencyServicesCalled: (requestId: string) => logger.info('requester called the emergency services', { requestId }),
  pushBatchAlreadyDone: (requestId: string, batch: string) => logger.debug('push batch already recorded; replay ignored', { requestId, batch }),
  pushBatchSent: (requestId: string, batch: string, counts: Record<string, number>) => logger.info('push batch sent', { requestId, batch, ...counts }),
  pushGrouped: (requestId: string, batch: string, pushedFor: string) =>
    logger.info('push grouped with a recent one about the same resident', { requestId, batch, pushedFor }),
  pushTokenRemoved: (uid: string, deviceId: string, error: string) => logger.info('unregistered push token removed', { uid, deviceId, error }),
  pushTokenKept: (uid: string, deviceId: string) => logger.info('push token changed since the failed send; device kept', { uid, deviceId }),
  dispatchRebuilt: (locationId: string, recipients: number) => logger.debug('dispatch document rebuilt', { locationId, recipients }),
  messageRecorded: (requestId: string, messageId: string, role: string) => logger.info('message recorded and pushed', { requestId, messageId, role }),
  qrPlaceProjected: (token: string, locationId: string, found: boolean) => logger.debug('qr code place projected', { token, locationId, found }),
  planPublicChanged: (locationId: string, planId: string, isPublic: boolean) =>
    logger.info('plan readable by wall-code readers changed', { locationId, planId, isPublic }),
};

/** How a task chain's log lines name its steps (tasks/taskChain.ts). */
export interface ChainWords {
  /** One step: `escalation round`. */
  step: string;
  /** A step that acted, logged as a warning (someone is still waiting): `sos request escalated`. */
  acted: string;
  /** The chain has nothing left to do: `escalation stopped`. */
  stopped: string;
}

/** Which step a line is about: the request and the step's number under the chain's own key (`round`, `repeat`). */
export type StepFields = { requestId: string } & Record<string, string | number>;

export const chainLogs = {
  enqueued: (words: ChainWords, step: StepFields, dueAt: string, taskId: string) => logger.debug(`${words.step} enqueued`, { ...step, dueAt, taskId }),
  alreadyEnqueued: (words: ChainWords, step: StepFields, taskId: string) => logger.debug(`${words.step} already enqueued`, { ...step, taskId }),
  startedOver: (words: ChainWords, step: StepFields, millisEarly: number) =>
    logger.debug(`${words.step} early and its retry would come late; started over (emulator)`, { ...step, millisEarly }),
  acted: (words: ChainWords, step: StepFields) => logger.warn(words.acted, step),
  resumed: (words: ChainWords, step: StepFields) => logger.info(`${words.step} already recorded; resuming its effects`, step),
  stopped: (words: ChainWords, step: StepFields, reason: string) => logger.info(words.stopped, { ...step, reason }),
  invalid: (words: ChainWords, data: unknown, problem: string) => logger.error(`${words.step} payload invalid; dropped`, { data, problem }),
};

export const peopleLogs = {
  adminAddedToRoster: (locationId: string, uid: string) => logger.info('admin added to the roster (off duty)', { locationId, uid }),
  inviteCreated: (locationId: string, role: string, by: string) => logger.info('invitation created', { locationId, role, by }),
  inviteAccepted: (locationId: string, uid: string, role: string) => logger.info('invitation accepted', { locationId, uid, role }),
  inviteReplayed: (locationId: string, uid: string) => logger.info('invitation accepted again; nothing changed', { locationId, uid }),
  inviteRevoked: (locationId: string, by: string) => logger.info('invitation revoked', { locationId, by }),
  memberRoleChanged: (locationId: string, uid: string, role: string, by: string) => logger.info('member role changed', { locationId, uid, role, by }),
  memberRemoved: (locationId: string, uid: string, by: string) => logger.info('member removed', { locationId, uid, by }),
  peopleRefused: (operation: string, reason: string, uid: string | null) => logger.info('people call refused', { operation, reason, uid }),
};

export const locationLogs = {
  locationCreated: (locationId: string, by: string) => logger.info('location created; its creator is its admin', { locationId, by }),
  locationReplayed: (locationId: string, by: string) => logger.info('location creation repeated; nothing new made', { locationId, by }),
  locationRefused: (operation: string, reason: string, uid: string | null) => logger.info('location call refused', { operation, reason, uid }),
};

export const reachLogs = {
  claimed: (requestId: string, channel: string, uid: string) => logger.info('sos request claimed from a channel', { requestId, channel, uid }),
  claimRefused: (requestId: string, channel: string, reason: string) => logger.info('channel claim refused', { requestId, channel, reason }),
  smsStopped: (methods: number) => logger.info('STOP by SMS: methods unverified', { methods }),
  webhookRefused: (webhook: string, reason: string) => logger.warn('webhook refused', { webhook, reason }),
  alertBatchSent: (requestId: string, batch: string, channel: string, counts: Record<string, number>) =>
    logger.info('alert step sent', { requestId, batch, channel, ...counts }),
  /** `deletesSent` is 0 on the emulator, which is sent no deletes (tasks/taskQueue.ts). */
  alertStepTasksDeleted: (requestId: string, tasks: number, deletesSent: number, failed: readonly string[]) =>
    failed.length === 0
      ? logger.info('waiting alert step tasks deleted', { requestId, tasks, deletesSent })
      : logger.warn('waiting alert step tasks deleted, some not; those stop themselves when due', {
          requestId,
          tasks,
          deletesSent,
          failed: failed.length,
          error: failed[0],
        }),
};

export const contactLogs = {
  contactMessage: (uid: string, contactId: string, type: string, channel: string, status: string, error: string | null) =>
    logger.info('contact message sent', { uid, contactId, type, channel, status, error }),
  wrongCode: (uid: string, contactId: string, locked: boolean) => logger.info('wrong contact code', { uid, contactId, locked }),
  contactVerified: (uid: string, contactId: string) => logger.info('contact method verified', { uid, contactId }),
  telegramLinkCreated: (uid: string) => logger.info('telegram link created', { uid }),
  telegramLinked: (uid: string, contactId: string) => logger.info('telegram chat linked', { uid, contactId }),
  telegramStartRefused: (outcome: string) => logger.info('telegram /start refused', { outcome }),
  contactRefused: (operation: string, reason: string, uid: string) => logger.info('contact call refused', { operation, reason, uid }),
  webhookUnauthorized: (webhook: string) => logger.warn('webhook call with a wrong or missing secret; refused', { webhook }),
  telegramUpdateIgnored: (kind: string) => logger.debug('telegram update ignored', { kind }),
};

export const dutyLogs = {
  watched: (counts: { locations: number; notices: number; gapsWarned: number; manualStartsEnded: number; failed: number }, tookMs: number) =>
    (counts.failed > 0 ? logger.error : logger.info)('duty watched', { ...counts, tookMs }),
  locationWatched: (locationId: string, notices: number, manualStartsEnded: string[]) =>
    logger.info('duty notices sent', { locationId, notices, manualStartsEnded }),
  locationFailed: (locationId: string, error: unknown) =>
    logger.error('the duty watch failed at a location; the next run tries again', { locationId, error: String(error) }),
  noticeFailed: (uid: string, noticeId: string, error: string) => logger.warn('a duty notice could not be sent', { uid, noticeId, error }),
};
