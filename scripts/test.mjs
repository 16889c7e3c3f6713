#!/usr/bin/env node
// @ts-check
// `npm test`: every check, in two steps. First the checks that need nothing running, side by side (2 cores):
// typecheck, lint, unit tests, and the build the emulators serve. Then the emulator-backed suites in one
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
    { name: 'build', commands: ['npm run --silent build'] },
  ]),
  finish,
);
reportAndExitOnFailure('emulated', await runSideBySide([{ name: 'emulators', commands: ['npm run --silent test:emulated'] }]), finish);
console.log(`npm test: everything passed in ${Math.round((Date.now() - started) / 1000)} s`);
