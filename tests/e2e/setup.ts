// Runs before every browser test file: after each test, a failure keeps its traces, screenshots and console
// under test-results/e2e/<file>/<test name>/ (browser.ts keepWhatFailed); a pass keeps nothing. After the file, the
// requests it left waiting are cancelled (tests/helpers/leftoverRequests.ts).
import { beforeEach } from 'vitest';
import { keepWhatFailed } from './browser';
import { cancelLeftoverRequestsAfterEachFile } from '../helpers/leftoverRequests';

beforeEach(({ onTestFinished }) => {
  // After every afterEach of the file (which may still fail the test), so the verdict is final.
  onTestFinished(({ task }) => keepWhatFailed(task));
});

cancelLeftoverRequestsAfterEachFile();
