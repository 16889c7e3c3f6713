// users/{uid}/contacts and users/{uid}/notices (Reach): the owner's own, and only partly writable.
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  limit,
  orderBy,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
  type DocumentData,
} from 'firebase/firestore';
import { SHIFT_NOTICE_TYPES, contactCreate } from '@sos/model';
import { ACTORS, actorCases, startRulesHarness, type ActorName, type RulesHarness } from '../helpers/rulesEnv';
import { T0 } from './fixtures';

let h: RulesHarness;
beforeAll(async () => {
  h = await startRulesHarness('demo-sos-rules-contacts');
});
afterAll(() => h.cleanup());

const OWNER = ACTORS.staff.uid;
const CONTACTS = `users/${OWNER}/contacts`;
const SMS_PATH = `${CONTACTS}/sms-1`;
const TELEGRAM_PATH = `${CONTACTS}/telegram-4242`;
const NEW_PATH = `${CONTACTS}/new-1`;
const TEST_NOTICE_PATH = `users/${OWNER}/notices/test-1`;
const CODE_NOTICE_PATH = `users/${OWNER}/notices/code-1`;

const verifiedSms = { kind: 'sms', address: '+79120000001', verified: true, verifiedAt: T0, createdAt: T0 };
const telegram = { kind: 'telegram', address: '4242', verified: true, verifiedAt: T0, createdAt: T0 };
const notice = (type: string) => ({
  type,
  at: T0,
  title: 'SOS',
  body: 'Code 123456',
  channel: 'sms',
  status: 'emulated',
  locationId: null,
  contactId: 'sms-1',
});

beforeEach(async () => {
  await h.clear();
  await h.seed({
    [SMS_PATH]: verifiedSms,
    [TELEGRAM_PATH]: telegram,
    [TEST_NOTICE_PATH]: notice('contact_test'),
    [CODE_NOTICE_PATH]: notice('contact_code'),
  });
});

const ref = (actor: ActorName, path: string) => doc(h.db(actor), path);
const EVERYONE_ELSE = actorCases(['resident', 'otherStaff', 'foreignStaff', 'admin', 'foreignAdmin', 'anonymous']);
/** What the «Как со мной связаться» screen writes to add a phone method. */
const added = (kind: 'sms' | 'voice' = 'voice', address = '+79120000002'): DocumentData => contactCreate(kind, address, serverTimestamp());

describe('contact methods', () => {
  it('the owner reads and lists their methods', async () => {
    await assertSucceeds(getDoc(ref('staff', SMS_PATH)));
    await assertSucceeds(getDocs(collection(h.db('staff'), CONTACTS)));
  });

  it.each(EVERYONE_ELSE)("%s cannot read or list someone's methods", async (_label, actor) => {
    await assertFails(getDoc(ref(actor, SMS_PATH)));
    await assertFails(getDocs(collection(h.db(actor), CONTACTS)));
  });

  it.each([['sms'], ['voice']] as const)('the owner adds an unverified %s method on an E.164 number', async (kind) => {
    await assertSucceeds(setDoc(ref('staff', NEW_PATH), added(kind)));
  });

  it.each(EVERYONE_ELSE)('%s cannot add a method for someone else', async (_label, actor) => {
    await assertFails(setDoc(ref(actor, NEW_PATH), added()));
  });

  it.each([
    ['verified already', { verified: true }],
    ['with a verification time', { verifiedAt: T0 }],
    ['of kind telegram', { kind: 'telegram', address: '4242' }],
    ['of an unknown kind', { kind: 'pigeon' }],
    ['on a number that is not E.164', { address: '8 912 000-00-02' }],
    ['with a made-up creation time', { createdAt: T0 }],
    ['with an extra field', { label: 'work' }],
  ])('the owner cannot add a method %s', async (_label, change) => {
    await assertFails(setDoc(ref('staff', NEW_PATH), { ...added(), ...change }));
  });

  it('the owner cannot add a method without its verification fields', async () => {
    const { kind, address, createdAt } = added();
    await assertFails(setDoc(ref('staff', NEW_PATH), { kind, address, createdAt }));
  });

  it('the owner cannot verify a method, change its number or re-verify an unverified one', async () => {
    await assertFails(updateDoc(ref('staff', SMS_PATH), { address: '+79120000009' }));
    await assertFails(updateDoc(ref('staff', SMS_PATH), { verifiedAt: null }));
    await h.seed({ [NEW_PATH]: { ...verifiedSms, verified: false, verifiedAt: null } });
    await assertFails(updateDoc(ref('staff', NEW_PATH), { verified: true }));
  });

  it('the owner removes any of their methods, telegram too', async () => {
    await assertSucceeds(deleteDoc(ref('staff', SMS_PATH)));
    await assertSucceeds(deleteDoc(ref('staff', TELEGRAM_PATH)));
  });

  it.each(EVERYONE_ELSE)("%s cannot remove someone's method", async (_label, actor) => {
    await assertFails(deleteDoc(ref(actor, SMS_PATH)));
  });
});

describe('notices', () => {
  it("the owner reads a test message's notice", async () => {
    await assertSucceeds(getDoc(ref('staff', TEST_NOTICE_PATH)));
  });

  it("the owner cannot read a code's notice: it would verify a number they do not hold", async () => {
    await assertFails(getDoc(ref('staff', CODE_NOTICE_PATH)));
    await assertFails(getDocs(collection(h.db('staff'), `users/${OWNER}/notices`)));
  });

  it.each(EVERYONE_ELSE)("%s cannot read someone's notices", async (_label, actor) => {
    await assertFails(getDoc(ref(actor, TEST_NOTICE_PATH)));
  });

  /** What «Мои смены» lists: the person's shift notices, naming the types, so no code's notice can be among them. */
  const shiftNotices = (actor: ActorName) =>
    query(
      collection(h.db(actor), `users/${OWNER}/notices`),
      where('channel', '==', 'push'),
      where('type', 'in', [...SHIFT_NOTICE_TYPES]),
      orderBy('at', 'desc'),
      limit(10),
    );

  it('the owner lists their shift notices; nobody else does', async () => {
    await h.seed({ [`users/${OWNER}/notices/shift-1`]: { ...notice('shift_reminder'), channel: 'push', locationId: 'loc-home' } });
    await assertSucceeds(getDocs(shiftNotices('staff')));
    for (const [, actor] of EVERYONE_ELSE) await assertFails(getDocs(shiftNotices(actor)));
  });

  it('nobody writes a notice from a client, not even the owner', async () => {
    await assertFails(setDoc(ref('staff', `users/${OWNER}/notices/mine`), notice('contact_test')));
    await assertFails(updateDoc(ref('staff', TEST_NOTICE_PATH), { status: 'failed' }));
    await assertFails(deleteDoc(ref('staff', TEST_NOTICE_PATH)));
  });

  it('nobody reads the verification codes or Telegram links', async () => {
    await h.seed({ [`contactVerifications/${OWNER}`]: { codes: {}, codesSentAt: [], testsSentAt: [], wrongTries: 0, lockedUntil: null } });
    await h.seed({ ['telegramLinks/abc']: { uid: OWNER, createdAt: T0, expiresAt: T0, usedAt: null } });
    await assertFails(getDoc(ref('staff', `contactVerifications/${OWNER}`)));
    await assertFails(getDoc(ref('staff', 'telegramLinks/abc')));
  });
});
