// The emulators' App Check provider: an unsigned token that the Functions emulator decodes without verifying (it turns
// on firebase-functions' `skipTokenVerification`). Not the SDK's debug provider: that one exchanges its debug token with
// Google's App Check backend, which a machine with no internet cannot reach, and there is no App Check emulator.
import { CustomProvider, initializeAppCheck, type AppCheck } from 'firebase/app-check';
import type { FirebaseApp } from 'firebase/app';

/** The app id the emulators' tokens name: what a callable sees as `request.app.appId`. */
export const EMULATED_APP_ID = 'demo-sos-web';
const TOKEN_LIFETIME_MS = 60 * 60 * 1000;

const base64url = (json: object): string => btoa(JSON.stringify(json)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** An App Check token as the emulators accept it: a JWT without a signature whose `sub` is the app id. */
export function emulatorAppCheckToken(nowMs = Date.now()): { token: string; expireTimeMillis: number } {
  const expireTimeMillis = nowMs + TOKEN_LIFETIME_MS;
  const claims = { sub: EMULATED_APP_ID, iat: Math.floor(nowMs / 1000), exp: Math.floor(expireTimeMillis / 1000) };
  return { token: `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`, expireTimeMillis };
}

/** App Check for an app connected to the emulators (the web app on demo- projects, the test and bench clients). */
export function initializeEmulatorAppCheck(app: FirebaseApp): AppCheck {
  // No refresh timer: a token is made on demand, offline, whenever the cached one has expired.
  return initializeAppCheck(app, {
    provider: new CustomProvider({ getToken: () => Promise.resolve(emulatorAppCheckToken()) }),
    isTokenAutoRefreshEnabled: false,
  });
}
