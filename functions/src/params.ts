// Deploy-time parameters (firebase-functions params): functions/.env holds the production values,
// functions/.env.<projectId> overrides them per project (functions/.env.demo-sos for the emulators).
import { defineInt, defineString } from 'firebase-functions/params';

/** Where every function runs; the web client calls callables in the same region (VITE_FUNCTIONS_REGION). */
export const REGION = defineString('REGION', { default: 'us-central1' });

/** Warm instances of the functions on a new request's path, so the first SOS of the night meets no cold start. */
export const MIN_INSTANCES = defineInt('MIN_INSTANCES', { default: 1 });
