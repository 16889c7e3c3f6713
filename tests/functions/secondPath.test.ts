// The second path to opening a request (SECOND_PATH, functions/src/sos/secondPath.ts), against the emulators: the
// requester's `openMyRequest` callable, refused to anyone else and a no-op on a decided request, racing the create
// trigger without a second order, push or event; and the `sweepStuckRequests` schedule, run as Cloud Scheduler runs it.
import './setup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenMyRequestResult } from '@sos/model';
import { refs } from '../../functions/src/firestore';
import { createRequest, failure, signIn, type ClientSession } from './clients';
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
    const response = await fetch(`http://${EMULATOR_HOSTS.functions}/${PROJECT_ID}/us-central1/openMyRequest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { requestId: 't-anything' } }),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error?: { details?: { reason?: string } } }).error?.details?.reason).toBe('unauthenticated');
  });
});

describe('sweepStuckRequests (every minute)', () => {
  it('runs when Cloud Scheduler calls it, and logs what it found', async () => {
    const mark = functionLogMark();
    // The emulators have no Cloud Scheduler: this is the call it makes every minute.
    const response = await fetch(`http://${EMULATOR_HOSTS.functions}/${PROJECT_ID}/us-central1/sweepStuckRequests-0`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(200);
    const [swept] = await waitForLogged(mark, 'stuck requests swept', (entries) => entries.length > 0, 'the sweep', 15_000);
    expect(swept).toMatchObject({ failed: 0 });
  });
});
