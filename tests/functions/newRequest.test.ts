// onSosRequestCreated / onSosRequestUpdated against the real emulators: requests made through the
// client SDK (and the rules), inspected with the Admin SDK.
import './setup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FieldValue } from 'firebase-admin/firestore';
import { paths, sosRequestCreate, type SosRequestCreate } from '@sos/model';
import { seed } from '../../scripts/seed';
import { DEMO_ACCOUNTS, DEMO_LOCATIONS } from '../../scripts/demo-data';
import { db, refs } from '../../functions/src/firestore';
import { processNewRequest } from '../../functions/src/sos/processNewRequest';
import { recordTransition } from '../../functions/src/sos/recordTransition';
import { acknowledge, createRequest, newRequestId, signIn, type ClientSession } from './clients';
import { eventFingerprint, waitForDoc, waitProcessed, writeDespiteEmulatorLocks } from './admin';

const { resident, staff, admin } = DEMO_ACCOUNTS;
let residentSession: ClientSession;
let staffSession: ClientSession;

beforeAll(async () => {
  // The demo data, unless the browser suite's setup (run in parallel, in the same emulators) has written it: seeding
  // again would put its demo staff back on duty in the middle of a browser test that took them off.
  if (!(await refs.location(Object.keys(DEMO_LOCATIONS)[0]!).get()).exists) await seed();
  [residentSession, staffSession] = await Promise.all([signIn(resident.email), signIn(staff.email)]);
});

afterAll(async () => {
  await Promise.all([residentSession.close(), staffSession.close()]);
});

/** Writes a request with the Admin SDK, bypassing the rules (what a malicious or stale client could leave behind). */
async function createAsServer(request: Partial<SosRequestCreate<FieldValue>> & { uid: string; locationId: string }): Promise<string> {
  const requestId = newRequestId();
  await refs.sosRequest(requestId).set(sosRequestCreate({ source: 'emergency', ...request }, FieldValue.serverTimestamp()));
  return requestId;
}

/** Writes a document off the contract (untyped), as only a compromised writer could. */
async function createOffContract(fields: Record<string, unknown>): Promise<string> {
  const requestId = newRequestId();
  await db.doc(paths.sosRequest(requestId)).set({ ...fields, status: 'new', createdAt: FieldValue.serverTimestamp() });
  return requestId;
}

async function ordersOf(uid: string, requestId: string) {
  return (await refs.order(uid, requestId).parent.where('requestId', '==', requestId).get()).docs;
}

describe('a new request', () => {
  it('emergency request made by the resident becomes open with both deadlines, the requester and an order', async () => {
    const requestId = await createRequest(residentSession, { locationId: 'demo-bc' });
    const request = await waitProcessed(requestId);

    expect(request.status).toBe('open');
    const created = request.createdAt.toMillis();
    expect(request.deadlineAt?.toMillis()).toBe(created + 10 * 60_000);
    expect(request.ackDeadlineAt?.toMillis()).toBe(created + 60_000);
    expect(request.requester).toEqual({ name: resident.displayName, phone: resident.phone });
    expect(request.locationName).toBe('Бизнес-центр «Демо»');
    expect(request.objectName).toBeNull();
    expect(request.plan).toBeNull();
    expect(request.escalationLevel).toBe(0);

    const order = (await refs.order(resident.uid, requestId).get()).data();
    expect(order).toMatchObject({ kind: 'sos', requestId, status: 'open', locationName: 'Бизнес-центр «Демо»' });
    expect(order?.deadlineAt?.toMillis()).toBe(created + 10 * 60_000);
    const events = (await refs.events(requestId).get()).docs.map((d) => d.data().type);
    expect(events.sort()).toEqual(expect.arrayContaining(['created', 'validated']));
  });

  it('form request gets the parent floor plan with the room marked', async () => {
    const requestId = await createRequest(residentSession, {
      locationId: 'demo-bc',
      source: 'form',
      objectId: 'bc-a-2-204',
      description: 'Плохо человеку в переговорной',
    });
    const request = await waitProcessed(requestId);
    expect(request.status).toBe('open');
    expect(request.objectName).toBe('Переговорная 204');
    expect(request.plan).toEqual({ url: '/plans/demo-bc-floor-2.svg', width: 1000, height: 600, marker: { x: 0.2, y: 0.25 } });
    const order = (await refs.order(resident.uid, requestId).get()).data();
    expect(order?.plan).toEqual(request.plan);
  });

  it('qr request with the current code gets the plan of the scanned object', async () => {
    const requestId = await createRequest(residentSession, {
      locationId: 'demo-bc',
      source: 'qr',
      objectId: 'bc-a-1-cafe',
      qrToken: 'qr-bc-a-1-cafe',
    });
    const request = await waitProcessed(requestId);
    expect(request.status).toBe('open');
    expect(request.objectName).toBe('Кафе');
    expect(request.plan).toEqual({ url: '/plans/demo-bc-floor-1.svg', width: 1000, height: 600, marker: { x: 0.55, y: 0.25 } });
  });
});

describe('an invalid request is rejected with a reason', () => {
  it('location that does not exist', async () => {
    const requestId = await createAsServer({ uid: resident.uid, locationId: `gone-${newRequestId()}` });
    const request = await waitProcessed(requestId);
    expect(request).toMatchObject({ status: 'rejected', rejectReason: 'location-not-found' });
    expect((await refs.order(resident.uid, requestId).get()).data()).toMatchObject({ status: 'rejected', rejectReason: 'location-not-found' });
    expect((await refs.event(requestId, 'rejected').get()).data()).toMatchObject({ type: 'rejected', detail: 'location-not-found' });
  });

  it('requester who is not a member of the location', async () => {
    const requestId = await createAsServer({ uid: resident.uid, locationId: 'demo-park' });
    expect(await waitProcessed(requestId)).toMatchObject({ status: 'rejected', rejectReason: 'not-a-member' });
    expect((await refs.event(requestId, 'rejected').get()).data()).toMatchObject({ type: 'rejected', detail: 'not-a-member' });
  });

  it('form request without a description', async () => {
    const requestId = await createAsServer({ uid: resident.uid, locationId: 'demo-bc', source: 'form', objectId: 'bc-a-2-204', description: '  ' });
    expect(await waitProcessed(requestId)).toMatchObject({ status: 'rejected', rejectReason: 'invalid-request' });
    expect((await refs.order(resident.uid, requestId).get()).data()).toMatchObject({ status: 'rejected', rejectReason: 'invalid-request' });
  });

  it('source outside the contract', async () => {
    const requestId = await createOffContract({
      uid: resident.uid,
      locationId: 'demo-bc',
      objectId: null,
      source: 'telepathy',
      description: 'Помогите',
      repeatOf: null,
    });
    expect(await waitProcessed(requestId)).toMatchObject({ status: 'rejected', rejectReason: 'invalid-request' });
  });

  it("repeat of another user's request", async () => {
    const foreign = await createAsServer({ uid: admin.uid, locationId: 'demo-bc' });
    await waitProcessed(foreign);
    const requestId = await createRequest(residentSession, { locationId: 'demo-bc', repeatOf: foreign });
    expect(await waitProcessed(requestId)).toMatchObject({ status: 'rejected', rejectReason: 'repeat-of-foreign' });
  });

  it('repeat of the own earlier request is accepted', async () => {
    const first = await createRequest(residentSession, { locationId: 'demo-bc' });
    await waitProcessed(first);
    const repeat = await createRequest(residentSession, { locationId: 'demo-bc', repeatOf: first });
    expect(await waitProcessed(repeat)).toMatchObject({ status: 'open', repeatOf: first });
  });

  it('object that does not exist', async () => {
    const requestId = await createRequest(residentSession, {
      locationId: 'demo-bc',
      source: 'form',
      objectId: 'no-such-room',
      description: 'Пожар',
    });
    expect(await waitProcessed(requestId)).toMatchObject({ status: 'rejected', rejectReason: 'object-not-found' });
  });

  it('object of another location', async () => {
    const requestId = await createRequest(residentSession, {
      locationId: 'demo-bc',
      source: 'form',
      objectId: 'park-1',
      description: 'Пожар',
    });
    expect(await waitProcessed(requestId)).toMatchObject({ status: 'rejected', rejectReason: 'object-not-found' });
  });

  it('revoked QR code (token no longer the object’s)', async () => {
    const requestId = await createRequest(residentSession, {
      locationId: 'demo-bc',
      source: 'qr',
      objectId: 'bc-a-1-lobby',
      qrToken: 'qr-bc-a-1-lobby-old',
    });
    expect(await waitProcessed(requestId)).toMatchObject({ status: 'rejected', rejectReason: 'qr-revoked' });
  });
});

describe('replays change nothing', () => {
  it('processNewRequest run three more times leaves one order and the same events', async () => {
    const requestId = await createRequest(residentSession, { locationId: 'demo-bc' });
    await waitProcessed(requestId);
    // The update trigger's response loop records its push batch after the open: let it settle first.
    await waitForDoc(refs.event(requestId, 'notified-open'), (e) => e !== undefined, 'open push batch');
    const orderBefore = await refs.order(resident.uid, requestId).get();
    const requestBefore = await refs.sosRequest(requestId).get();
    const eventsBefore = await eventFingerprint(requestId);

    for (let i = 0; i < 3; i++) expect(await processNewRequest(requestId)).toBeNull();

    const orders = await ordersOf(resident.uid, requestId);
    expect(orders).toHaveLength(1);
    expect(orders[0]?.updateTime.isEqual(orderBefore.updateTime!)).toBe(true);
    expect((await refs.sosRequest(requestId).get()).updateTime?.isEqual(requestBefore.updateTime!)).toBe(true);
    expect(await eventFingerprint(requestId)).toEqual(eventsBefore);
  });

  it('recordTransition run three more times after an acknowledgement changes nothing', async () => {
    const requestId = await createRequest(residentSession, { locationId: 'demo-bc' });
    await waitProcessed(requestId);
    const before = (await refs.sosRequest(requestId).get()).data()!;
    await acknowledge(staffSession, requestId, staff.displayName);
    await waitForDoc(refs.order(resident.uid, requestId), (o) => o?.status === 'acknowledged', 'order acknowledged');
    await waitForDoc(refs.event(requestId, 'acknowledged'), (e) => e !== undefined, 'acknowledged event');
    await waitForDoc(refs.event(requestId, 'notified-ack'), (e) => e !== undefined, 'resident push batch');
    const afterSnap = await refs.sosRequest(requestId).get();
    const orderBefore = await refs.order(resident.uid, requestId).get();
    const eventsBefore = await eventFingerprint(requestId);

    for (let i = 0; i < 3; i++) {
      await recordTransition(requestId, before, afterSnap.data()!, afterSnap.updateTime!);
    }

    expect((await refs.order(resident.uid, requestId).get()).updateTime?.isEqual(orderBefore.updateTime!)).toBe(true);
    expect(await ordersOf(resident.uid, requestId)).toHaveLength(1);
    expect(await eventFingerprint(requestId)).toEqual(eventsBefore);
  });
});

describe('status changes are mirrored into the order', () => {
  it('staff acknowledging through the client SDK shows in the order with who is coming', async () => {
    const requestId = await createRequest(residentSession, { locationId: 'demo-bc' });
    await waitProcessed(requestId);
    await acknowledge(staffSession, requestId, staff.displayName);
    const order = await waitForDoc(refs.order(resident.uid, requestId), (o) => o?.status === 'acknowledged', 'order acknowledged');
    expect(order?.ackByName).toBe(staff.displayName);
    const event = await waitForDoc(refs.event(requestId, 'acknowledged'), (e) => e !== undefined, 'acknowledged event');
    expect(event).toMatchObject({ type: 'acknowledged', by: staff.uid, detail: staff.displayName });
  });

  it('a status set with the Admin SDK (resolved) is mirrored too', async () => {
    const requestId = await createRequest(residentSession, { locationId: 'demo-bc' });
    await waitProcessed(requestId);
    await writeDespiteEmulatorLocks(() =>
      refs.sosRequest(requestId).update({
        status: 'resolved',
        resolvedBy: staff.uid,
        resolvedAt: FieldValue.serverTimestamp(),
        resolution: 'Ложный вызов',
      }),
    );
    await waitForDoc(refs.order(resident.uid, requestId), (o) => o?.status === 'resolved', 'order resolved');
    const event = await waitForDoc(refs.event(requestId, 'resolved'), (e) => e !== undefined, 'resolved event');
    expect(event).toMatchObject({ type: 'resolved', by: staff.uid, detail: 'Ложный вызов' });
  });
});
