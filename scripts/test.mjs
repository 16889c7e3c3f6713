#!/usr/bin/env node
// @ts-check
// `npm test`: every check, side by side on 2 cores. The checks that need nothing running (typecheck, lint, unit tests)
// start at once; beside them the build, then the emulator-backed suites in one `emulators:exec`
// (scripts/test-emulated.mjs): the emulators start and the rules suite runs while the checks do, and the functions and
// browser suites wait for the checks to pass (scripts/checksGate.mjs). Exits non-zero on any failure, after listing
// the failed tests last; nothing is retried.
import { clearChecksResult, writeChecksResult } from './checksGate.mjs';
import { clearReports, printFailedTests, reportArgs } from './failedTests.mjs';
import { runSideBySide, reportAndExitOnFailure } from './parallel.mjs';

const started = Date.now();
clearReports();
clearChecksResult();
const checks = runSideBySide([
  { name: 'typecheck', commands: ['npm run --silent typecheck'] },
  { name: 'lint', commands: ['npm run --silent lint'] },
  { name: 'unit', commands: [`npm run --silent test:unit -- ${reportArgs('unit')}`] },
]).then((results) => {
  writeChecksResult(results.every(({ code }) => code === 0));
  return results;
});
const emulated = runSideBySide([{ name: 'emulators', commands: ['npm run --silent build && SOS_WAIT_FOR_CHECKS=1 npm run --silent test:emulated'] }]);
reportAndExitOnFailure('npm test', [...(await checks), ...(await emulated)], printFailedTests);
console.log(`npm test: everything passed in ${Math.round((Date.now() - started) / 1000)} s`);
