// The functions suites' waits recheck a document over the emulator's REST API (tests/functions/admin.ts), and a failed
// recheck is ignored there: this proves the recheck reads what the Admin SDK reads.
import './setup';
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { FieldValue, GeoPoint, getFirestore, Timestamp } from 'firebase-admin/firestore';
import { readOverRest } from './admin';

it('a document read over REST equals the Admin SDK’s read of it, timestamps to the microsecond; a missing one is undefined', async () => {
  const ref = getFirestore().doc(`restReadCheck/${randomUUID()}`);
  await ref.set({
    text: 'Лифт',
    count: 3,
    share: 0.25,
    yes: true,
    nothing: null,
    at: FieldValue.serverTimestamp(),
    given: new Timestamp(1_796_576_123, 45_678_000),
    list: [1, 'два', { deep: Timestamp.fromMillis(0) }],
    map: { inner: { empty: [] }, place: new GeoPoint(58.01, 56.25) },
  });
  const viaAdmin = (await ref.get()).data();
  expect((viaAdmin?.given as Timestamp).nanoseconds).toBe(45_678_000);
  expect(await readOverRest(ref)).toEqual(viaAdmin);
  expect(await readOverRest(getFirestore().doc(`restReadCheck/${randomUUID()}`))).toBeUndefined();
  await ref.delete();
});
