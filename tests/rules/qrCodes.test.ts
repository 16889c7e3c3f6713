// qrCodes: context, not permission. Members read active codes of their locations; admins manage them; only functions
// write a code's place (the public projection its screen shows).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where } from 'firebase/firestore';
import { ELSEWHERE, HOME, actorCases, startRulesHarness, type ActorName, type RulesHarness } from '../helpers/rulesEnv';

let h: RulesHarness;
beforeAll(async () => {
  h = await startRulesHarness('demo-sos-rules-qrcodes');
});
afterAll(() => h.cleanup());

const ACTIVE = 'qrCodes/qr-room-204';
const REVOKED = 'qrCodes/qr-room-205';
const FOREIGN = 'qrCodes/qr-park-1';
const PLACE = {
  locationName: 'Business centre',
  staffPhone: '+73422580078',
  responseMinutes: 10,
  kinds: ['medical', 'fire', 'security', 'lift', 'leak', 'other'],
  emergencyNumber: '112',
  objectName: 'Room 204',
  parentName: '2nd floor',
  plan: { url: '/plans/floor-2.svg', width: 1000, height: 600, marker: { x: 0.2, y: 0.25 } },
};

beforeEach(async () => {
  await h.clear();
  await h.seed({
    [ACTIVE]: { locationId: HOME, objectId: 'room-204', active: true, place: PLACE },
    [REVOKED]: { locationId: HOME, objectId: 'room-205', active: false },
    [FOREIGN]: { locationId: ELSEWHERE, objectId: 'park-1', active: true },
  });
});

const ref = (actor: ActorName, path: string) => doc(h.db(actor), path);
const byLocation = (actor: ActorName, locationId: string) => query(collection(h.db(actor), 'qrCodes'), where('locationId', '==', locationId));
const NOT_ITS_ADMIN = actorCases(['resident', 'staff', 'foreignResident', 'foreignStaff', 'foreignAdmin', 'anonymous']);

describe('reading a code', () => {
  it.each(actorCases(['resident', 'staff', 'admin']))('%s reads an active code of their location', async (_label, actor) => {
    await assertSucceeds(getDoc(ref(actor, ACTIVE)));
  });

  it.each(actorCases(['foreignResident', 'foreignStaff', 'foreignAdmin']))(
    '%s reads an active code of the location, as a guest at the wall',
    async (_label, actor) => {
      await assertSucceeds(getDoc(ref(actor, ACTIVE)));
    },
  );

  it.each(actorCases(['resident', 'admin', 'foreignResident', 'foreignAdmin']))('%s reads the place the active code shows', async (_label, actor) => {
    const code = await assertSucceeds(getDoc(ref(actor, ACTIVE)));
    expect(code.data()?.place).toEqual(PLACE);
  });

  it("a signed-out reader (the first paint of the wall's screen) reads an active code and its place", async () => {
    const code = await assertSucceeds(getDoc(ref('anonymous', ACTIVE)));
    expect(code.data()?.place).toEqual(PLACE);
  });

  it('a signed-out reader cannot read a revoked code', async () => {
    await assertFails(getDoc(ref('anonymous', REVOKED)));
  });

  it('resident reads an active code of another location, as a guest there', async () => {
    await assertSucceeds(getDoc(ref('resident', FOREIGN)));
  });

  it.each(actorCases(['foreignResident', 'foreignStaff']))('%s cannot list the codes of the location', async (_label, actor) => {
    await assertFails(getDocs(byLocation(actor, HOME)));
  });

  it.each(actorCases(['resident', 'staff', 'foreignAdmin']))('%s cannot read a revoked code', async (_label, actor) => {
    await assertFails(getDoc(ref(actor, REVOKED)));
  });

  it('the admin reads a revoked code of their location', async () => {
    await assertSucceeds(getDoc(ref('admin', REVOKED)));
  });

  it('a signed-in user reads an unknown token as missing', async () => {
    await assertSucceeds(getDoc(ref('foreignResident', 'qrCodes/qr-unknown')));
  });

  it('an unauthenticated visitor cannot probe an unknown token', async () => {
    await assertFails(getDoc(ref('anonymous', 'qrCodes/qr-unknown')));
  });

  it("the admin lists their location's codes", async () => {
    await assertSucceeds(getDocs(byLocation('admin', HOME)));
  });

  it.each(NOT_ITS_ADMIN)("%s cannot list the location's codes", async (_label, actor) => {
    await assertFails(getDocs(byLocation(actor, HOME)));
  });

  it('the admin cannot list every code', async () => {
    await assertFails(getDocs(collection(h.db('admin'), 'qrCodes')));
  });
});

describe('issuing and revoking codes', () => {
  const fresh = { locationId: HOME, objectId: 'room-206', active: true };

  it('the admin issues a code for an object of their location', async () => {
    await assertSucceeds(setDoc(ref('admin', 'qrCodes/qr-room-206'), fresh));
  });

  it.each(NOT_ITS_ADMIN)('%s cannot issue a code for the location', async (_label, actor) => {
    await assertFails(setDoc(ref(actor, 'qrCodes/qr-room-206'), fresh));
  });

  it('the admin cannot issue a code for another location', async () => {
    await assertFails(setDoc(ref('admin', 'qrCodes/qr-park-2'), { ...fresh, locationId: ELSEWHERE }));
  });

  it.each([
    ['already revoked', { active: false }],
    ['without an object', { objectId: '' }],
    ['with a field the contract does not know', { note: 'x' }],
  ])('the admin cannot issue a code %s', async (_label, change) => {
    await assertFails(setDoc(ref('admin', 'qrCodes/qr-room-206'), { ...fresh, ...change }));
  });

  it('the admin cannot issue a code with a place of their own', async () => {
    await assertFails(setDoc(ref('admin', 'qrCodes/qr-room-206'), { ...fresh, place: PLACE }));
    await assertFails(setDoc(ref('admin', 'qrCodes/qr-room-206'), { ...fresh, place: null }));
  });

  it.each(actorCases(['resident', 'staff', 'admin', 'foreignResident', 'foreignAdmin', 'anonymous']))(
    "%s cannot write a code's place",
    async (_label, actor) => {
      await assertFails(updateDoc(ref(actor, ACTIVE), { place: { ...PLACE, staffPhone: '+79999999999' } }));
      await assertFails(updateDoc(ref(actor, ACTIVE), { active: false, place: null }));
    },
  );

  it('the admin revokes a code (its place stays as functions wrote it)', async () => {
    await assertSucceeds(updateDoc(ref('admin', ACTIVE), { active: false }));
  });

  it('the admin cannot bring a revoked code back (reissue makes a new one)', async () => {
    await assertFails(updateDoc(ref('admin', REVOKED), { active: true }));
  });

  it.each(NOT_ITS_ADMIN)('%s cannot revoke a code of the location', async (_label, actor) => {
    await assertFails(updateDoc(ref(actor, ACTIVE), { active: false }));
  });

  it.each([
    ['to another object', { objectId: 'room-999' }],
    ['to another location', { locationId: ELSEWHERE }],
  ])('the admin cannot repoint a code %s', async (_label, change) => {
    await assertFails(updateDoc(ref('admin', ACTIVE), change));
  });

  it('the admin cannot take over a code of another location', async () => {
    await assertFails(updateDoc(ref('admin', FOREIGN), { locationId: HOME }));
  });

  it.each(actorCases(['resident', 'staff', 'admin', 'foreignStaff', 'foreignAdmin', 'anonymous']))('%s cannot delete a code', async (_label, actor) => {
    await assertFails(deleteDoc(ref(actor, ACTIVE)));
  });
});
