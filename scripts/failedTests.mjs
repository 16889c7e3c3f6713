// @ts-check
// The failed tests of this `npm test`, read from the JSON reports the vitest runs write to test-results/vitest/, and
// printed last: on CI the emulators' logs bury vitest's own summary, and only the end of the output is kept.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const REPORTS_DIR = 'test-results/vitest';

/** The arguments that make one vitest run keep its report, named after what it runs. @param {string} name */
export function reportArgs(name) {
  return `--reporter=default --reporter=json --outputFile.json=${REPORTS_DIR}/${name}.json`;
}

/** Forgets the reports of an earlier `npm test`. */
export function clearReports() {
  rmSync(REPORTS_DIR, { recursive: true, force: true });
  mkdirSync(REPORTS_DIR, { recursive: true });
}

/**
 * @typedef {{ fullName: string, status: string, failureMessages?: string[] }} AssertionResult
 * @typedef {{ name: string, status: string, message?: string, assertionResults?: AssertionResult[] }} FileResult
 */

/** Prints each failed test (or file that failed to run) with the start of its error; nothing when all passed. */
export function printFailedTests() {
  if (!existsSync(REPORTS_DIR)) return;
  /** @type {string[]} */
  const lines = [];
  for (const report of readdirSync(REPORTS_DIR).filter((file) => file.endsWith('.json'))) {
    /** @type {{ testResults?: FileResult[] }} */
    const results = JSON.parse(readFileSync(join(REPORTS_DIR, report), 'utf8'));
    for (const file of results.testResults ?? []) {
      const where = file.name.replace(`${process.cwd()}/`, '');
      const failed = (file.assertionResults ?? []).filter((test) => test.status === 'failed');
      if (file.status === 'failed' && failed.length === 0) lines.push(`✗ ${where}`, ...indent(file.message ?? 'failed to run'));
      for (const test of failed) lines.push(`✗ ${where} > ${test.fullName}`, ...indent((test.failureMessages ?? []).join('\n')));
    }
  }
  if (lines.length === 0) return;
  console.log(`\nFailed tests (reports in ${REPORTS_DIR}/):`);
  for (const line of lines) console.log(line);
}

/** The first lines of an error without the test runner's own frames, indented under its test. @param {string} message */
function indent(message) {
  return message
    .split('\n')
    .filter((line) => !line.includes('node_modules/') && !line.includes('<anonymous>'))
    .slice(0, 12)
    .map((line) => `    ${line}`);
}
