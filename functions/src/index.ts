// Exports only: every function the project deploys.
export { onSosRequestCreated, onSosRequestUpdated, sweepStuckRequests, openMyRequest } from './sos/triggers';
export { escalateSosRequest } from './escalation/escalateSosRequest';
export { checkArrival } from './arrival/checkArrival';
export { onSosMessageCreated } from './messages/triggers';
export { createInvite, describeInvite, acceptInvite, revokeInvite, setMemberRole, removeMember } from './people/callables';
export { createLocation } from './locations/callables';
export { onContactWritten, onDeviceWritten, onLocationWritten, onOverrideWritten, onShiftWritten, onStaffMemberWritten } from './dispatch/triggers';
export { onUserWritten } from './people/triggers';
export { watchDuty } from './duty/triggers';
export { onLocationPlaceWritten, onObjectPlaceWritten, onQrCodeWritten } from './qr/triggers';
export { sendAlertStep } from './reach/steps/sendAlertStep';
export { sendContactCode, confirmContact, linkTelegram, testContact } from './reach/contacts/callables';
export { telegramWebhook } from './reach/webhooks/telegramWebhook';
export { twilioWebhook } from './reach/webhooks/twilioWebhook';
export { onSosEventCreated } from './reports/triggers';
export { createJournalExport } from './reports/export/callables';
export { journalExport } from './reports/export/journalExport';
