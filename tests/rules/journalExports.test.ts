// journalExports/{sha256 of a token}: the journal export's one-time links (Reports). Only functions make, read and use
// them; the link's token is the whole permission of a download, so no client, not even the admin who asked for it, reads
// or writes one (firestore.rules has no match for them).
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { assertFails } from '@firebase/rules-unit-testing';
import { Timestamp, collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc } from 'firebase/firestore';
import { reportPaths, type JournalExportTicket } from '@sos/model';
import { ACTORS, HOME, actorCases, startRulesHarness, type RulesHarness } from '../helpers/rulesEnv';

let h: RulesHarness;
beforeAll(async () => {
  h = await startRulesHarness('demo-sos-rules-journal-exports');
});
afterAll(() => h.cleanup());

const HASH = 'a'.repeat(64);
const PATH = reportPaths.journalExport(HASH);
const ticket: JournalExportTicket = {
  uid: ACTORS.admin.uid,
  locationId: HOME,
  from: '2026-01-01',
  to: '2026-01-31',
  startMillis: 0,
  endMillis: 1,
  format: 'csv',
  locale: 'ru',
  createdAt: Timestamp.fromMillis(0),
  expiresAt: Timestamp.fromMillis(300_000),
  usedAt: null,
};

beforeEach(async () => {
  await h.clear();
  await h.seed({ [PATH]: ticket });
});

describe('journal export links', () => {
  it.each(actorCases(['admin', 'staff', 'resident', 'foreignAdmin', 'anonymous']))('%s cannot read, list, make, use or delete one', async (_label, actor) => {
    const db = h.db(actor);
    await assertFails(getDoc(doc(db, PATH)));
    await assertFails(getDocs(collection(db, 'journalExports')));
    await assertFails(setDoc(doc(db, reportPaths.journalExport('b'.repeat(64))), ticket));
    await assertFails(updateDoc(doc(db, PATH), { usedAt: Timestamp.fromMillis(1) }));
    await assertFails(deleteDoc(doc(db, PATH)));
  });
});
