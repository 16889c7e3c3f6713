// Deploy-time parameters (firebase-functions params): set per project in functions/.env.<projectId>,
// or answered at `firebase deploy`. Every function and the web client use the same REGION.
import { defineString } from 'firebase-functions/params';

/** Where every function runs; the web client calls callables in the same region (VITE_FUNCTIONS_REGION). */
export const REGION = defineString('REGION', { default: 'us-central1' });

/** The web app's origin, for invitation links when a call carries no Origin header. */
export const APP_ORIGIN = defineString('APP_ORIGIN', { default: 'http://127.0.0.1:5173' });
