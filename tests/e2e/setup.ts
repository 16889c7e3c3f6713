// Runs before every browser test file: after each test, a failure keeps its traces, screenshots and console
// under test-results/e2e/<file>/<test name>/ (browser.ts keepWhatFailed); a pass keeps nothing.
import { beforeEach } from 'vitest';
import { keepWhatFailed } from './browser';

beforeEach(({ onTestFinished }) => {
  // After every afterEach of the file (which may still fail the test), so the verdict is final.
  onTestFinished(({ task }) => keepWhatFailed(task));
});
