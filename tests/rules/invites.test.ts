// invites/{code}: written only by functions; only the admins of its location read them.
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where } from 'firebase/firestore';
import { ELSEWHERE, HOME, actorCases, startRulesHarness, type ActorName, type RulesHarness } from '../helpers/rulesEnv';
import { T0, at } from './fixtures';

let h: RulesHarness;
beforeAll(async () => {
  h = await startRulesHarness('demo-sos-rules-invites');
});
afterAll(() => h.cleanup());

const CODE = 'Zm9vYmFyYmF6cXV4cXV1eHF1dXo';
const INVITE_PATH = `invites/${CODE}`;
const invite = {
  locationId: HOME,
  role: 'staff',
  createdBy: 'admin-1',
  createdAt: T0,
  expiresAt: at(60 * 24),
  maxUses: 1,
  uses: 0,
  revoked: false,
  acceptedBy: [],
};

beforeEach(async () => {
  await h.clear();
  await h.seed({ [INVITE_PATH]: invite, [`invites/other-${CODE}`]: { ...invite, locationId: ELSEWHERE } });
});

const ref = (actor: ActorName, path = INVITE_PATH) => doc(h.db(actor), path);
const ofHome = (actor: ActorName) => query(collection(h.db(actor), 'invites'), where('locationId', '==', HOME));
const NOT_ITS_ADMIN = actorCases(['resident', 'otherResident', 'staff', 'foreignResident', 'foreignStaff', 'foreignAdmin', 'anonymous']);
const EVERYONE = actorCases(['resident', 'staff', 'admin', 'foreignAdmin', 'anonymous']);

describe('invitations', () => {
  it("the location's admin reads an invitation and lists the location's invitations", async () => {
    await assertSucceeds(getDoc(ref('admin')));
    await assertSucceeds(getDocs(ofHome('admin')));
  });

  it.each(NOT_ITS_ADMIN)('%s cannot read an invitation of the location', async (_label, actor) => {
    await assertFails(getDoc(ref(actor)));
  });

  it.each(NOT_ITS_ADMIN)("%s cannot list the location's invitations", async (_label, actor) => {
    await assertFails(getDocs(ofHome(actor)));
  });

  it('nobody lists every invitation (an admin only those of their locations)', async () => {
    await assertFails(getDocs(collection(h.db('admin'), 'invites')));
  });

  it('an unknown code reads as denied, so codes cannot be probed', async () => {
    await assertFails(getDoc(ref('resident', 'invites/guessed-code-guessed-code')));
  });

  it.each(EVERYONE)('%s cannot create, change or delete an invitation', async (_label, actor) => {
    await assertFails(setDoc(ref(actor, `invites/new-${CODE}`), { ...invite, createdBy: 'x' }));
    await assertFails(updateDoc(ref(actor), { uses: 0, maxUses: 1000 }));
    await assertFails(updateDoc(ref(actor), { revoked: true }));
    await assertFails(deleteDoc(ref(actor)));
  });
});
