/// <reference types="vite/client" />
interface ImportMetaEnv {
  readonly VITE_FIREBASE_PROJECT_ID?: string;
  readonly VITE_FIREBASE_API_KEY?: string;
  readonly VITE_FIREBASE_APP_ID?: string;
  readonly VITE_FIREBASE_MESSAGING_SENDER_ID?: string;
  readonly VITE_FIREBASE_VAPID_KEY?: string;
  /** The reCAPTCHA Enterprise site key of App Check's web provider (production builds; docs/DEPLOY.md §10). */
  readonly VITE_RECAPTCHA_ENTERPRISE_SITE_KEY?: string;
  /** Host of the emulators as the browser sees it; defaults to 127.0.0.1. */
  readonly VITE_EMULATOR_HOST?: string;
  /** Region of the callable functions (the functions' REGION parameter); us-central1 by default. */
  readonly VITE_FUNCTIONS_REGION?: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
/** The emulator ports at build time: firebase.json's, moved by SOS_PORT_OFFSET (scripts/emulatorPorts.mjs). */
declare const __EMULATOR_PORTS__: { auth: number; firestore: number; functions: number };
