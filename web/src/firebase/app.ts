// The one Firebase initialisation of the web app; connects the emulators once for demo- projects.
import { initializeApp } from 'firebase/app';
import { initializeAppCheck, ReCaptchaEnterpriseProvider } from 'firebase/app-check';
import { browserLocalPersistence, connectAuthEmulator, indexedDBLocalPersistence, initializeAuth } from 'firebase/auth';
import { connectFirestoreEmulator, initializeFirestore, persistentLocalCache, persistentMultipleTabManager } from 'firebase/firestore';
import { initializeEmulatorAppCheck } from './emulatorAppCheck';

const projectId = import.meta.env.VITE_FIREBASE_PROJECT_ID ?? 'demo-sos';
export const usesEmulators = projectId.startsWith('demo-');

export const firebaseApp = initializeApp({
  projectId,
  apiKey: import.meta.env.VITE_FIREBASE_API_KEY ?? 'demo-api-key',
  authDomain: `${projectId}.firebaseapp.com`,
  appId: import.meta.env.VITE_FIREBASE_APP_ID,
  messagingSenderId: import.meta.env.VITE_FIREBASE_MESSAGING_SENDER_ID,
});

// App Check before Auth and Firestore, so that their first requests (the SOS write) carry a token: docs/DEPLOY.md §10.
const recaptchaSiteKey = import.meta.env.VITE_RECAPTCHA_ENTERPRISE_SITE_KEY;
if (usesEmulators) {
  initializeEmulatorAppCheck(firebaseApp);
} else if (recaptchaSiteKey) {
  initializeAppCheck(firebaseApp, { provider: new ReCaptchaEnterpriseProvider(recaptchaSiteKey), isTokenAutoRefreshEnabled: true });
} else {
  // Still start: the SOS write works until Firestore enforces App Check; only the callables refuse (predeploy refuses such a build).
  console.error('App Check is off: VITE_RECAPTCHA_ENTERPRISE_SITE_KEY was not set for this build (docs/DEPLOY.md §10)');
}

// Email sign-in only: no popup/redirect resolver, which keeps the resident's bundle small.
export const auth = initializeAuth(firebaseApp, { persistence: [indexedDBLocalPersistence, browserLocalPersistence] });
// Persistent cache: a request made offline survives a reload and is sent once the network returns.
export const db = initializeFirestore(firebaseApp, {
  localCache: persistentLocalCache({ tabManager: persistentMultipleTabManager() }),
});

if (usesEmulators) {
  const host = import.meta.env.VITE_EMULATOR_HOST ?? '127.0.0.1';
  connectAuthEmulator(auth, `http://${host}:${__EMULATOR_PORTS__.auth}`, { disableWarnings: true });
  connectFirestoreEmulator(db, host, __EMULATOR_PORTS__.firestore);
}
