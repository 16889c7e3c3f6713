// Flood control against the real emulators: 30 requests from one resident in a minute are all recorded and
// open for staff, but staff are pushed once.
import './setup';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collection, doc, getDocs, query, serverTimestamp, updateDoc, where } from 'firebase/firestore';
import { refs } from '../../functions/src/firestore';
import { createRequest, signIn, type ClientSession } from './clients';
import { waitForDoc, waitForQuery } from './admin';
import { createResponseSite, deliveriesOf, SITE_PASSWORD, type ResponseSite } from './fixtures';

const FLOOD = 30;
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

describe('a resident flooding SOS', () => {
  it('30 requests in a minute are all open and visible to staff, who are pushed once', { timeout: 180_000 }, async () => {
    const ids: string[] = [];
    for (let i = 0; i < FLOOD; i++) ids.push(await createRequest(resident, { locationId: site.locationId }));

    // Every one is recorded and opened by the trigger…
    await waitForQuery(
      refs.sosRequests().where('locationId', '==', site.locationId),
      (docs) => docs.length === FLOOD && docs.every((d) => d.data().status === 'open'),
      'all flood requests open',
      60_000,
    );
    // …and staff, through their own client and the rules, see all of them open. (A one-shot read: the
    // Node client's long-lived Listen stream on this busy query sometimes receives a corrupt frame from
    // the emulator, "RESOURCE_EXHAUSTED: message larger than max", and then backs off for good.)
    const staffView = await getDocs(query(collection(tier1.db, 'sosRequests'), where('locationId', '==', site.locationId)));
    expect(staffView.docs.map((d) => d.data().status).sort()).toEqual(Array<string>(FLOOD).fill('open'));
    // The emulator runs a trigger's events one at a time, so 30 open batches queue behind every other
    // suite's updates: allow for that on a busy 2-core machine.
    await Promise.all(ids.map((id) => waitForDoc(refs.event(id, 'notified-open'), (e) => e !== undefined, `open batch of ${id}`, 120_000)));

    const deliveries = await Promise.all(ids.map((id) => deliveriesOf(id, 'open')));
    const pushed = deliveries.filter((d) => Object.keys(d).length > 0);
    expect(pushed).toEqual([{ [`${site.tier1.uid}/ok`]: 'emulated', [`${site.tier1.uid}/dead`]: 'token_removed' }]);
    const details = await Promise.all(ids.map(async (id) => (await refs.event(id, 'notified-open').get()).data()?.detail));
    const grouped = { batch: 'open', recipients: 1, pushed: 0, grouped: 1, devices: 0, statuses: {} };
    expect(details.filter((d) => isDeepStrictEqual(d, grouped))).toHaveLength(FLOOD - 1);

    // The resident cancels the flood, which also ends each request's escalation timer.
    await Promise.all(ids.map((id) => updateDoc(doc(resident.db, 'sosRequests', id), { status: 'cancelled', cancelledAt: serverTimestamp() })));
  });
});
