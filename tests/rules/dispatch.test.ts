// dispatch/{locationId}: the backend's copy of the roster with push tokens. Server-only: no client reads or writes it.
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { assertFails } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc } from 'firebase/firestore';
import { paths } from '@sos/model';
import { HOME, actorCases, startRulesHarness, type RulesHarness } from '../helpers/rulesEnv';

let h: RulesHarness;
beforeAll(async () => {
  h = await startRulesHarness('demo-sos-rules-dispatch');
});
afterAll(() => h.cleanup());

const DISPATCH_PATH = paths.dispatch(HOME);
const dispatch = {
  location: { name: 'Business centre', staffPhone: '+73422580078', responseMinutes: 10, ackSeconds: 60, timezone: 'UTC', admins: ['admin-1'] },
  recipients: { 'staff-1': { tier: 1, admin: false, devices: { phone: 'secret-token' } } },
  recipientUids: ['staff-1'],
  rebuiltAt: new Date(),
};

beforeEach(async () => {
  await h.clear();
  await h.seed({ [DISPATCH_PATH]: dispatch });
});

const EVERY_CLIENT = actorCases(['resident', 'staff', 'admin', 'foreignStaff', 'foreignAdmin', 'anonymous']);

describe('the dispatch document (push tokens of the on-duty staff)', () => {
  it.each(EVERY_CLIENT)('%s cannot read it or list them', async (_label, actor) => {
    await assertFails(getDoc(doc(h.db(actor), DISPATCH_PATH)));
    await assertFails(getDocs(collection(h.db(actor), paths.dispatches())));
  });

  it.each(EVERY_CLIENT)('%s cannot write it', async (_label, actor) => {
    const ref = doc(h.db(actor), DISPATCH_PATH);
    await assertFails(setDoc(ref, dispatch));
    await assertFails(updateDoc(ref, { recipientUids: [] }));
    await assertFails(deleteDoc(ref));
  });
});
