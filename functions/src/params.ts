// Deploy-time parameters (firebase-functions params): functions/.env holds the production values,
// functions/.env.<projectId> overrides them per project (functions/.env.demo-sos for the emulators).
import { defineInt, defineString } from 'firebase-functions/params';

const DEFAULT_REGION = 'us-central1';

/** Where every function runs; the web client calls callables in the same region (VITE_FUNCTIONS_REGION). */
export const REGION = defineString('REGION', { default: DEFAULT_REGION });

/** REGION at run time; code run outside firebase-tools (the tests' own process) has no REGION in its environment. */
export function functionsRegion(): string {
  return REGION.value() || DEFAULT_REGION;
}

/** Warm instances of the functions on a new request's path, so the first SOS of the night meets no cold start. */
export const MIN_INSTANCES = defineInt('MIN_INSTANCES', { default: 1 });

/** The web app's origin, for invitation links when a call carries no Origin header. */
export const APP_ORIGIN = defineString('APP_ORIGIN', { default: 'http://127.0.0.1:5173' });
