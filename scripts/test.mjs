#!/usr/bin/env node
// @ts-check
// `npm test`: every check, in two steps. First the checks that need nothing running, side by side (2 cores):
// typecheck, lint, unit tests, and the build the emulators serve followed by the stop test (tests/stack). Then the emulator-backed suites in one
// `emulators:exec` (scripts/test-emulated.mjs). Exits non-zero on any failure, after listing the failed tests last;
// nothing is retried.
import { clearReports, printFailedTests, reportArgs } from './failedTests.mjs';
import { runSideBySide, reportAndExitOnFailure } from './parallel.mjs';

const started = Date.now();
clearReports();
const finish = () => printFailedTests();
reportAndExitOnFailure(
  'checks',
  await runSideBySide([
    { name: 'typecheck', commands: ['npm run --silent typecheck'] },
    { name: 'lint', commands: ['npm run --silent lint'] },
    { name: 'unit', commands: [`npm run --silent test:unit -- ${reportArgs('unit')}`] },
    // The stop test starts `npm start -- --no-build` on this build, before the suites' emulators: its own emulators,
    // on ports of their own, would share the repository's firebase-debug.log with theirs (and delete it when they stop).
    { name: 'build, stop test', commands: ['npm run --silent build', `npx vitest run --project stack ${reportArgs('stack')}`] },
  ]),
  finish,
);
reportAndExitOnFailure('emulated', await runSideBySide([{ name: 'emulators', commands: ['npm run --silent test:emulated'] }]), finish);
console.log(`npm test: everything passed in ${Math.round((Date.now() - started) / 1000)} s`);
