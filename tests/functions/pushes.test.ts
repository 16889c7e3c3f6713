// Pushes of the staff response loop against the real emulators (emulated transport): who is pushed when a
// request opens, dead tokens, the resident's push on acknowledgement, and replays.
import './setup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refs } from '../../functions/src/firestore';
import { effectsOf, type SosRequest } from '@sos/model';
import type { Timestamp } from '../../functions/src/firestore';
import { runTransitionEffects } from '../../functions/src/response/respondToTransition';
import { processNewRequest } from '../../functions/src/sos/processNewRequest';
import { recordTransition } from '../../functions/src/sos/recordTransition';
import { acknowledge, createRequest, signIn, type ClientSession } from './clients';
import { eventFingerprint, waitForDoc, waitProcessed } from './admin';
import { createResponseSite, deliveriesOf, deliveryFingerprint, SITE_PASSWORD, type ResponseSite } from './fixtures';

/** What the update trigger does for a change, replayed by hand. */
async function replayUpdate(requestId: string, before: SosRequest<Timestamp>, after: SosRequest<Timestamp>, changedAt: Timestamp) {
  await Promise.all([recordTransition(requestId, before, after, changedAt), runTransitionEffects(requestId, effectsOf(before.status, after.status), after)]);
}

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

describe('the staff response loop pushes', () => {
  it('exactly the on-duty tier-1 devices when a request opens, removing a dead token; the resident when it is acknowledged; replays change nothing', async () => {
    const requestId = await createRequest(resident, { locationId: site.locationId });
    await waitForDoc(refs.event(requestId, 'notified-open'), (e) => e !== undefined, 'open push batch recorded');

    // Not off duty, not tier 2, not the other location's staff, not the admin: only tier 1 on duty.
    expect(await deliveriesOf(requestId, 'open')).toEqual({
      [`${site.tier1.uid}/ok`]: 'emulated',
      [`${site.tier1.uid}/dead`]: 'token_removed',
    });
    expect((await refs.device(site.tier1.uid, 'dead').get()).exists).toBe(false);
    expect((await refs.device(site.tier1.uid, 'ok').get()).exists).toBe(true);
    const notified = (await refs.event(requestId, 'notified-open').get()).data();
    expect(notified).toMatchObject({ type: 'notified', by: null });
    expect(notified?.detail).toEqual({ batch: 'open', recipients: 1, pushed: 1, grouped: 0, devices: 2, statuses: { emulated: 1, token_removed: 1 } });
    const opened = await refs.sosRequest(requestId).get();

    await acknowledge(tier1, requestId, site.tier1.name);
    await waitForDoc(refs.event(requestId, 'notified-ack'), (e) => e !== undefined, 'resident push recorded');
    expect(await deliveriesOf(requestId, 'ack')).toEqual({ [`${site.resident.uid}/d1`]: 'emulated' });
    const acknowledged = await refs.sosRequest(requestId).get();

    const deliveriesBefore = await deliveryFingerprint(requestId);
    const eventsBefore = await eventFingerprint(requestId);
    const devicesBefore = (await refs.devices(site.tier1.uid).get()).docs.map((d) => `${d.id}@${d.updateTime.toMillis()}`);
    const openData = opened.data()!;
    for (let i = 0; i < 3; i++) {
      // The open step runs in the create trigger: a replayed create event, then replayed updates.
      expect(await processNewRequest(requestId, { created: { ...openData, status: 'new' } })).toBeNull();
      await replayUpdate(requestId, { ...openData, status: 'new' }, openData, opened.updateTime!);
      await replayUpdate(requestId, openData, acknowledged.data()!, acknowledged.updateTime!);
    }
    expect(await deliveryFingerprint(requestId)).toEqual(deliveriesBefore);
    expect(await eventFingerprint(requestId)).toEqual(eventsBefore);
    expect((await refs.devices(site.tier1.uid).get()).docs.map((d) => `${d.id}@${d.updateTime.toMillis()}`)).toEqual(devicesBefore);
  });

  it('a rejected request pushes nobody', async () => {
    const requestId = await createRequest(resident, { locationId: site.locationId, source: 'form', objectId: 'missing', description: 'Пожар' });
    expect(await waitProcessed(requestId)).toMatchObject({ status: 'rejected' });
    expect((await refs.deliveries(requestId).get()).size).toBe(0);
    expect((await refs.event(requestId, 'notified-open').get()).exists).toBe(false);
  });
});
