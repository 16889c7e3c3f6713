// A flood at one QR code is one alarm, against the real emulators: 50 visitor requests at one code join the first
// one's response (one escalation chain, one open push), the admins are told once of a possible abuse, one claim
// answers every visitor, and when the first visitor cancels, the next request leads.
import './setup';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doc, serverTimestamp, setDoc, updateDoc } from 'firebase/firestore';
import { VISITOR_ABUSE_LIMIT } from '@sos/model';
import { refs } from '../../functions/src/firestore';
import { acknowledge, newRequestId, signIn, signInAsVisitor, type ClientSession } from './clients';
import { waitForDoc, waitForQuery } from './admin';
import { createResponseSite, deliveriesOf, SITE_PASSWORD, type ResponseSite } from './fixtures';

const FLOOD = 50;
let site: ResponseSite;
let visitors: ClientSession[];
let guard: ClientSession;

/** A place with a wall code of its own, so each test's flood is counted apart. */
async function placeWithCode(name: string): Promise<{ objectId: string; token: string }> {
  const objectId = `place-${randomUUID().slice(0, 8)}`;
  const token = `qr-${randomUUID()}`;
  await Promise.all([
    refs.object(site.locationId, objectId).set({ name, kind: 'zone', parentId: null, qrToken: token, selectable: true }),
    refs.qrCode(token).set({ locationId: site.locationId, objectId, active: true }),
  ]);
  return { objectId, token };
}

async function askForHelp(visitor: ClientSession, place: { objectId: string; token: string }): Promise<string> {
  const requestId = newRequestId();
  await setDoc(doc(visitor.db, 'sosRequests', requestId), {
    uid: visitor.uid,
    locationId: site.locationId,
    objectId: place.objectId,
    source: 'qr',
    description: null,
    repeatOf: null,
    qrToken: place.token,
    status: 'new',
    createdAt: serverTimestamp(),
  });
  return requestId;
}

/** The requests at a code, opened, in the order they were made (server time, then id). */
async function openedAt(token: string, count: number) {
  const docs = await waitForQuery(
    refs.sosRequests().where('qrToken', '==', token),
    (found) => found.length === count && found.every((d) => d.data().status !== 'new'),
    `${count} requests at the code processed`,
    180_000,
  );
  return docs
    .map((d) => ({ id: d.id, request: d.data() }))
    .sort((a, b) => a.request.createdAt.toMillis() - b.request.createdAt.toMillis() || a.id.localeCompare(b.id));
}

beforeAll(async () => {
  site = await createResponseSite(5);
  [guard, ...visitors] = await Promise.all([signIn(site.tier1.email, SITE_PASSWORD), signInAsVisitor(), signInAsVisitor(), signInAsVisitor()]);
});

afterAll(async () => {
  await Promise.all([guard, ...visitors].map((session) => session.close()));
});

describe('a flood at one QR code', () => {
  it('is one alarm: one chain, one abuse alert to the admins, and one claim answers every visitor', { timeout: 300_000 }, async () => {
    const place = await placeWithCode('Холл у входа');
    const ids: string[] = [];
    for (let i = 0; i < FLOOD; i++) ids.push(await askForHelp(visitors[i % visitors.length]!, place));

    const opened = await openedAt(place.token, FLOOD);
    expect(opened.map(({ request }) => request.status)).toEqual(Array<string>(FLOOD).fill('open'));
    const [leader, ...members] = opened;
    expect(leader!.request.groupOf).toBeUndefined();
    expect(members.map(({ request }) => request.groupOf)).toEqual(Array<string>(FLOOD - 1).fill(leader!.id));
    expect(members.every(({ request }) => request.grouped === true)).toBe(true);

    // One open push and one escalation chain: the leader's. The grouped requests have neither.
    await waitForDoc(refs.event(leader!.id, 'notified-open'), (e) => e !== undefined, 'the open push of the first request');
    await waitForDoc(refs.event(leader!.id, 'escalated-1'), (e) => e !== undefined, 'the first escalation round of the first request', 60_000);
    for (const { id } of members) {
      expect((await refs.event(id, 'notified-open').get()).exists, id).toBe(false);
      expect((await refs.event(id, 'escalated-1').get()).exists, id).toBe(false);
      expect((await refs.sosRequest(id).get()).data()?.escalationLevel).toBe(0);
    }

    // One "possible abuse" alert, from the request that crossed the limit, to the location's admin.
    const crossing = opened[VISITOR_ABUSE_LIMIT]!.id;
    await waitForDoc(refs.event(crossing, 'notified-abuse'), (e) => e !== undefined, 'the abuse alert');
    expect(await deliveriesOf(crossing, 'abuse')).toEqual({ [`${site.admin.uid}/d1`]: 'emulated' });
    const alerted = await Promise.all(opened.map(async ({ id }) => (await refs.event(id, 'notified-abuse').get()).exists));
    expect(alerted.filter(Boolean)).toHaveLength(1);
    expect((await refs.qrCode(place.token).get()).data()?.abuseAlertedAt).toBeDefined();

    // One claim of the first request answers them all: each visitor's order says who is coming.
    await acknowledge(guard, leader!.id, site.tier1.name);
    await waitForQuery(
      refs.sosRequests().where('groupOf', '==', leader!.id),
      (docs) => docs.length === FLOOD - 1 && docs.every((d) => d.data().status === 'acknowledged' && d.data().ackByName === site.tier1.name),
      'every grouped request claimed with the first',
      120_000,
    );
    const last = members.at(-1)!;
    const order = await waitForDoc(refs.order(last.request.uid, last.id), (o) => o?.status === 'acknowledged', 'the last visitor told who is coming', 60_000);
    expect(order?.ackByName).toBe(site.tier1.name);
    const event = await waitForDoc(refs.event(last.id, 'acknowledged'), (e) => e !== undefined, 'the acknowledged event of a grouped request');
    expect(event).toMatchObject({ by: site.tier1.uid, detail: site.tier1.name });

    // The guard on site resolves the first request: the group is resolved with it.
    await updateDoc(doc(guard.db, 'sosRequests', leader!.id), { status: 'on_site', arrivedAt: serverTimestamp(), arrivedBy: guard.uid });
    await updateDoc(doc(guard.db, 'sosRequests', leader!.id), {
      status: 'resolved',
      resolvedBy: guard.uid,
      resolvedAt: serverTimestamp(),
      resolution: 'Ложная тревога',
    });
    await waitForQuery(
      refs.sosRequests().where('groupOf', '==', leader!.id),
      (docs) => docs.every((d) => d.data().status === 'resolved' && d.data().resolution === 'Ложная тревога'),
      'every grouped request resolved with the first',
      120_000,
    );
  });

  it('when the first visitor cancels, the next request leads: its own escalation, and the rest follow it', { timeout: 120_000 }, async () => {
    const place = await placeWithCode('Лифтовый холл');
    const first = await askForHelp(visitors[0]!, place);
    await waitForDoc(refs.sosRequest(first), (r) => r?.status === 'open', 'the first request open');
    const second = await askForHelp(visitors[1]!, place);
    const third = await askForHelp(visitors[2]!, place);
    await openedAt(place.token, 3);
    expect((await refs.sosRequest(second).get()).data()?.groupOf).toBe(first);

    await updateDoc(doc(visitors[0]!.db, 'sosRequests', first), { status: 'cancelled', cancelledAt: serverTimestamp() });
    const next = await waitForDoc(refs.sosRequest(second), (r) => r !== undefined && r.groupOf === undefined, 'the second request leads');
    expect(next).toMatchObject({ status: 'open' });
    expect(next?.grouped).toBeUndefined();
    await waitForDoc(refs.sosRequest(third), (r) => r?.groupOf === second, 'the third follows the second');
    await waitForDoc(refs.event(second, 'escalated-1'), (e) => e !== undefined, 'the new leader escalates', 60_000);

    await Promise.all(
      [
        [visitors[1]!, second],
        [visitors[2]!, third],
      ].map(([visitor, id]) =>
        updateDoc(doc((visitor as ClientSession).db, 'sosRequests', id as string), { status: 'cancelled', cancelledAt: serverTimestamp() }),
      ),
    );
  });
});
