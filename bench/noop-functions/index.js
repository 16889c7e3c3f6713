// @ts-check
// The bench's baseline: a trigger that does the least a trigger can (one write, no reads), on a bench-only
// collection, so the app's triggers are measured against what the emulator charges any trigger.
import { initializeApp } from 'firebase-admin/app';
import { FieldValue, getFirestore } from 'firebase-admin/firestore';
import { onDocumentCreated } from 'firebase-functions/v2/firestore';

const db = getFirestore(initializeApp());

export const benchNoopCreated = onDocumentCreated('benchNoop/{id}', async (event) => {
  await db.doc(`benchNoop/${event.params.id}`).update({ done: true, doneAt: FieldValue.serverTimestamp() });
});
