// The one Firebase initialisation of the web app; connects the emulators once for demo- projects.
import { initializeApp } from 'firebase/app';
import { browserLocalPersistence, connectAuthEmulator, indexedDBLocalPersistence, initializeAuth } from 'firebase/auth';
import { connectFirestoreEmulator, initializeFirestore, persistentLocalCache, persistentMultipleTabManager } from 'firebase/firestore';

const projectId = import.meta.env.VITE_FIREBASE_PROJECT_ID ?? 'demo-sos';
export const usesEmulators = projectId.startsWith('demo-');

export const firebaseApp = initializeApp({
  projectId,
  apiKey: import.meta.env.VITE_FIREBASE_API_KEY ?? 'demo-api-key',
  authDomain: `${projectId}.firebaseapp.com`,
  appId: import.meta.env.VITE_FIREBASE_APP_ID,
  messagingSenderId: import.meta.env.VITE_FIREBASE_MESSAGING_SENDER_ID,
});

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
