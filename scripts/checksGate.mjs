// @ts-check
// `npm test` starts the emulators while the checks (typecheck, lint, unit tests) still run: their start (about 18 s)
// shares the cores with the checks. The suites wait here for the checks to end, and do not run at all when a check
// failed. scripts/test.mjs writes the result; scripts/test-emulated.mjs waits for it
// only when SOS_WAIT_FOR_CHECKS=1 (run alone, `npm run test:emulated` starts at once).
import { existsSync, mkdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const GATE = 'test-results/checks.result';

/** Forgets the result of an earlier run. */
export function clearChecksResult() {
  rmSync(GATE, { force: true });
}

/** @param {boolean} passed */
export function writeChecksResult(passed) {
  mkdirSync(dirname(GATE), { recursive: true });
  writeFileSync(GATE, passed ? 'passed\n' : 'failed\n');
}

/** Resolves with whether the checks passed, once scripts/test.mjs has written it; at once when nothing waits for them. */
export function checksPassed() {
  if (process.env.SOS_WAIT_FOR_CHECKS !== '1') return Promise.resolve(true);
  mkdirSync(dirname(GATE), { recursive: true });
  return new Promise((resolve) => {
    const read = () => {
      if (!existsSync(GATE)) return false;
      const result = readFileSync(GATE, 'utf8').trim();
      if (result !== 'passed' && result !== 'failed') return false;
      watcher.close();
      resolve(result === 'passed');
      return true;
    };
    const watcher = watch(dirname(GATE), () => void read());
    read();
  });
}
