// The functions project's setup file (vitest.config.ts): after each suite, the requests it left waiting are cancelled
// (tests/helpers/leftoverRequests.ts), so their escalation rounds and alert steps do not slow the suites after it.
import { cancelLeftoverRequestsAfterEachFile } from '../helpers/leftoverRequests';

cancelLeftoverRequestsAfterEachFile();
