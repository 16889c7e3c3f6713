// Exports only: every function the project deploys.
export { onSosRequestCreated, onSosRequestUpdated } from './sos/triggers';
export { escalateSosRequest } from './escalation/escalateSosRequest';
export { checkArrival } from './arrival/checkArrival';
export { onSosMessageCreated } from './messages/triggers';
export { createInvite, acceptInvite, revokeInvite, setMemberRole, removeMember } from './people/callables';
export { onDeviceWritten, onLocationWritten, onStaffMemberWritten, onUserWritten } from './dispatch/triggers';
