// The second path to opening a request (SECOND_PATH, functions/src/sos/secondPath.ts), against the emulators: the
// requester's `openMyRequest` callable, refused to anyone else and a no-op on a decided request, racing the create
// trigger without a second order, push or event; and the `sweepStuckRequests` schedule, run as Cloud Scheduler runs it.
// The trigger is broken on purpose by SOS_FAULTS (functions/src/faults.ts), which `npm run test:emulated` sets for
// request ids starting with `fault-`: each test picks an id its trigger fails at the point it is about.
import './setup';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sosRequestCreate, type OpenMyRequestResult } from '@sos/model';
import { Timestamp, refs } from '../../functions/src/firestore';
import type { FaultPoint } from '../../functions/src/faults';
import { keyFailingAt } from '../helpers/faults';
import { emulatorAppCheckToken } from '../../web/src/firebase/emulatorAppCheck';
import { createRequest, failure, postToCallable, signIn, type ClientSession } from './clients';
import { eventFingerprint, waitForDoc, waitProcessed } from './admin';
import { createResponseSite, deliveryFingerprint, SITE_PASSWORD, type ResponseSite } from './fixtures';
import { EMULATOR_HOSTS, PROJECT_ID } from '../helpers/emulators';
import { functionLogMark, waitForLogged } from '../helpers/functionLog';

let site: ResponseSite;
let resident: ClientSession;
let tier1: ClientSession;

beforeAll(async () => {
  site = await createResponseSite(30);
  [resident, tier1] = await Promise.all([signIn(site.resident.email, SITE_PASSWORD), signIn(site.tier1.email, SITE_PASSWORD)]);
});

afterAll(async () => {
  await Promise.all([resident.close(), tier1.close()]);
});

const openMine = (session: ClientSession, requestId: unknown) => session.call<OpenMyRequestResult>('openMyRequest', { requestId });

/** A request id whose create trigger fails at `point` and at no point before it (SOS_FAULTS decides by id). */
const idFailingAt = (point: FaultPoint) => keyFailingAt(point, 'request id', (prefix) => `${prefix}${randomUUID()}`);

/** The resident's request as their client wrote it `secondsAgo` ago (the Admin SDK sets the past createdAt). */
async function requestMadeAgo(requestId: string, secondsAgo: number): Promise<void> {
  const createdAt = Timestamp.fromMillis(Date.now() - secondsAgo * 1000);
  await refs.sosRequest(requestId).set(sosRequestCreate({ uid: site.resident.uid, locationId: site.locationId, source: 'emergency' }, createdAt));
}

/** Cloud Scheduler's call: the emulators have none. */
async function runSweeper(): Promise<Record<string, unknown>> {
  const mark = functionLogMark();
  const response = await fetch(`http://${EMULATOR_HOSTS.functions}/${PROJECT_ID}/us-central1/sweepStuckRequests-0`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  expect(response.status).toBe(200);
  // A sweep may wait up to 30 s for a young request to come due.
  const [swept] = await waitForLogged(mark, 'stuck requests swept', (entries) => entries.length > 0, 'the sweep', 45_000);
  return swept ?? {};
}

/** The trigger ran and failed where SOS_FAULTS said: its log line. */
async function faultLogged(mark: number, requestId: string, point: FaultPoint): Promise<void> {
  await waitForLogged(
    mark,
    'injected fault',
    (entries) => entries.some((entry) => entry.requestId === requestId && entry.point === point),
    `the fault at ${point}`,
    30_000,
  );
}

/**
 * A request whose trigger fails before its transaction, made `secondsAgo` ago, then one sweep: the trigger ran and
 * failed, the sweep failed nothing and opened it, marked as the sweeper's. Returns the opened request.
 */
async function sweptOpenWhenMadeAgo(secondsAgo: number) {
  const requestId = idFailingAt('open-before-commit');
  const mark = functionLogMark();
  await requestMadeAgo(requestId, secondsAgo);
  await faultLogged(mark, requestId, 'open-before-commit');

  const swept = await runSweeper();
  expect(swept).toMatchObject({ failed: 0 });
  expect(swept.opened).toBeGreaterThanOrEqual(1);
  const opened = (await refs.sosRequest(requestId).get()).data();
  expect(opened).toMatchObject({ status: 'open', openedLate: { via: 'sweeper' } });
  return { requestId, opened: opened! };
}

// First, before this file leaves anything behind (the suites before it cancel what they leave waiting).
describe('sweepStuckRequests (every minute), with nothing stuck', () => {
  it('runs when Cloud Scheduler calls it, finds nothing and does nothing', async () => {
    expect(await runSweeper()).toMatchObject({ found: 0, opened: 0, resumed: 0, failed: 0 });
  });
});

describe('openMyRequest (the requester’s app, 10 s after the tap)', () => {
  it('refuses a malformed id, a request that does not exist and someone else’s request, with a reason', async () => {
    const requestId = await createRequest(resident, { locationId: site.locationId });
    expect(await failure(openMine(resident, 'no/such id'))).toEqual({ code: 'invalid-argument', reason: 'invalid-request-id' });
    expect(await failure(openMine(resident, 42))).toEqual({ code: 'invalid-argument', reason: 'invalid-request-id' });
    expect(await failure(openMine(resident, 't-does-not-exist'))).toEqual({ code: 'not-found', reason: 'request-not-found' });
    expect(await failure(openMine(tier1, requestId))).toEqual({ code: 'permission-denied', reason: 'not-your-request' });
  });

  it('changes nothing on a request the trigger already opened', async () => {
    const requestId = await createRequest(resident, { locationId: site.locationId });
    await waitForDoc(refs.event(requestId, 'notified-open'), (e) => e !== undefined, 'open push batch recorded');
    const events = await eventFingerprint(requestId);
    const deliveries = await deliveryFingerprint(requestId);
    const updated = (await refs.sosRequest(requestId).get()).updateTime?.toMillis();

    expect(await openMine(resident, requestId)).toEqual({ status: 'open', decidedNow: false });
    expect(await eventFingerprint(requestId)).toEqual(events);
    expect(await deliveryFingerprint(requestId)).toEqual(deliveries);
    const request = await refs.sosRequest(requestId).get();
    expect(request.updateTime?.toMillis()).toBe(updated);
    expect(request.data()?.openedLate).toBeUndefined();
  });

  it('called twice at once while the trigger runs: one opening, one order, one push batch, and the mark says who won', async () => {
    const requestId = await createRequest(resident, { locationId: site.locationId });
    const results = await Promise.all([openMine(resident, requestId), openMine(resident, requestId)]);
    const opened = await waitProcessed(requestId);
    await waitForDoc(refs.event(requestId, 'notified-open'), (e) => e !== undefined, 'open push batch recorded');

    expect(results.map((result) => result.status)).toEqual(['open', 'open']);
    const byCallable = results.filter((result) => result.decidedNow).length;
    expect(byCallable).toBeLessThanOrEqual(1);
    // The trigger or one call opened it; only a call marks it, with how late it was.
    if (byCallable === 1) expect(opened.openedLate).toMatchObject({ via: 'requester', afterSeconds: expect.any(Number) });
    else expect(opened.openedLate).toBeUndefined();
    const validated = (await refs.event(requestId, 'validated').get()).data();
    expect(validated?.detail ?? null).toEqual(opened.openedLate ?? null);
    // One open push batch for the one recipient (its id is fixed: a second run finds it done, see pushes.test.ts).
    expect((await refs.event(requestId, 'notified-open').get()).data()?.detail).toMatchObject({ batch: 'open', recipients: 1 });
    expect((await refs.order(site.resident.uid, requestId).get()).data()?.status).toBe('open');
  });

  it('is refused without an account', async () => {
    // From the app (its App Check token), so that the refusal is the callable's own.
    const answer = await postToCallable('openMyRequest', { requestId: 't-anything' }, { 'X-Firebase-AppCheck': emulatorAppCheckToken().token });
    expect(answer.status).toBe(401);
    expect(answer.body.error?.details?.reason).toBe('unauthenticated');
  });
});

describe('when the create trigger fails (SOS_FAULTS)', () => {
  it('before its transaction: the request stays new, and the requester’s call opens it, marked', async () => {
    const requestId = idFailingAt('open-before-commit');
    const mark = functionLogMark();
    await createRequest(resident, { locationId: site.locationId }, requestId);
    await faultLogged(mark, requestId, 'open-before-commit');
    expect((await refs.sosRequest(requestId).get()).data()?.status).toBe('new');

    expect(await openMine(resident, requestId)).toEqual({ status: 'open', decidedNow: true });
    const opened = (await refs.sosRequest(requestId).get()).data();
    expect(opened?.openedLate).toMatchObject({ via: 'requester', afterSeconds: expect.any(Number) });
    expect((await refs.event(requestId, 'validated').get()).data()?.detail).toEqual(opened?.openedLate);
    await waitForDoc(refs.event(requestId, 'notified-open'), (e) => e !== undefined, 'open push batch recorded');
    expect((await refs.order(site.resident.uid, requestId).get()).data()?.status).toBe('open');
    // A second call changes nothing.
    const events = await eventFingerprint(requestId);
    expect(await openMine(resident, requestId)).toEqual({ status: 'open', decidedNow: false });
    expect(await eventFingerprint(requestId)).toEqual(events);
  });

  it('before its transaction, 40 s ago: the sweeper opens it, marked with how late', async () => {
    const { requestId, opened } = await sweptOpenWhenMadeAgo(40);
    expect(opened.openedLate?.afterSeconds).toBeGreaterThanOrEqual(40);
    // Run again: its opening is not redone (its escalation chain, due at once, may add its own events meanwhile).
    const opening = async () => (await eventFingerprint(requestId)).filter((event) => /^(created|validated|notified-open)@/.test(event));
    await waitForDoc(refs.event(requestId, 'notified-open'), (e) => e !== undefined, 'open push batch recorded');
    const openedOnce = await opening();
    await runSweeper();
    expect(await opening()).toEqual(openedOnce);
    expect((await refs.sosRequest(requestId).get()).data()?.openedLate).toEqual(opened.openedLate);
  });

  it('before its transaction, 20 s ago: the same sweep waits until it is 30 s old and opens it then, not a minute later', async () => {
    const { opened } = await sweptOpenWhenMadeAgo(20);
    // Not before it was 30 s old (the requester's app had its chance first), and by this one sweep.
    expect(opened.openedLate?.afterSeconds).toBeGreaterThanOrEqual(30);
    expect(opened.openedLate?.afterSeconds).toBeLessThan(60);
  });

  it('at its escalation enqueue, 3 minutes ago: the sweeper starts the chain the trigger never queued', async () => {
    const requestId = idFailingAt('escalation-enqueue');
    const mark = functionLogMark();
    await requestMadeAgo(requestId, 180);
    await faultLogged(mark, requestId, 'escalation-enqueue');
    const stuck = (await refs.sosRequest(requestId).get()).data();
    expect(stuck).toMatchObject({ status: 'open', escalationLevel: 0 });
    expect(stuck?.openedLate).toBeUndefined();

    const swept = await runSweeper();
    expect(swept.resumed).toBeGreaterThanOrEqual(1);
    await waitForDoc(refs.sosRequest(requestId), (request) => (request?.escalationLevel ?? 0) >= 1, 'escalation round 1', 30_000);
  });

  it('after its commit, before the pushes: the request is open but nobody was told; the sweeper sends the push and starts the chain', async () => {
    const requestId = idFailingAt('open-after-commit');
    const mark = functionLogMark();
    // Made 40 s ago: its claim deadline (30 s) has passed, so the round the sweeper enqueues runs at once.
    await requestMadeAgo(requestId, 40);
    await faultLogged(mark, requestId, 'open-after-commit');
    const cutShort = await refs.sosRequest(requestId).get();
    expect(cutShort.data()).toMatchObject({ status: 'open', escalationLevel: 0 });
    expect(cutShort.data()?.openedLate).toBeUndefined();
    expect((await refs.event(requestId, 'notified-open').get()).exists).toBe(false);

    const swept = await runSweeper();
    expect(swept).toMatchObject({ failed: 0 });
    expect(swept.resumed).toBeGreaterThanOrEqual(1);
    await waitForDoc(refs.event(requestId, 'notified-open'), (e) => e !== undefined, 'open push batch recorded');
    expect((await refs.event(requestId, 'notified-open').get()).data()?.detail).toMatchObject({ batch: 'open', recipients: 1 });
    await waitForDoc(refs.sosRequest(requestId), (request) => (request?.escalationLevel ?? 0) >= 1, 'escalation round 1', 30_000);
    // Opened by the trigger: no late mark, and the one opening stays the trigger's.
    expect((await refs.sosRequest(requestId).get()).data()?.openedLate).toBeUndefined();
  });
});
