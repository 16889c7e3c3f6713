/** The app's origin on the emulators, set by functions/build.mjs (and vitest.config.ts) from scripts/emulatorPorts.mjs. */
declare const __EMULATED_APP_ORIGIN__: string;
