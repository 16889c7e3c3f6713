// Plan images (`locations/{id}/plans/{objectId}`): the location's admins upload, replace and remove them in the batch
// that sets the object's `plan`; members read them, and anyone reads one an active wall code shows (`public`).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
  Bytes,
  Timestamp,
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  serverTimestamp,
  writeBatch,
  type DocumentData,
  type Firestore,
} from 'firebase/firestore';
import { MAX_PLAN_BYTES, MAX_PLAN_SIDE, planPaths, paths, uploadedPlanOf } from '@sos/model';
import { ELSEWHERE, HOME, actorCases, modularFirestore, startRulesHarness, type ActorName, type RulesHarness } from '../helpers/rulesEnv';

let h: RulesHarness;
/** Signed in anonymously at a QR code: no claims. */
let visitor: Firestore;
beforeAll(async () => {
  h = await startRulesHarness('demo-sos-rules-plans');
  visitor = modularFirestore(h.env.authenticatedContext('visitor-1', { firebase: { sign_in_provider: 'anonymous', identities: {} } }));
});
afterAll(() => h.cleanup());

/** A floor with an uploaded plan no wall code shows yet, and one whose plan a code shows. */
const FLOOR = 'floor-1';
const SHOWN = 'floor-2';
const PNG = Bytes.fromUint8Array(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
const SIZE = { width: 400, height: 300 };

const floor = (objectId: string): DocumentData => ({
  name: objectId,
  kind: 'floor',
  parentId: null,
  plan: uploadedPlanOf(HOME, objectId, SIZE),
  position: null,
  qrToken: null,
  selectable: false,
});
const stored = (overrides: DocumentData = {}): DocumentData => ({
  contentType: 'image/png',
  data: PNG,
  ...SIZE,
  updatedAt: Timestamp.fromMillis(Date.UTC(2026, 0, 15)),
  ...overrides,
});

beforeEach(async () => {
  await h.clear();
  await h.seed({
    [paths.location(HOME)]: { name: 'Business centre', staffPhone: '+73420000000', responseMinutes: 10, ackSeconds: 60, timezone: 'UTC' },
    [paths.object(HOME, FLOOR)]: floor(FLOOR),
    [paths.object(HOME, SHOWN)]: floor(SHOWN),
    [paths.object(HOME, 'floor-3')]: { ...floor('floor-3'), plan: null },
    [planPaths.plan(HOME, FLOOR)]: stored(),
    [planPaths.plan(HOME, SHOWN)]: stored({ public: true }),
  });
});

const dbOf = (actor: ActorName | 'visitor') => (actor === 'visitor' ? visitor : h.db(actor));

/** What the app's «Загрузить план» writes: the image and the object's `plan`, in one batch (`image` bends the image). */
function upload(actor: ActorName | 'visitor', objectId: string, image: DocumentData = {}, plan: DocumentData = uploadedPlanOf(HOME, objectId, SIZE)) {
  const db = dbOf(actor);
  const batch = writeBatch(db);
  batch.set(doc(db, planPaths.plan(HOME, objectId)), { contentType: 'image/png', data: PNG, ...SIZE, updatedAt: serverTimestamp(), ...image }, { merge: true });
  batch.update(doc(db, paths.object(HOME, objectId)), { plan });
  return batch.commit();
}

/** What «Удалить план» writes: the object's `plan` cleared and the image deleted, in one batch. */
function remove(actor: ActorName, objectId: string) {
  const db = h.db(actor);
  const batch = writeBatch(db);
  batch.update(doc(db, paths.object(HOME, objectId)), { plan: null });
  batch.delete(doc(db, planPaths.plan(HOME, objectId)));
  return batch.commit();
}

const NOT_ITS_ADMIN = actorCases(['resident', 'staff', 'foreignResident', 'foreignStaff', 'foreignAdmin', 'anonymous']);
const MEMBERS = actorCases(['resident', 'staff', 'admin']);
const OUTSIDERS = actorCases(['foreignResident', 'foreignStaff', 'foreignAdmin', 'anonymous']);

describe('uploading and replacing a plan', () => {
  it('the admin uploads a plan to a floor with the floor’s plan in the same batch', async () => {
    await assertSucceeds(upload('admin', 'floor-3'));
  });

  it('the admin replaces a plan a wall code shows, with a new size; it stays readable by visitors', async () => {
    await assertSucceeds(upload('admin', SHOWN, { width: 800, height: 500 }, uploadedPlanOf(HOME, SHOWN, { width: 800, height: 500 })));
    await assertSucceeds(getDoc(doc(visitor, planPaths.plan(HOME, SHOWN))));
  });

  it('the admin uploads an image of exactly the largest size, in bytes and in pixels', async () => {
    const largest = { width: MAX_PLAN_SIDE, height: MAX_PLAN_SIDE };
    await assertSucceeds(
      upload('admin', 'floor-3', { data: Bytes.fromUint8Array(new Uint8Array(MAX_PLAN_BYTES)), ...largest }, uploadedPlanOf(HOME, 'floor-3', largest)),
    );
  });

  it.each(['image/jpeg', 'image/webp', 'image/svg+xml'])('the admin uploads a plan of type %s', async (contentType) => {
    await assertSucceeds(upload('admin', 'floor-3', { contentType }));
  });

  it.each(NOT_ITS_ADMIN)('%s cannot upload or replace a plan', async (_label, actor) => {
    await assertFails(upload(actor, 'floor-3'));
    await assertFails(upload(actor, FLOOR));
  });

  it('a visitor cannot upload a plan', async () => {
    await assertFails(upload('visitor', 'floor-3'));
  });

  it.each([
    ['an image over the byte limit', { data: Bytes.fromUint8Array(new Uint8Array(MAX_PLAN_BYTES + 1)) }],
    ['no bytes', { data: Bytes.fromUint8Array(new Uint8Array(0)) }],
    ['the image as a string', { data: 'iVBORw0KGgo=' }],
    ['a PDF', { contentType: 'application/pdf' }],
    ['an HTML page', { contentType: 'text/html' }],
    ['a field the contract does not know', { name: 'plan.png' }],
    ['`public` set by a client', { public: true }],
    ['a time that is not the server’s', { updatedAt: Timestamp.fromMillis(0) }],
  ])('the admin cannot upload %s', async (_label, image) => {
    await assertFails(upload('admin', 'floor-3', image));
  });

  it.each([
    ['wider than the largest side', { width: MAX_PLAN_SIDE + 1, height: 300 }],
    ['of no height', { width: 400, height: 0 }],
    ['of a fractional width', { width: 400.5, height: 300 }],
  ])('the admin cannot upload a plan %s', async (_label, size) => {
    await assertFails(upload('admin', 'floor-3', size, uploadedPlanOf(HOME, 'floor-3', size)));
  });

  it('the admin cannot replace a plan by dropping `public`, which functions keep', async () => {
    const db = h.db('admin');
    const batch = writeBatch(db);
    batch.set(doc(db, planPaths.plan(HOME, SHOWN)), { contentType: 'image/png', data: PNG, ...SIZE, updatedAt: serverTimestamp() });
    batch.update(doc(db, paths.object(HOME, SHOWN)), { plan: uploadedPlanOf(HOME, SHOWN, SIZE) });
    await assertFails(batch.commit());
  });

  it.each([
    ['of another size than the image', uploadedPlanOf(HOME, 'floor-3', { width: 401, height: 300 })],
    ['naming another object’s image', uploadedPlanOf(HOME, FLOOR, SIZE)],
    ['naming another location', uploadedPlanOf(ELSEWHERE, 'floor-3', SIZE)],
    ['with a field the contract does not know', { ...uploadedPlanOf(HOME, 'floor-3', SIZE), url: '/plans/x.svg' }],
  ])('the object’s plan cannot be %s', async (_label, plan) => {
    await assertFails(upload('admin', 'floor-3', {}, plan));
  });

  it('an image is never written without its object’s plan, nor an object’s plan without its image', async () => {
    const db = h.db('admin');
    await assertFails(
      writeBatch(db)
        .set(doc(db, planPaths.plan(HOME, 'floor-3')), { contentType: 'image/png', data: PNG, ...SIZE, updatedAt: serverTimestamp() })
        .commit(),
    );
    await assertFails(
      writeBatch(db)
        .update(doc(db, paths.object(HOME, 'floor-3')), { plan: uploadedPlanOf(HOME, 'floor-3', SIZE) })
        .commit(),
    );
    await assertFails(
      writeBatch(db)
        .set(doc(db, planPaths.plan(HOME, 'no-such-object')), { contentType: 'image/png', data: PNG, ...SIZE, updatedAt: serverTimestamp() })
        .commit(),
    );
  });

  it('an object with an uploaded plan is still renamed without touching its plan', async () => {
    await assertSucceeds(
      writeBatch(h.db('admin'))
        .update(doc(h.db('admin'), paths.object(HOME, FLOOR)), { name: 'First floor' })
        .commit(),
    );
  });

  it('a shipped plan file is still set the way the demo does', async () => {
    await assertSucceeds(
      writeBatch(h.db('admin'))
        .update(doc(h.db('admin'), paths.object(HOME, 'floor-3')), { plan: { url: '/plans/demo-bc-floor-1.svg', width: 1000, height: 600 } })
        .commit(),
    );
  });
});

describe('removing a plan', () => {
  it('the admin removes a plan no wall code shows, clearing the object’s plan in the same batch', async () => {
    await assertSucceeds(remove('admin', FLOOR));
  });

  it('the admin cannot delete a plan its object still names', async () => {
    await assertFails(deleteDoc(doc(h.db('admin'), planPaths.plan(HOME, FLOOR))));
  });

  it('the admin cannot remove a plan a wall code shows', async () => {
    await assertFails(remove('admin', SHOWN));
  });

  it.each(NOT_ITS_ADMIN)('%s cannot remove a plan', async (_label, actor) => {
    await assertFails(remove(actor, FLOOR));
  });
});

describe('reading a plan', () => {
  const read = (db: Firestore, objectId: string) => getDoc(doc(db, planPaths.plan(HOME, objectId)));

  it.each(MEMBERS)('%s reads the location’s plans, shown on the wall or not, and lists them', async (_label, actor) => {
    await assertSucceeds(read(h.db(actor), FLOOR));
    await assertSucceeds(read(h.db(actor), SHOWN));
    const plans = await assertSucceeds(getDocs(collection(h.db(actor), planPaths.plans(HOME))));
    expect(plans.size).toBe(2);
  });

  it.each(OUTSIDERS)('%s reads a plan an active wall code shows, and no other', async (_label, actor) => {
    await assertSucceeds(read(h.db(actor), SHOWN));
    await assertFails(read(h.db(actor), FLOOR));
    await assertFails(read(h.db(actor), 'floor-3'));
  });

  it('a visitor reads a plan an active wall code shows, and no other', async () => {
    await assertSucceeds(read(visitor, SHOWN));
    await assertFails(read(visitor, FLOOR));
  });

  it.each([...OUTSIDERS, ['a visitor', 'visitor'] as [string, 'visitor']])('%s cannot list the plans', async (_label, actor) => {
    await assertFails(getDocs(collection(dbOf(actor), planPaths.plans(HOME))));
  });
});
