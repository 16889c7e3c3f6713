// users/{uid} with its orders and devices: everything is the owner's, and only partly writable.
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { Timestamp, collection, deleteDoc, doc, getDoc, getDocs, serverTimestamp, setDoc, updateDoc, type DocumentData } from 'firebase/firestore';
import { ACTORS, ELSEWHERE, HOME, actorCases, modularFirestore, startRulesHarness, type ActorName, type RulesHarness } from '../helpers/rulesEnv';
import { T0, at } from './fixtures';

let h: RulesHarness;
beforeAll(async () => {
  h = await startRulesHarness('demo-sos-rules-users');
});
afterAll(() => h.cleanup());

const OWNER = ACTORS.resident.uid;
const USER_PATH = `users/${OWNER}`;
const ORDER_PATH = `${USER_PATH}/orders/req-1`;
const DEVICE_PATH = `${USER_PATH}/devices/phone-1`;

const profile = { displayName: 'Anna', phone: '+79120000001', locationIds: [HOME], homeLocationId: HOME };
const order = {
  kind: 'sos',
  requestId: 'req-1',
  status: 'open',
  title: 'SOS',
  locationName: 'Business centre',
  objectName: 'Room 204',
  createdAt: T0,
  deadlineAt: at(10),
  ackByName: null,
  plan: null,
  rejectReason: null,
  updatedAt: at(0),
};
const device = { token: 'fcm-token-1', createdAt: T0, lastSeenAt: T0 };

beforeEach(async () => {
  await h.clear();
  await h.seed({ [USER_PATH]: profile, [ORDER_PATH]: order, [DEVICE_PATH]: device });
});

const ref = (actor: ActorName, path: string) => doc(h.db(actor), path);
const EVERYONE_ELSE = actorCases(['otherResident', 'foreignResident', 'staff', 'foreignStaff', 'admin', 'foreignAdmin', 'anonymous']);
const EVERYONE = actorCases(['resident', 'otherResident', 'staff', 'admin', 'foreignStaff', 'foreignAdmin', 'anonymous']);

describe('the user profile', () => {
  it('the owner reads their profile', async () => {
    await assertSucceeds(getDoc(ref('resident', USER_PATH)));
  });

  it.each(EVERYONE_ELSE)("%s cannot read the resident's profile", async (_label, actor) => {
    await assertFails(getDoc(ref(actor, USER_PATH)));
  });

  it('nobody lists user profiles', async () => {
    await assertFails(getDocs(collection(h.db('admin'), 'users')));
  });

  it('the owner edits their display name and phone', async () => {
    await assertSucceeds(updateDoc(ref('resident', USER_PATH), { displayName: 'Anna S.', phone: '+79120000009' }));
  });

  it.each(EVERYONE_ELSE)("%s cannot edit the resident's profile", async (_label, actor) => {
    await assertFails(updateDoc(ref(actor, USER_PATH), { displayName: 'Hacked' }));
  });

  it.each([
    ['locationIds', [HOME, ELSEWHERE]],
    ['homeLocationId', ELSEWHERE],
    ['role', 'admin'],
  ])('the owner cannot change %s', async (field, value) => {
    await assertFails(updateDoc(ref('resident', USER_PATH), { [field]: value }));
  });

  it('the owner renames themselves in any script', async () => {
    await assertSucceeds(updateDoc(ref('resident', USER_PATH), { displayName: 'Анна Смирнова' }));
    await assertSucceeds(updateDoc(ref('resident', USER_PATH), { displayName: 'Zoë' }));
  });

  it.each([
    ['an empty name', ''],
    ['a name of spaces', '   '],
    ['a name without a letter', '!!!'],
    ['a name with leading or trailing spaces', ' Anna '],
    ['a name over 100 characters', 'A'.repeat(101)],
    ['a name that is not a string', 42],
  ])('the owner cannot save %s', async (_label, displayName) => {
    await assertFails(updateDoc(ref('resident', USER_PATH), { displayName }));
  });

  it.each([
    ['words', 'call me maybe'],
    ['a number as typed, not E.164', '8 912 000 00 09'],
    ['no phone', ''],
    ['a phone over 15 digits', '+79120000009123456'],
    ['a number', 79120000009],
  ])('the owner cannot save %s as their phone', async (_label, phone) => {
    await assertFails(updateDoc(ref('resident', USER_PATH), { phone }));
  });

  it('a name and phone written before these checks do not stop the owner switching their language', async () => {
    await h.seed({ [USER_PATH]: { ...profile, displayName: ' Anna ', phone: '' } });
    await assertSucceeds(updateDoc(ref('resident', USER_PATH), { locale: 'en' }));
    await assertFails(updateDoc(ref('resident', USER_PATH), { locale: 'ru', displayName: ' Anna S. ' }));
  });

  it('a user cannot create their own profile', async () => {
    await assertFails(setDoc(ref('otherResident', `users/${ACTORS.otherResident.uid}`), { ...profile, displayName: 'Boris' }));
  });

  it('the owner cannot replace their profile wholesale', async () => {
    await assertFails(setDoc(ref('resident', USER_PATH), { ...profile, locationIds: [ELSEWHERE] }));
  });

  it.each(EVERYONE)('%s cannot delete a profile', async (_label, actor) => {
    await assertFails(deleteDoc(ref(actor, USER_PATH)));
  });
});

describe('signing up: the new person creates their own profile, with no location', () => {
  const NEWCOMER = 'newcomer-1';
  const newcomerDb = () => h.dbFor({ uid: NEWCOMER, role: 'resident', locationIds: [] });
  const signUpProfile = { displayName: 'Boris', phone: '+79120000077', locale: 'ru', locationIds: [], homeLocationId: null };

  it('the newcomer creates their profile', async () => {
    await assertSucceeds(setDoc(doc(newcomerDb(), `users/${NEWCOMER}`), signUpProfile));
  });

  it('the newcomer signs up with a Cyrillic name', async () => {
    await assertSucceeds(setDoc(doc(newcomerDb(), `users/${NEWCOMER}`), { ...signUpProfile, displayName: 'Борис Ёлкин' }));
  });

  it.each([
    ['a location', { locationIds: [HOME] }],
    ['a home location', { homeLocationId: HOME }],
    ['a phone that is not E.164', { phone: '8 912 000 00 77' }],
    ['a phone over 20 characters', { phone: '+79120000077123456789' }],
    ['an empty name', { displayName: '' }],
    ['a name of spaces', { displayName: '   ' }],
    ['a name without a letter', { displayName: '!!!' }],
    ['an untrimmed name', { displayName: 'Boris ' }],
    ['a language other than ru or en', { locale: 'de' }],
    ['claimsUpdatedAt', { claimsUpdatedAt: T0 }],
    ['a role', { role: 'admin' }],
  ])('the newcomer cannot create their profile with %s', async (_label, change) => {
    await assertFails(setDoc(doc(newcomerDb(), `users/${NEWCOMER}`), { ...signUpProfile, ...change }));
  });

  it("nobody creates someone else's profile", async () => {
    await assertFails(setDoc(ref('admin', `users/${NEWCOMER}`), signUpProfile));
    await assertFails(setDoc(ref('anonymous', `users/${NEWCOMER}`), signUpProfile));
  });

  it('an anonymous visitor cannot create a profile', async () => {
    const visitor = h.env.authenticatedContext('visitor-1', { firebase: { sign_in_provider: 'anonymous' } });
    await assertFails(setDoc(doc(modularFirestore(visitor), 'users/visitor-1'), signUpProfile));
  });

  it('the owner switches their language, to ru or en only', async () => {
    await assertSucceeds(updateDoc(ref('resident', USER_PATH), { locale: 'en' }));
    await assertSucceeds(updateDoc(ref('resident', USER_PATH), { locale: 'ru' }));
    await assertFails(updateDoc(ref('resident', USER_PATH), { locale: 'fr' }));
  });

  it.each([
    ['a number', 1],
    ['null', null],
    ['a list', ['en']],
    ['an upper-case code', 'EN'],
  ])('the owner cannot store %s as their language', async (_label, locale) => {
    await assertFails(updateDoc(ref('resident', USER_PATH), { locale }));
  });

  it.each(EVERYONE_ELSE)("%s cannot switch the resident's language", async (_label, actor) => {
    await assertFails(updateDoc(ref(actor, USER_PATH), { locale: 'en' }));
  });

  it('the owner cannot write claimsUpdatedAt (functions do)', async () => {
    await assertFails(updateDoc(ref('resident', USER_PATH), { claimsUpdatedAt: T0 }));
  });
});

describe('orders (the mirror of the requests)', () => {
  it('the owner reads their order', async () => {
    await assertSucceeds(getDoc(ref('resident', ORDER_PATH)));
  });

  it('the owner lists their orders', async () => {
    await assertSucceeds(getDocs(collection(h.db('resident'), `${USER_PATH}/orders`)));
  });

  it.each(EVERYONE_ELSE)("%s cannot read the resident's order", async (_label, actor) => {
    await assertFails(getDoc(ref(actor, ORDER_PATH)));
  });

  it.each(EVERYONE_ELSE)("%s cannot list the resident's orders", async (_label, actor) => {
    await assertFails(getDocs(collection(h.db(actor), `${USER_PATH}/orders`)));
  });

  it('the owner cannot write their order (only functions do)', async () => {
    await assertFails(updateDoc(ref('resident', ORDER_PATH), { status: 'resolved' }));
  });

  it('the owner cannot create an order', async () => {
    await assertFails(setDoc(ref('resident', `${USER_PATH}/orders/req-2`), { ...order, requestId: 'req-2' }));
  });

  it.each(actorCases(['staff', 'admin']))('%s cannot write an order', async (_label, actor) => {
    await assertFails(updateDoc(ref(actor, ORDER_PATH), { status: 'resolved' }));
  });

  it.each(EVERYONE)('%s cannot delete an order', async (_label, actor) => {
    await assertFails(deleteDoc(ref(actor, ORDER_PATH)));
  });
});

describe('push devices', () => {
  const newDevice = (overrides: DocumentData = {}): DocumentData => ({
    token: 'fcm-token-2',
    createdAt: serverTimestamp(),
    lastSeenAt: serverTimestamp(),
    ...overrides,
  });
  const NEW_DEVICE = `${USER_PATH}/devices/phone-2`;

  it('the owner reads their devices', async () => {
    await assertSucceeds(getDocs(collection(h.db('resident'), `${USER_PATH}/devices`)));
  });

  it.each(EVERYONE_ELSE)("%s cannot read the resident's devices", async (_label, actor) => {
    await assertFails(getDoc(ref(actor, DEVICE_PATH)));
  });

  it('the owner registers a device at server time', async () => {
    await assertSucceeds(setDoc(ref('resident', NEW_DEVICE), newDevice()));
  });

  it.each(EVERYONE_ELSE)('%s cannot register a device for the resident', async (_label, actor) => {
    await assertFails(setDoc(ref(actor, NEW_DEVICE), newDevice()));
  });

  it.each([
    ['a client clock createdAt', { createdAt: Timestamp.now() }],
    ['a client clock lastSeenAt', { lastSeenAt: Timestamp.now() }],
    ['an empty token', { token: '' }],
    ['a token that is not a string', { token: 42 }],
    ['an extra field', { platform: 'android' }],
  ])('the owner cannot register a device with %s', async (_label, overrides) => {
    await assertFails(setDoc(ref('resident', NEW_DEVICE), newDevice(overrides)));
  });

  it('the owner refreshes the token and last-seen time', async () => {
    await assertSucceeds(updateDoc(ref('resident', DEVICE_PATH), { token: 'fcm-token-1b', lastSeenAt: serverTimestamp() }));
  });

  it.each(EVERYONE_ELSE)("%s cannot refresh the resident's device", async (_label, actor) => {
    await assertFails(updateDoc(ref(actor, DEVICE_PATH), { token: 'stolen', lastSeenAt: serverTimestamp() }));
  });

  it('the owner cannot rewrite when the device was registered', async () => {
    await assertFails(updateDoc(ref('resident', DEVICE_PATH), { createdAt: serverTimestamp(), lastSeenAt: serverTimestamp() }));
  });

  it('the owner cannot refresh with a client clock lastSeenAt', async () => {
    await assertFails(updateDoc(ref('resident', DEVICE_PATH), { lastSeenAt: Timestamp.now() }));
  });

  it.each(EVERYONE)('%s cannot delete a device', async (_label, actor) => {
    await assertFails(deleteDoc(ref(actor, DEVICE_PATH)));
  });
});
