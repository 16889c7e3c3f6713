// onSosRequestCreated / onSosRequestUpdated against the real emulators: requests made through the
// client SDK (and the rules), inspected with the Admin SDK. Which request opens and which is rejected
// (and why) is decideNewRequest's, unit-tested case by case; here one request per path proves the wiring.
import './setup';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FieldValue } from 'firebase-admin/firestore';
import { sosRequestCreate, type SosRequestCreate } from '@sos/model';
import { peopleRefs, refs } from '../../functions/src/firestore';
import { processNewRequest } from '../../functions/src/sos/processNewRequest';
import { recordTransition } from '../../functions/src/sos/recordTransition';
import { acknowledge, createRequest, newRequestId, signIn, type ClientSession } from './clients';
import { eventFingerprint, waitForDoc, waitProcessed, writeDespiteEmulatorLocks } from './admin';
import { createResponseSite, SITE_PASSWORD, type ResponseSite } from './fixtures';

const PLAN = { width: 1000, height: 600 };
const FLOOR_1 = 'floor-1';
const FLOOR_2 = 'floor-2';
const ROOM = 'room-204';
const CAFE = 'cafe';
let site: ResponseSite;
let cafeToken: string;
let residentSession: ClientSession;
let staffSession: ClientSession;

beforeAll(async () => {
  // A site of this suite's own with two floors with plans, a room on each, and a current QR code at the café.
  site = await createResponseSite(60, 10);
  cafeToken = `qr-${randomUUID()}`;
  const object = (id: string) => refs.object(site.locationId, id);
  await Promise.all([
    object(FLOOR_1).set({ name: '1 этаж', kind: 'floor', parentId: null, plan: { url: '/plans/floor-1.svg', ...PLAN }, selectable: false }),
    object(FLOOR_2).set({ name: '2 этаж', kind: 'floor', parentId: null, plan: { url: '/plans/floor-2.svg', ...PLAN }, selectable: false }),
    object(ROOM).set({ name: 'Переговорная 204', kind: 'room', parentId: FLOOR_2, position: { x: 0.2, y: 0.25 }, selectable: true }),
    object(CAFE).set({ name: 'Кафе', kind: 'room', parentId: FLOOR_1, position: { x: 0.55, y: 0.25 }, qrToken: cafeToken, selectable: true }),
    refs.qrCode(cafeToken).set({ locationId: site.locationId, objectId: CAFE, active: true }),
  ]);
  [residentSession, staffSession] = await Promise.all([signIn(site.resident.email, SITE_PASSWORD), signIn(site.tier1.email, SITE_PASSWORD)]);
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

async function ordersOf(uid: string, requestId: string) {
  return (await refs.order(uid, requestId).parent.where('requestId', '==', requestId).get()).docs;
}

describe('a new request', () => {
  it('emergency request made by the resident becomes open with both deadlines, the requester and an order', async () => {
    const requestId = await createRequest(residentSession, { locationId: site.locationId });
    const request = await waitProcessed(requestId);

    expect(request.status).toBe('open');
    const created = request.createdAt.toMillis();
    expect(request.deadlineAt?.toMillis()).toBe(created + 10 * 60_000);
    expect(request.ackDeadlineAt?.toMillis()).toBe(created + 60_000);
    // The requester as their membership document has them.
    const member = (await peopleRefs.member(site.locationId, site.resident.uid).get()).data();
    expect(request.requester).toEqual({ name: member?.name, phone: member?.phone });
    expect(request.locationName).toBe(site.locationName);
    expect(request.objectName).toBeNull();
    expect(request.plan).toBeNull();
    expect(request.escalationLevel).toBe(0);

    const order = (await refs.order(site.resident.uid, requestId).get()).data();
    expect(order).toMatchObject({ kind: 'sos', requestId, status: 'open', locationName: site.locationName });
    expect(order?.deadlineAt?.toMillis()).toBe(created + 10 * 60_000);
    const events = (await refs.events(requestId).get()).docs.map((d) => d.data().type);
    expect(events.sort()).toEqual(expect.arrayContaining(['created', 'validated']));
  });

  it('form request gets the parent floor plan with the room marked', async () => {
    const requestId = await createRequest(residentSession, {
      locationId: site.locationId,
      source: 'form',
      objectId: ROOM,
      description: 'Плохо человеку в переговорной',
    });
    const request = await waitProcessed(requestId);
    expect(request.status).toBe('open');
    expect(request.objectName).toBe('Переговорная 204');
    expect(request.plan).toEqual({ url: '/plans/floor-2.svg', width: 1000, height: 600, marker: { x: 0.2, y: 0.25 } });
    const order = (await refs.order(site.resident.uid, requestId).get()).data();
    expect(order?.plan).toEqual(request.plan);
  });

  it('qr request with the current code gets the plan of the scanned object', async () => {
    const requestId = await createRequest(residentSession, {
      locationId: site.locationId,
      source: 'qr',
      objectId: CAFE,
      qrToken: cafeToken,
    });
    const request = await waitProcessed(requestId);
    expect(request.status).toBe('open');
    expect(request.objectName).toBe('Кафе');
    expect(request.plan).toEqual({ url: '/plans/floor-1.svg', width: 1000, height: 600, marker: { x: 0.55, y: 0.25 } });
  });
});

describe('a request that decideNewRequest refuses', () => {
  it('is rejected with its reason, in the request, the order and the audit trail', async () => {
    const requestId = await createAsServer({ uid: site.resident.uid, locationId: `gone-${newRequestId()}` });
    const request = await waitProcessed(requestId);
    expect(request).toMatchObject({ status: 'rejected', rejectReason: 'location-not-found' });
    expect((await refs.order(site.resident.uid, requestId).get()).data()).toMatchObject({ status: 'rejected', rejectReason: 'location-not-found' });
    expect((await refs.event(requestId, 'rejected').get()).data()).toMatchObject({ type: 'rejected', detail: 'location-not-found' });
  });
});

describe('a repeat', () => {
  it('of the own earlier request is accepted (the trigger reads the repeated request)', async () => {
    const first = await createRequest(residentSession, { locationId: site.locationId });
    await waitProcessed(first);
    const repeat = await createRequest(residentSession, { locationId: site.locationId, repeatOf: first });
    expect(await waitProcessed(repeat)).toMatchObject({ status: 'open', repeatOf: first });
  });
});

describe('replays change nothing', () => {
  it('processNewRequest run three more times leaves one order and the same events', async () => {
    const requestId = await createRequest(residentSession, { locationId: site.locationId });
    await waitProcessed(requestId);
    // The update trigger's response loop records its push batch after the open: let it settle first.
    await waitForDoc(refs.event(requestId, 'notified-open'), (e) => e !== undefined, 'open push batch');
    const orderBefore = await refs.order(site.resident.uid, requestId).get();
    const requestBefore = await refs.sosRequest(requestId).get();
    const eventsBefore = await eventFingerprint(requestId);

    for (let i = 0; i < 3; i++) expect(await processNewRequest(requestId)).toBeNull();

    const orders = await ordersOf(site.resident.uid, requestId);
    expect(orders).toHaveLength(1);
    expect(orders[0]?.updateTime.isEqual(orderBefore.updateTime!)).toBe(true);
    expect((await refs.sosRequest(requestId).get()).updateTime?.isEqual(requestBefore.updateTime!)).toBe(true);
    expect(await eventFingerprint(requestId)).toEqual(eventsBefore);
  });

  it('recordTransition run three more times after an acknowledgement changes nothing', async () => {
    const requestId = await createRequest(residentSession, { locationId: site.locationId });
    await waitProcessed(requestId);
    const before = (await refs.sosRequest(requestId).get()).data()!;
    await acknowledge(staffSession, requestId, site.tier1.name);
    await waitForDoc(refs.order(site.resident.uid, requestId), (o) => o?.status === 'acknowledged', 'order acknowledged');
    await waitForDoc(refs.event(requestId, 'acknowledged'), (e) => e !== undefined, 'acknowledged event');
    await waitForDoc(refs.event(requestId, 'notified-ack'), (e) => e !== undefined, 'resident push batch');
    const afterSnap = await refs.sosRequest(requestId).get();
    const orderBefore = await refs.order(site.resident.uid, requestId).get();
    const eventsBefore = await eventFingerprint(requestId);

    for (let i = 0; i < 3; i++) {
      await recordTransition(requestId, before, afterSnap.data()!, afterSnap.updateTime!);
    }

    expect((await refs.order(site.resident.uid, requestId).get()).updateTime?.isEqual(orderBefore.updateTime!)).toBe(true);
    expect(await ordersOf(site.resident.uid, requestId)).toHaveLength(1);
    expect(await eventFingerprint(requestId)).toEqual(eventsBefore);
  });
});

describe('status changes are mirrored into the order', () => {
  it('staff acknowledging through the client SDK shows in the order with who is coming', async () => {
    const requestId = await createRequest(residentSession, { locationId: site.locationId });
    await waitProcessed(requestId);
    await acknowledge(staffSession, requestId, site.tier1.name);
    const order = await waitForDoc(refs.order(site.resident.uid, requestId), (o) => o?.status === 'acknowledged', 'order acknowledged');
    expect(order?.ackByName).toBe(site.tier1.name);
    const event = await waitForDoc(refs.event(requestId, 'acknowledged'), (e) => e !== undefined, 'acknowledged event');
    expect(event).toMatchObject({ type: 'acknowledged', by: site.tier1.uid, detail: site.tier1.name });
  });

  it('a status set with the Admin SDK (resolved) is mirrored too', async () => {
    const requestId = await createRequest(residentSession, { locationId: site.locationId });
    await waitProcessed(requestId);
    await writeDespiteEmulatorLocks(() =>
      refs.sosRequest(requestId).update({
        status: 'resolved',
        resolvedBy: site.tier1.uid,
        resolvedAt: FieldValue.serverTimestamp(),
        resolution: 'Ложный вызов',
      }),
    );
    await waitForDoc(refs.order(site.resident.uid, requestId), (o) => o?.status === 'resolved', 'order resolved');
    const event = await waitForDoc(refs.event(requestId, 'resolved'), (e) => e !== undefined, 'resolved event');
    expect(event).toMatchObject({ type: 'resolved', by: site.tier1.uid, detail: 'Ложный вызов' });
  });
});
