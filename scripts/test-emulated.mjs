#!/usr/bin/env node
// @ts-check
// Inside one `emulators:exec`, the emulator-backed suites as two streams side by side:
// - functions and web stores, then the browser tests, one file at a time. They share the Functions emulator's task
//   queues: every request a browser test makes starts an escalation chain whose early tasks hold queue slots, and
//   beside them a functions test's rounds came too late (tried: escalation and arrival tests timed out), so these
//   never overlap;
// - the rules, two files at a time: they ask only the Firestore emulator, on project ids of their own. They fill
//   the cores while the functions tests wait for real task timings.
// Under `npm test` both start once the checks have passed (scripts/checksGate.mjs): the emulators start beside the
// checks, but the suites beside them took longer in all (beside typecheck, lint and unit tests, the escalation and
// arrival waits timed out, and the rules slowed the checks by 20 s).
import { checksPassed } from './checksGate.mjs';
import { reportArgs } from './failedTests.mjs';
import { runSideBySide, reportAndExitOnFailure } from './parallel.mjs';

const checks = checksPassed();
reportAndExitOnFailure(
  'suites',
  await runSideBySide([
    {
      name: 'functions, web, e2e',
      after: checks,
      commands: [`npx vitest run --project functions --project web ${reportArgs('functions-web')}`, `npx vitest run --project e2e ${reportArgs('e2e')}`],
    },
    { name: 'rules', after: checks, commands: [`npx vitest run --project rules ${reportArgs('rules')}`] },
  ]),
);
