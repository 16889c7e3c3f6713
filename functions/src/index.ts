// Exports only: every function the project deploys.
export { onSosRequestCreated, onSosRequestUpdated } from './sos/triggers';
export { benchCosts } from './diagnostics';
