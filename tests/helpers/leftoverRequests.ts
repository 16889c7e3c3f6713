// After each functions or browser test file: the requests it made and left waiting are cancelled, as their requesters
// would. A request left open keeps its backend busy for the rest of the suite (escalation rounds every ackSeconds, alert
// steps on every channel, arrival checks; over 2,000 task invocations in one browser run), slowing the files after it:
// the escalation suite took 27 s alone and up to 166 s after the others.
// It cancels every request of the emulators' project made since the file started, so it relies on the files of those
// suites running one at a time (vitest.config.ts) and one suite after the other (scripts/test-emulated.mjs).
import { afterAll, beforeAll } from 'vitest';
import { FieldValue, getFirestore, Timestamp } from 'firebase-admin/firestore';
import { cancelWrite, isCancellable, paths, type SosStatus } from '@sos/model';
import { useEmulators } from '../../scripts/seed';

/** Cancels every request created at or after `since` that can still be cancelled; returns how many it cancelled. */
export async function cancelRequestsCreatedSince(since: Date): Promise<number> {
  useEmulators();
  const db = getFirestore();
  const made = await db.collection(paths.sosRequests()).where('createdAt', '>=', Timestamp.fromDate(since)).get();
  const cancelled = await Promise.all(
    made.docs
      .filter((request) => isCancellable(request.get('status') as SosStatus))
      .map((request) =>
        db.runTransaction(async (tx) => {
          const status = (await tx.get(request.ref)).get('status') as SosStatus;
          if (!isCancellable(status)) return false;
          tx.update(request.ref, { ...cancelWrite(FieldValue.serverTimestamp()) });
          return true;
        }),
      ),
  );
  return cancelled.filter(Boolean).length;
}

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
