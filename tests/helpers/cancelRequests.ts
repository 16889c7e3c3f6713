// Cancels the requests made since a moment, as their requesters would: after each functions or browser test file
// (leftoverRequests.ts) and before the bench's chaos run (bench/run.ts), so what an earlier part left waiting does not
// keep the backend busy (escalation rounds, alert steps, arrival checks).
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
