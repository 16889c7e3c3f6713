#!/usr/bin/env node
// @ts-check
// Inside one `emulators:exec`, the emulator-backed suites in streams side by side:
// - the web app's build, which only the browser tests and the stop test need (the Hosting emulator serves what is in
//   web/dist when asked, so it may start before the build ends);
// - the functions suites and the web stores, then the browser tests, one file at a time. They share the Functions
//   emulator's task queues: every request a browser test makes starts an escalation chain whose early tasks hold
//   queue slots, and beside them a functions test's rounds came too late (tried: escalation and arrival tests timed
//   out), so these never overlap;
// - the rules, two files at a time (they ask only the Firestore emulator, on project ids of their own); the functions
//   suites that make no request and so start no chain (BESIDE_THE_CHAINS); then the stop test (tests/stack), which
//   starts `npm start` on the last build on ports and in a directory of its own (scripts/firebase.mjs).
import { reportArgs } from './failedTests.mjs';
import { runSideBySide, reportAndExitOnFailure } from './parallel.mjs';

/** Functions suites that neither make a request nor use a task queue: they can run beside the ones that do. */
const BESIDE_THE_CHAINS = ['tests/functions/bootstrap.test.ts', 'tests/functions/contacts.test.ts'];

reportAndExitOnFailure(
  'suites',
  await runSideBySide([
    { name: 'web build', commands: ['npm run --silent build -w web'] },
    {
      name: 'functions, web, e2e',
      commands: [
        `npx vitest run --project functions --project web ${BESIDE_THE_CHAINS.map((file) => `--exclude ${file}`).join(' ')} ${reportArgs('functions-web')}`,
        { after: 'web build' },
        `npx vitest run --project e2e ${reportArgs('e2e')}`,
      ],
    },
    {
      name: 'rules, functions beside, stop test',
      commands: [
        `npx vitest run --project rules ${reportArgs('rules')}`,
        `npx vitest run --project functions ${BESIDE_THE_CHAINS.join(' ')} ${reportArgs('functions-beside')}`,
        { after: 'web build' },
        `npx vitest run --project stack ${reportArgs('stack')}`,
      ],
    },
  ]),
);
