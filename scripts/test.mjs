#!/usr/bin/env node
// @ts-check
// `npm test`: every check, side by side (2 cores): typecheck, lint, unit tests, and the build followed by the
// emulator-backed suites in one `emulators:exec` (scripts/test-emulated.mjs; the stop test runs there too, on ports
// and in a directory of its own). The suites start as soon as the build is done, while the type and lint checks still
// run: those need no emulator, and the suites spend much of their time waiting for triggers and timers.
// Exits non-zero on any failure, after listing the failed tests last; nothing is retried.
import { clearReports, printFailedTests, reportArgs } from './failedTests.mjs';
import { runSideBySide, reportAndExitOnFailure } from './parallel.mjs';

const started = Date.now();
clearReports();
reportAndExitOnFailure(
  'npm test',
  await runSideBySide([
    // At a lower priority: they need no emulator and their time is not measured, while the suites beside them wait for
    // triggers and timers that a busy core makes late.
    { name: 'typecheck', commands: ['nice -n 10 npm run --silent typecheck'] },
    { name: 'lint', commands: ['nice -n 10 npm run --silent lint'] },
    { name: 'unit', commands: [`nice -n 10 npm run --silent test:unit -- ${reportArgs('unit')}`] },
    { name: 'build, emulated', commands: ['npm run --silent build', 'npm run --silent test:emulated'] },
  ]),
  printFailedTests,
);
console.log(`npm test: everything passed in ${Math.round((Date.now() - started) / 1000)} s`);
