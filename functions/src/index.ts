// Exports only: every function the project deploys.
export { onSosRequestCreated, onSosRequestUpdated } from './sos/triggers';
export { escalateSosRequest } from './escalation/escalateSosRequest';
export { onDeviceWritten, onLocationWritten, onStaffMemberWritten } from './dispatch/triggers';
