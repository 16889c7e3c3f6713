import { defineConfig } from 'vitest/config';
import { emulatorPorts } from './scripts/emulatorPorts.mjs';

const ports = emulatorPorts();
// What the web build bakes in (web/vite.config.ts), for the web code the tests import.
const define = { __EMULATOR_PORTS__: JSON.stringify({ auth: ports.auth, firestore: ports.firestore, functions: ports.functions }) };

// One runner, five projects: `unit` needs nothing; the others run inside one
// `firebase emulators:exec` (see package.json "test:emulated").

/**
 * scripts/test-emulated.mjs runs the emulated projects in two streams (functions and web, then e2e; rules beside them):
 * files run one at a time, but rules files, which only ask the Firestore emulator, two at a time.
 */
const ONE_AT_A_TIME = { maxWorkers: 1 };
const RULES_FILES_AT_ONCE = { maxWorkers: 2 };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'model/__tests__/**/*.test.ts',
            'scripts/__tests__/**/*.test.ts',
            'functions/src/**/__tests__/**/*.test.ts',
            'web/src/**/__tests__/**/*.test.ts',
          ],
          environment: 'node',
          // One module cache for all files: each file importing the model, the functions' decisions and Vue anew took
          // 41 s of CPU for 4 s of tests; shared, 7 s. Unit tests leave no state behind (stubbed env and globals are
          // restored after each test).
          isolate: false,
        },
      },
      {
        // The web app's stores and composables with the web SDK in Node, against the emulators.
        // app.ts is the browser's own init: `define` gives it the emulator ports Vite gives the build.
        define,
        test: {
          ...ONE_AT_A_TIME,
          name: 'web',
          include: ['web/src/__emulated__/**/*.test.ts'],
          setupFiles: ['web/src/__emulated__/setup.ts'],
          environment: 'node',
          // Waits are for states; the limit only bounds a busy 2-core emulator run.
          testTimeout: 60_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          ...RULES_FILES_AT_ONCE,
          name: 'rules',
          include: ['tests/rules/**/*.test.ts'],
          // Saves the emulator's rule coverage to test-results/rules-coverage/ after the suite.
          globalSetup: ['tests/rules/coverage-report.ts'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          ...ONE_AT_A_TIME,
          name: 'functions',
          include: ['tests/functions/**/*.test.ts'],
          setupFiles: ['tests/functions/afterEachFile.ts'],
          // One module cache for the files, as the browser tests have: each file importing the Admin SDK, the functions'
          // modules and the model anew took a second or two of CPU beside the emulators. The files share no state but
          // the Admin SDK's one app (tests/functions/setup.ts) and leave nothing stubbed.
          isolate: false,
          // Waits are for states (snapshots); the limit only bounds a busy 2-core emulator run.
          testTimeout: 90_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          ...ONE_AT_A_TIME,
          name: 'stack',
          // `npm start` itself, started and stopped on ports of its own (tests/stack/stop.test.ts); npm test runs it beside the suites, after the rules.
          include: ['tests/stack/**/*.test.ts'],
          testTimeout: 240_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          // Keeps a failed test's traces, screenshots and console (test-results/e2e/), nothing of a passed one.
          setupFiles: ['tests/e2e/setup.ts'],
          fileParallelism: false,
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // expect.poll waits for a state the server confirms; 1 s (the default) is too short on 2 busy cores.
          expect: { poll: { timeout: 15_000 } },
          allowOnly: !process.env.CI,
        },
      },
    ],
  },
});
