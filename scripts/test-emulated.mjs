#!/usr/bin/env node
// @ts-check
// Inside one `emulators:exec`, the emulator-backed suites as two streams side by side:
// - functions and web stores, then the browser tests, one file at a time. They share the Functions emulator's task
//   queues: every request a browser test makes starts an escalation chain whose early tasks hold queue slots, and
//   beside them a functions test's rounds came too late (tried: escalation and arrival tests timed out), so these
//   never overlap;
// - the rules, two files at a time: they ask only the Firestore emulator, on project ids of their own; then the stop
//   test (tests/stack), which starts `npm start` on the last build, on ports of its own and in a directory of its own
//   (scripts/firebase.mjs), so it shares nothing with these emulators.
import { reportArgs } from './failedTests.mjs';
import { runSideBySide, reportAndExitOnFailure } from './parallel.mjs';

reportAndExitOnFailure(
  'suites',
  await runSideBySide([
    {
      name: 'functions, web, e2e',
      commands: [`npx vitest run --project functions --project web ${reportArgs('functions-web')}`, `npx vitest run --project e2e ${reportArgs('e2e')}`],
    },
    { name: 'rules, stop test', commands: [`npx vitest run --project rules ${reportArgs('rules')}`, `npx vitest run --project stack ${reportArgs('stack')}`] },
  ]),
);
