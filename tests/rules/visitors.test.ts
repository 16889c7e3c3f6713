// Visitors (anonymous users) and guests (signed in elsewhere or nowhere) at a QR code may ask for help there, follow
// their own request and write on it; nothing else.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
  Timestamp,
  collection,
  doc,
  getDoc,
  getDocs,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
  type DocumentData,
  type Firestore,
} from 'firebase/firestore';
import { FORM_KINDS } from '@sos/model';
import { ACTORS, ELSEWHERE, HOME, modularFirestore, startRulesHarness, type RulesHarness } from '../helpers/rulesEnv';
import { OBJECT_ID, QR_TOKEN, T0, qrPayload, storedRequest, writeMessage } from './fixtures';

let h: RulesHarness;
let visitor: Firestore;
let otherVisitor: Firestore;
const VISITOR = 'visitor-1';
const OTHER_VISITOR = 'visitor-2';
const anonymousToken = { firebase: { sign_in_provider: 'anonymous' as const, identities: {} } };

beforeAll(async () => {
  h = await startRulesHarness('demo-sos-rules-visitors');
  visitor = modularFirestore(h.env.authenticatedContext(VISITOR, anonymousToken));
  otherVisitor = modularFirestore(h.env.authenticatedContext(OTHER_VISITOR, anonymousToken));
});
afterAll(() => h.cleanup());

const REVOKED = 'qr-room-205';
const FOREIGN = 'qr-park-1';
beforeEach(async () => {
  await h.clear();
  await h.seed({
    [`locations/${HOME}`]: { name: 'Business centre', staffPhone: '+73420000000', responseMinutes: 10, ackSeconds: 60, timezone: 'UTC' },
    [`locations/${HOME}/objects/${OBJECT_ID}`]: { name: 'Room 204', kind: 'room', parentId: null, qrToken: QR_TOKEN, selectable: true },
    [`locations/${HOME}/staff/${ACTORS.staff.uid}`]: { name: 'Ivan', phone: '+7', onDuty: true, tier: 1 },
    [`qrCodes/${QR_TOKEN}`]: { locationId: HOME, objectId: OBJECT_ID, active: true, place: PLACE },
    [`qrCodes/${REVOKED}`]: { locationId: HOME, objectId: 'room-205', active: false },
    [`qrCodes/${FOREIGN}`]: { locationId: ELSEWHERE, objectId: 'lobby', active: true },
    'sosRequests/mine': storedRequest('acknowledged', { uid: VISITOR, source: 'qr', qrToken: QR_TOKEN, description: null }),
    'sosRequests/mine-done': storedRequest('resolved', { uid: VISITOR, source: 'qr', qrToken: QR_TOKEN, description: null }),
    'sosRequests/theirs': storedRequest('open', { uid: OTHER_VISITOR, source: 'qr', qrToken: QR_TOKEN, description: null }),
    'sosRequests/residents': storedRequest('open'),
    [`users/${VISITOR}/orders/mine`]: { kind: 'sos', requestId: 'mine', status: 'acknowledged' },
    [`users/${OTHER_VISITOR}/orders/theirs`]: { kind: 'sos', requestId: 'theirs', status: 'open' },
  });
});

/** What functions project onto the code: all its screen shows. */
const PLACE = {
  locationName: 'Business centre',
  staffPhone: '+73420000000',
  responseMinutes: 10,
  kinds: [...FORM_KINDS],
  emergencyNumber: '112',
  objectName: 'Room 204',
  parentName: null,
  plan: null,
};

let counter = 0;
/** A visitor's request as the QR screen writes it; `overrides` bends it. */
const visitorRequest = (overrides: DocumentData = {}) => qrPayload({ uid: VISITOR, ...overrides });
const create = (db: Firestore, data: DocumentData) => setDoc(doc(db, 'sosRequests', `v-${++counter}`), data);

describe('a visitor asks for help at a QR code', () => {
  it('creates a qr request for an active code, with or without a contact phone', async () => {
    await assertSucceeds(create(visitor, visitorRequest()));
    await assertSucceeds(create(visitor, visitorRequest({ contactPhone: '+7 912 000-00-01' })));
    await assertSucceeds(create(visitor, visitorRequest({ contactPhone: null, description: 'Плохо с сердцем' })));
  });

  it.each(FORM_KINDS)('creates a qr request of kind %s', async (kind) => {
    await assertSucceeds(create(visitor, visitorRequest({ kind })));
  });

  it.each([
    ['the one-tap emergency kind', { kind: 'emergency' }],
    ['an unknown kind', { kind: 'flood' }],
    ['a silent call', { silent: true }],
    ['a silent flag, even false', { silent: false }],
    ['a revoked code', { qrToken: REVOKED, objectId: 'room-205' }],
    ['an unknown code', { qrToken: 'qr-unknown' }],
    ["another location's code", { qrToken: FOREIGN }],
    ['a forged location', { locationId: ELSEWHERE }],
    ['a forged object', { objectId: 'room-999' }],
    ['an emergency request', { source: 'emergency', objectId: null, qrToken: null }],
    ['a form request', { source: 'form', qrToken: null, description: 'Smoke' }],
    ['a qr request without its code', { qrToken: null }],
    ["someone else's uid", { uid: OTHER_VISITOR }],
    ['a status other than new', { status: 'open' }],
    ['a forged creation time', { createdAt: Timestamp.fromMillis(T0.toMillis()) }],
    ['a contact phone over 20 characters', { contactPhone: '+7 912 000-00-01 0000' }],
    ['a contact phone that is not a phone', { contactPhone: 'call me maybe' }],
    ['the grouped flag', { grouped: true }],
    ['server fields', { requester: { name: 'Boss', phone: '+7' } }],
    ['a repeat of another request', { repeatOf: 'theirs' }],
  ])('is refused for %s', async (_label, overrides) => {
    await assertFails(create(visitor, visitorRequest(overrides)));
  });

  it("a visitor at another location's code asks for help there", async () => {
    await assertSucceeds(create(visitor, visitorRequest({ qrToken: FOREIGN, locationId: ELSEWHERE, objectId: 'lobby' })));
  });

  it('a resident cannot write a contact phone', async () => {
    await assertFails(create(h.db('resident'), qrPayload({ contactPhone: '+79120000001' })));
    await assertSucceeds(create(h.db('resident'), qrPayload()));
  });

  it('a signed-out person cannot create anything', async () => {
    await assertFails(create(h.db('anonymous'), visitorRequest({ uid: 'nobody' })));
  });
});

describe('a guest (signed in, not a member of the location) asks for help at its QR code', () => {
  const GUEST = ACTORS.foreignResident.uid;
  const NEWCOMER = 'newcomer-1';
  const guest = () => h.db('foreignResident');
  const newcomer = () => h.dbFor({ uid: NEWCOMER, role: 'resident', locationIds: [] });
  const guestRequest = (overrides: DocumentData = {}) => qrPayload({ uid: GUEST, ...overrides });

  it('creates a qr request for an active code, as a resident of another location or a new sign-up', async () => {
    await assertSucceeds(create(guest(), guestRequest()));
    await assertSucceeds(create(guest(), guestRequest({ kind: 'medical', description: 'Плохо с сердцем' })));
    await assertSucceeds(create(newcomer(), qrPayload({ uid: NEWCOMER })));
  });

  it('reads the scanned code with its place, and the request it made', async () => {
    const code = await assertSucceeds(getDoc(doc(guest(), 'qrCodes', QR_TOKEN)));
    expect(code.data()?.place).toEqual(PLACE);
    await assertSucceeds(getDoc(doc(newcomer(), 'qrCodes', QR_TOKEN)));
    await create(guest(), guestRequest());
    await assertSucceeds(getDoc(doc(guest(), 'sosRequests', `v-${counter}`)));
  });

  it("cannot read the scanned place's location or object by id", async () => {
    await assertFails(getDoc(doc(guest(), 'locations', HOME)));
    await assertFails(getDoc(doc(guest(), `locations/${HOME}/objects/${OBJECT_ID}`)));
    await assertFails(getDoc(doc(newcomer(), 'locations', HOME)));
    await assertFails(getDoc(doc(newcomer(), `locations/${HOME}/objects/${OBJECT_ID}`)));
  });

  it("cannot write the code's place", async () => {
    await assertFails(updateDoc(doc(guest(), 'qrCodes', QR_TOKEN), { place: { ...PLACE, staffPhone: '+79999999999' } }));
    await assertFails(setDoc(doc(newcomer(), 'qrCodes', 'qr-new'), { locationId: HOME, objectId: OBJECT_ID, active: true, place: PLACE }));
  });

  it.each([
    ['a revoked code', { qrToken: REVOKED, objectId: 'room-205' }],
    ['an unknown code', { qrToken: 'qr-unknown' }],
    ["another location's code", { qrToken: FOREIGN }],
    ['a mismatched object', { objectId: 'room-999' }],
    ['an emergency request', { source: 'emergency', kind: 'emergency', objectId: null, qrToken: null }],
    ['a form request', { source: 'form', qrToken: null, description: 'Smoke' }],
    ['a qr request without its code', { qrToken: null }],
    ["someone else's uid", { uid: ACTORS.resident.uid }],
    ['a contact phone (their profile has one)', { contactPhone: '+79120000001' }],
    ['a silent call', { silent: true }],
    ['a repeat of another request', { repeatOf: 'theirs' }],
    ['a status other than new', { status: 'open' }],
    ['server fields', { requester: { name: 'Boss', phone: '+7' } }],
  ])('is refused for %s', async (_label, overrides) => {
    await assertFails(create(guest(), guestRequest(overrides)));
  });

  it("a new sign-up cannot call at another location's object with this code", async () => {
    await assertFails(create(newcomer(), qrPayload({ uid: NEWCOMER, locationId: ELSEWHERE, objectId: 'lobby' })));
    await assertFails(create(newcomer(), qrPayload({ uid: NEWCOMER, objectId: 'lobby' })));
  });

  it('cannot read a revoked code, list the objects or read the roster', async () => {
    await assertFails(getDoc(doc(guest(), 'qrCodes', REVOKED)));
    await assertFails(getDocs(collection(guest(), `locations/${HOME}/objects`)));
    await assertFails(getDoc(doc(guest(), `locations/${HOME}/staff/${ACTORS.staff.uid}`)));
  });

  it('a member still calls as a member, at the code and with the one-tap call', async () => {
    await assertSucceeds(create(h.db('resident'), qrPayload()));
    await assertSucceeds(create(h.db('resident'), qrPayload({ source: 'emergency', kind: 'emergency', objectId: null, qrToken: null })));
  });
});

describe('what a visitor reads', () => {
  it('the scanned code with its place: the place, plan, staff phone and kinds its screen shows', async () => {
    const code = await assertSucceeds(getDoc(doc(visitor, 'qrCodes', QR_TOKEN)));
    expect(code.data()?.place).toEqual(PLACE);
  });

  it("not the scanned place's location or object, nor any other location", async () => {
    await assertFails(getDoc(doc(visitor, 'locations', HOME)));
    await assertFails(getDoc(doc(visitor, `locations/${HOME}/objects/${OBJECT_ID}`)));
    await assertFails(getDoc(doc(visitor, 'locations', ELSEWHERE)));
  });

  it('their own requests and orders', async () => {
    await assertSucceeds(getDoc(doc(visitor, 'sosRequests', 'mine')));
    await assertSucceeds(getDocs(collection(visitor, `users/${VISITOR}/orders`)));
  });

  it("not a revoked code, nor another's request or orders, nor any list, roster or audit trail", async () => {
    await assertFails(getDoc(doc(visitor, 'qrCodes', REVOKED)));
    await assertFails(getDoc(doc(visitor, 'sosRequests', 'theirs')));
    await assertFails(getDoc(doc(visitor, 'sosRequests', 'residents')));
    await assertFails(getDocs(query(collection(visitor, 'sosRequests'), where('uid', '==', VISITOR))));
    await assertFails(getDocs(collection(visitor, `users/${OTHER_VISITOR}/orders`)));
    await assertFails(getDocs(collection(visitor, 'qrCodes')));
    await assertFails(getDocs(collection(visitor, `locations/${HOME}/objects`)));
    await assertFails(getDoc(doc(visitor, `locations/${HOME}/staff/${ACTORS.staff.uid}`)));
    await assertFails(getDocs(collection(visitor, 'sosRequests/mine/events')));
    await assertFails(getDoc(doc(visitor, `users/${ACTORS.resident.uid}`)));
  });
});

describe('what else a visitor writes', () => {
  const message = (overrides: DocumentData = {}) => ({ uid: VISITOR, role: 'requester', text: 'Я у двери', at: serverTimestamp(), ...overrides });

  it('messages on their own active request, and reads them', async () => {
    await assertSucceeds(writeMessage(visitor, VISITOR, 'mine', 'm-1', message()));
    await assertSucceeds(getDocs(collection(visitor, 'sosRequests/mine/messages')));
  });

  it("no message on another's request, on a closed one, or as staff", async () => {
    await assertFails(writeMessage(visitor, VISITOR, 'theirs', 'm-1', message()));
    await assertFails(getDocs(collection(otherVisitor, 'sosRequests/mine/messages')));
    await assertFails(writeMessage(visitor, VISITOR, 'mine-done', 'm-1', message()));
    await assertFails(writeMessage(visitor, VISITOR, 'mine', 'm-2', message({ role: 'staff' })));
  });

  it('notes a call to the emergency services on their own active request', async () => {
    await assertSucceeds(updateDoc(doc(visitor, 'sosRequests', 'mine'), { called112At: serverTimestamp() }));
  });

  it("notes no call on another's request or on a closed one", async () => {
    await assertFails(updateDoc(doc(otherVisitor, 'sosRequests', 'mine'), { called112At: serverTimestamp() }));
    await assertFails(updateDoc(doc(visitor, 'sosRequests', 'residents'), { called112At: serverTimestamp() }));
    await assertFails(updateDoc(doc(visitor, 'sosRequests', 'mine-done'), { called112At: serverTimestamp() }));
  });

  it('cannot claim a request, edit a location, register a device or make a profile', async () => {
    await assertFails(updateDoc(doc(visitor, 'sosRequests', 'theirs'), { status: 'acknowledged', ackBy: VISITOR, ackByName: 'V', ackAt: serverTimestamp() }));
    await assertFails(updateDoc(doc(visitor, 'locations', HOME), { name: 'Mine' }));
    await assertFails(updateDoc(doc(visitor, 'locations', HOME), { kinds: ['fire'], emergencyNumber: '101' }));
    await assertFails(setDoc(doc(visitor, `users/${VISITOR}/devices/d1`), { token: 't', createdAt: serverTimestamp(), lastSeenAt: serverTimestamp() }));
    await assertFails(setDoc(doc(visitor, `users/${VISITOR}`), { displayName: 'V', phone: '', locationIds: [HOME], homeLocationId: HOME }));
    await assertFails(setDoc(doc(visitor, `qrCodes/qr-new`), { locationId: HOME, objectId: OBJECT_ID, active: true }));
    await assertFails(updateDoc(doc(visitor, 'qrCodes', QR_TOKEN), { place: { ...PLACE, staffPhone: '+79999999999' } }));
  });
});
