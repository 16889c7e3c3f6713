// Messages on a request: the requester and the location's staff and admins, while it is active; immutable; at most
// 10 a minute per writer, counted in the writer's rate document bumped in the batch of each message.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
  Timestamp,
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  increment,
  serverTimestamp,
  setDoc,
  updateDoc,
  writeBatch,
  type DocumentData,
} from 'firebase/firestore';
import { MESSAGES_PER_MINUTE, MESSAGE_RATE_WINDOW_MS, paths, type SosStatus } from '@sos/model';
import { ACTORS, HOME, RULES_PATH, actorCases, startRulesHarness, type ActorName, type RulesHarness } from '../helpers/rulesEnv';
import { T0, storedRequest, writeMessage } from './fixtures';

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
const rateOf = (actor: ActorName) => paths.messageRate('req-1', uidOf(actor));
/** What each actor's app writes: own uid, own side, server time. */
const message = (actor: ActorName, overrides: DocumentData = {}): DocumentData => ({
  uid: uidOf(actor),
  role: ROLE[actor] ?? 'requester',
  text: 'Позвоните мне',
  at: serverTimestamp(),
  ...overrides,
});
let counter = 0;
/** A message as the actor's app writes it, with the bump of the actor's rate document in the same batch. */
const write = (actor: ActorName, data: DocumentData) => writeMessage(h.db(actor), uidOf(actor), 'req-1', `m-${++counter}`, data);

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
  /** The message (with its rate bump) and the request's update committed together: the rules see the request as the batch leaves it. */
  const withUpdate = (actor: ActorName, change: DocumentData) => {
    const messageId = `m-${++counter}`;
    const batch = writeBatch(h.db(actor));
    batch.set(doc(h.db(actor), `${MESSAGES}/${messageId}`), message(actor));
    batch.set(doc(h.db(actor), rateOf(actor)), { windowStart: serverTimestamp(), count: 1, lastMessageId: messageId });
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
    await h.seed({
      [REQUEST_PATH]: storedRequest('open'),
      [`locations/${HOME}/staff/${ACTORS.staff.uid}`]: { name: 'Ivan', phone: '', onDuty: true, tier: 1 },
    });
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

describe('at most 10 messages a minute per writer', () => {
  /** A message and a hand-made rate write in one batch: what a client that does not follow the app might send. */
  const batchOf = (actor: ActorName, messageId: string, rate: DocumentData | null, op: 'set' | 'update' = 'set', ratePath = rateOf(actor)) => {
    const batch = writeBatch(h.db(actor));
    batch.set(doc(h.db(actor), `${MESSAGES}/${messageId}`), message(actor));
    if (rate && op === 'set') batch.set(doc(h.db(actor), ratePath), rate);
    if (rate && op === 'update') batch.update(doc(h.db(actor), ratePath), rate);
    return batch.commit();
  };
  const rateDoc = async (actor: ActorName) => (await getDoc(doc(h.db(actor), rateOf(actor)))).data();
  const secondsAgo = (seconds: number) => Timestamp.fromMillis(Date.now() - seconds * 1000);

  it('the rules count with the model’s limit and window', () => {
    const rules = readFileSync(RULES_PATH, 'utf8');
    expect(rules).toContain(`incoming().count <= ${MESSAGES_PER_MINUTE}`);
    expect(rules).toContain(`duration.value(${MESSAGE_RATE_WINDOW_MS / 1000}, 's')`);
  });

  it.each(actorCases(['resident', 'staff', 'admin']))('%s sends 10 messages in a minute; the 11th is refused either way', async (_label, actor) => {
    for (let i = 0; i < MESSAGES_PER_MINUTE; i++) await assertSucceeds(write(actor, message(actor)));
    expect(await rateDoc(actor)).toMatchObject({ count: 10 });
    // As the app does (a new window), and as a client that counts on (an 11th in the window).
    await assertFails(write(actor, message(actor)));
    await assertFails(batchOf(actor, 'm-eleventh', { count: increment(1), lastMessageId: 'm-eleventh' }, 'update'));
    expect(await rateDoc(actor)).toMatchObject({ count: 10 });
  });

  it('a new window once the last started 60 s ago', async () => {
    await h.seed({ [rateOf('resident')]: { windowStart: secondsAgo(61), count: 10, lastMessageId: 'm-0' } });
    await assertSucceeds(write('resident', message('resident')));
    expect(await rateDoc('resident')).toMatchObject({ count: 1 });
  });

  it('no new window while the last is younger than 60 s, even when it is not full', async () => {
    await h.seed({ [rateOf('resident')]: { windowStart: secondsAgo(30), count: 3, lastMessageId: 'm-0' } });
    await assertFails(batchOf('resident', 'm-restart', { windowStart: serverTimestamp(), count: 1, lastMessageId: 'm-restart' }));
    await assertSucceeds(write('resident', message('resident')));
    expect(await rateDoc('resident')).toMatchObject({ count: 4 });
  });

  it('counting on in an old window is allowed (the writer’s clock never decides)', async () => {
    await h.seed({ [rateOf('staff')]: { windowStart: secondsAgo(3600), count: 4, lastMessageId: 'm-0' } });
    await assertSucceeds(write('staff', message('staff')));
    expect(await rateDoc('staff')).toMatchObject({ count: 5 });
  });

  it('a message without its rate bump is refused', async () => {
    await assertFails(setDoc(doc(h.db('resident'), `${MESSAGES}/m-alone`), message('resident')));
    await assertFails(batchOf('resident', 'm-other', { windowStart: serverTimestamp(), count: 1, lastMessageId: 'm-another' }));
  });

  it("a bump of another person's rate document is refused", async () => {
    await assertFails(batchOf('resident', 'm-theirs', { windowStart: serverTimestamp(), count: 1, lastMessageId: 'm-theirs' }, 'set', rateOf('staff')));
    await h.seed({ [rateOf('staff')]: { windowStart: secondsAgo(10), count: 2, lastMessageId: 'm-0' } });
    await assertFails(batchOf('resident', 'm-theirs', { count: increment(1), lastMessageId: 'm-theirs' }, 'update', rateOf('staff')));
  });

  it('a bump without a message is refused, and so is one naming a message written before', async () => {
    await assertFails(setDoc(doc(h.db('resident'), rateOf('resident')), { windowStart: serverTimestamp(), count: 1, lastMessageId: 'm-never' }));
    await assertFails(setDoc(doc(h.db('staff'), rateOf('staff')), { windowStart: serverTimestamp(), count: 1, lastMessageId: 'm-0' }));
  });

  it('a count that skips, a window set by the client clock, or extra fields are refused', async () => {
    await h.seed({ [rateOf('resident')]: { windowStart: secondsAgo(10), count: 2, lastMessageId: 'm-0' } });
    await assertFails(batchOf('resident', 'm-skip', { count: increment(-1), lastMessageId: 'm-skip' }, 'update'));
    await assertFails(batchOf('resident', 'm-skip', { count: 1, lastMessageId: 'm-skip' }, 'update'));
    await assertFails(batchOf('resident', 'm-moved', { windowStart: secondsAgo(5), count: increment(1), lastMessageId: 'm-moved' }, 'update'));
    await h.seed({ [rateOf('staff')]: { windowStart: secondsAgo(120), count: 10, lastMessageId: 'm-0' } });
    await assertFails(batchOf('staff', 'm-clock', { windowStart: Timestamp.now(), count: 1, lastMessageId: 'm-clock' }));
    await assertFails(batchOf('staff', 'm-extra', { windowStart: serverTimestamp(), count: 1, lastMessageId: 'm-extra', note: 'x' }));
    await assertFails(batchOf('staff', 'm-zero', { windowStart: serverTimestamp(), count: 0, lastMessageId: 'm-zero' }));
    await assertFails(batchOf('staff', 'm-nameless', { windowStart: serverTimestamp(), count: 1 }));
    await assertFails(batchOf('staff', 'm-long', { windowStart: serverTimestamp(), count: 1, lastMessageId: 'm'.repeat(129) }));
  });

  it('nobody resets a count by deleting it', async () => {
    await h.seed({ [rateOf('resident')]: { windowStart: secondsAgo(10), count: 10, lastMessageId: 'm-0' } });
    await assertFails(deleteDoc(doc(h.db('resident'), rateOf('resident'))));
  });

  it.each(actorCases(['otherResident', 'foreignStaff', 'anonymous']))('%s cannot bump a rate document on the request', async (_label, actor) => {
    await assertFails(batchOf(actor, 'm-outsider', { windowStart: serverTimestamp(), count: 1, lastMessageId: 'm-outsider' }));
  });

  it('the writer reads their own rate document; nobody else does', async () => {
    await h.seed({ [rateOf('resident')]: { windowStart: secondsAgo(10), count: 2, lastMessageId: 'm-0' } });
    await assertSucceeds(getDoc(doc(h.db('resident'), rateOf('resident'))));
    await assertSucceeds(getDoc(doc(h.db('staff'), rateOf('staff'))));
    await assertFails(getDoc(doc(h.db('staff'), rateOf('resident'))));
    await assertFails(getDoc(doc(h.db('admin'), rateOf('resident'))));
  });
});
