// After each browser test file: the requests it made and left waiting are cancelled, as their requesters would.
// A request left open keeps its backend busy for the rest of the suite (escalation rounds every ackSeconds, alert
// steps on every channel, arrival checks; over 2,000 task invocations in one run), slowing the files after it.
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
