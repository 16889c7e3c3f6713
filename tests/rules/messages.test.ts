// Messages on a request: the requester and the location's staff and admins, while it is active; immutable.
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { Timestamp, collection, deleteDoc, doc, getDoc, getDocs, serverTimestamp, setDoc, updateDoc, writeBatch, type DocumentData } from 'firebase/firestore';
import type { SosStatus } from '@sos/model';
import { ACTORS, actorCases, startRulesHarness, type ActorName, type RulesHarness } from '../helpers/rulesEnv';
import { T0, storedRequest } from './fixtures';

let h: RulesHarness;
beforeAll(async () => {
  h = await startRulesHarness('demo-sos-rules-messages');
});
afterAll(() => h.cleanup());

const REQUEST_PATH = 'sosRequests/req-1';
const MESSAGES = `${REQUEST_PATH}/messages`;
const STORED = `${MESSAGES}/m-0`;
const stored = { uid: ACTORS.staff.uid, role: 'staff', text: 'Иду', at: T0 };

const seed = (status: SosStatus) => h.seed({ [REQUEST_PATH]: storedRequest(status), [STORED]: stored });
beforeEach(async () => {
  await h.clear();
  await seed('acknowledged');
});

const ROLE: Partial<Record<ActorName, string>> = { resident: 'requester', staff: 'staff', otherStaff: 'staff', admin: 'admin' };
const uidOf = (actor: ActorName) => (actor === 'anonymous' ? 'nobody' : ACTORS[actor].uid);
/** What each actor's app writes: own uid, own side, server time. */
const message = (actor: ActorName, overrides: DocumentData = {}): DocumentData => ({
  uid: uidOf(actor),
  role: ROLE[actor] ?? 'requester',
  text: 'Позвоните мне',
  at: serverTimestamp(),
  ...overrides,
});
let counter = 0;
const write = (actor: ActorName, data: DocumentData) => setDoc(doc(h.db(actor), `${MESSAGES}/m-${++counter}`), data);

const PARTICIPANTS = actorCases(['resident', 'staff', 'otherStaff', 'admin']);
const OUTSIDERS = actorCases(['otherResident', 'foreignResident', 'foreignStaff', 'foreignAdmin', 'anonymous']);

describe('who writes', () => {
  it.each(PARTICIPANTS)('%s writes a message on an active request', async (_label, actor) => {
    for (const status of ['new', 'open', 'acknowledged', 'on_site'] as const) {
      await h.seed({ [REQUEST_PATH]: storedRequest(status) });
      await assertSucceeds(write(actor, message(actor)));
    }
  });

  it.each(OUTSIDERS)('%s cannot write a message', async (_label, actor) => {
    await assertFails(write(actor, message(actor)));
  });

  it.each(PARTICIPANTS)('%s cannot write once the request is resolved, cancelled or rejected', async (_label, actor) => {
    for (const status of ['resolved', 'cancelled', 'rejected'] as const) {
      await h.seed({ [REQUEST_PATH]: storedRequest(status) });
      await assertFails(write(actor, message(actor)));
    }
  });

  it('nobody writes on a request that does not exist', async () => {
    await assertFails(setDoc(doc(h.db('resident'), 'sosRequests/req-missing/messages/m-1'), message('resident')));
    await assertFails(setDoc(doc(h.db('staff'), 'sosRequests/req-missing/messages/m-1'), message('staff')));
  });
});

describe('a message beside a change of the request, in one batch', () => {
  /** The message and the request's update committed together: the rules see the request as the batch leaves it. */
  const withUpdate = (actor: ActorName, change: DocumentData) => {
    const batch = writeBatch(h.db(actor));
    batch.set(doc(h.db(actor), `${MESSAGES}/m-${++counter}`), message(actor));
    batch.update(doc(h.db(actor), REQUEST_PATH), change);
    return batch.commit();
  };

  it('the requester cannot cancel and write a message in one batch', async () => {
    await assertFails(withUpdate('resident', { status: 'cancelled', cancelledAt: serverTimestamp() }));
  });

  it('the cancel alone still passes', async () => {
    await assertSucceeds(updateDoc(doc(h.db('resident'), REQUEST_PATH), { status: 'cancelled', cancelledAt: serverTimestamp() }));
  });

  it('staff cannot resolve and write a message in one batch', async () => {
    await assertFails(withUpdate('staff', { status: 'resolved', resolvedBy: ACTORS.staff.uid, resolvedAt: serverTimestamp(), resolution: 'Done' }));
  });

  it('the requester notes a 112 call and writes a message in one batch: the request stays active', async () => {
    await assertSucceeds(withUpdate('resident', { called112At: serverTimestamp() }));
  });

  it('staff claim an open request and write a message in one batch', async () => {
    await h.seed({ [REQUEST_PATH]: storedRequest('open'), [`users/${ACTORS.staff.uid}`]: { displayName: 'Ivan', phone: '+79120000002' } });
    await assertSucceeds(withUpdate('staff', { status: 'acknowledged', ackBy: ACTORS.staff.uid, ackByName: 'Ivan', ackAt: serverTimestamp() }));
  });
});

describe('what is written', () => {
  it('text from 1 to 500 characters', async () => {
    await assertSucceeds(write('resident', message('resident', { text: 'я' })));
    await assertSucceeds(write('staff', message('staff', { text: 'x'.repeat(500) })));
    await assertFails(write('staff', message('staff', { text: 'x'.repeat(501) })));
    await assertFails(write('resident', message('resident', { text: '' })));
    await assertFails(write('resident', message('resident', { text: '   ' })));
    await assertFails(write('resident', message('resident', { text: 42 })));
  });

  it('a forged author or time is refused', async () => {
    await assertFails(write('resident', message('resident', { uid: ACTORS.staff.uid })));
    await assertFails(write('staff', message('staff', { uid: ACTORS.resident.uid })));
    await assertFails(write('resident', message('resident', { at: Timestamp.fromMillis(T0.toMillis()) })));
    await assertFails(write('staff', message('staff', { at: Timestamp.now() })));
  });

  it('each writes as their own side: staff cannot pose as the requester or an admin, nor the requester as staff', async () => {
    await assertFails(write('staff', message('staff', { role: 'requester' })));
    await assertFails(write('staff', message('staff', { role: 'admin' })));
    await assertFails(write('admin', message('admin', { role: 'staff' })));
    await assertFails(write('resident', message('resident', { role: 'staff' })));
  });

  it('no extra or missing fields', async () => {
    await assertFails(write('resident', message('resident', { urgent: true })));
    const withoutRole = message('resident');
    delete withoutRole.role;
    await assertFails(write('resident', withoutRole));
  });
});

describe('who reads', () => {
  it.each(PARTICIPANTS)('%s reads the messages', async (_label, actor) => {
    await assertSucceeds(getDocs(collection(h.db(actor), MESSAGES)));
    await assertSucceeds(getDoc(doc(h.db(actor), STORED)));
  });

  it.each(OUTSIDERS)('%s cannot read the messages', async (_label, actor) => {
    await assertFails(getDocs(collection(h.db(actor), MESSAGES)));
    await assertFails(getDoc(doc(h.db(actor), STORED)));
  });

  it('the requester still reads them after resolution', async () => {
    await seed('resolved');
    await assertSucceeds(getDocs(collection(h.db('resident'), MESSAGES)));
  });
});

describe('messages are immutable', () => {
  it.each([...PARTICIPANTS, ...OUTSIDERS])('%s cannot edit or delete a message', async (_label, actor) => {
    await assertFails(updateDoc(doc(h.db(actor), STORED), { text: 'edited' }));
    await assertFails(deleteDoc(doc(h.db(actor), STORED)));
  });
});
