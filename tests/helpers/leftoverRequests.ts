// After each functions or browser test file: the requests it made and left waiting are cancelled, as their requesters
// would. A request left open keeps its backend busy for the rest of the suite (escalation rounds every ackSeconds, alert
// steps on every channel, arrival checks; over 2,000 task invocations in one browser run), slowing the files after it:
// the escalation suite took 27 s alone and up to 166 s after the others.
// It cancels every request of the emulators' project made since the file started, so it relies on the files of those
// suites running one at a time (vitest.config.ts) and one suite after the other (scripts/test-emulated.mjs).
import { afterAll, beforeAll } from 'vitest';
import { cancelRequestsCreatedSince } from './cancelRequests';

/** Registers, for the test file being set up, the cancelling of the requests it leaves waiting (a setup file calls it). */
export function cancelLeftoverRequestsAfterEachFile(): void {
  let fileStartedAt = new Date();
  beforeAll(() => {
    fileStartedAt = new Date();
  });
  afterAll(async () => {
    await cancelRequestsCreatedSince(fileStartedAt);
  });
}
