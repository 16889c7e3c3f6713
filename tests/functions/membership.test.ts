// The requester's membership document (`locations/{id}/members/{uid}`) on the request's path: the create
// transaction reads it instead of the profile, it holds the push throttle, and it follows the profile's contact.
import './setup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateDoc, doc, serverTimestamp } from 'firebase/firestore';
import { peopleRefs, refs } from '../../functions/src/firestore';
import { syncMemberContact } from '../../functions/src/people/memberProfile';
import { createRequest, signIn, type ClientSession } from './clients';
import { waitForDoc, waitProcessed } from './admin';
import { createResponseSite, SITE_PASSWORD, type ResponseSite } from './fixtures';

let site: ResponseSite;
let resident: ClientSession;

beforeAll(async () => {
  site = await createResponseSite(3600);
  resident = await signIn(site.resident.email, SITE_PASSWORD);
});

afterAll(async () => {
  await resident.close();
});

async function cancel(requestId: string): Promise<void> {
  await updateDoc(doc(resident.db, 'sosRequests', requestId), { status: 'cancelled', cancelledAt: serverTimestamp() });
}

describe('the membership document', () => {
  it('holds the push throttle the open push claims, and follows a contact change made in the profile', { timeout: 60_000 }, async () => {
    const first = await createRequest(resident, { locationId: site.locationId });
    expect((await waitProcessed(first)).requester).toEqual({ name: site.resident.name, phone: '+79001112233' });
    const member = await waitForDoc(peopleRefs.member(site.locationId, site.resident.uid), (m) => m?.pushThrottle !== undefined, 'throttle claim');
    expect(Object.keys(member!.pushThrottle!.recipients)).toEqual([site.tier1.uid]);
    expect(member!.pushThrottle!.recipients[site.tier1.uid]).toMatchObject({ requestId: first, batch: 'open' });
    await cancel(first);

    // The resident edits their profile (as the app's profile screen does, through the rules).
    await updateDoc(doc(resident.db, 'users', site.resident.uid), { displayName: 'Жилец Переименованный', phone: '+79005556677' });
    const synced = await waitForDoc(peopleRefs.member(site.locationId, site.resident.uid), (m) => m?.phone === '+79005556677', 'member contact sync');
    expect(synced).toMatchObject({ name: 'Жилец Переименованный', role: 'resident' });
    // The throttle survives the sync.
    expect(synced!.pushThrottle!.recipients[site.tier1.uid]).toBeDefined();

    const second = await createRequest(resident, { locationId: site.locationId });
    expect((await waitProcessed(second)).requester).toEqual({ name: 'Жилец Переименованный', phone: '+79005556677' });
    await cancel(second);

    // A replayed sync writes nothing.
    const before = await peopleRefs.member(site.locationId, site.resident.uid).get();
    await expect(syncMemberContact(site.resident.uid, [site.locationId], { name: 'Жилец Переименованный', phone: '+79005556677', locale: 'ru' })).resolves.toBe(
      0,
    );
    expect((await peopleRefs.member(site.locationId, site.resident.uid).get()).updateTime?.isEqual(before.updateTime!)).toBe(true);
  });

  it('without one (a profile written outside the People flows), the profile decides and nothing is throttled', { timeout: 60_000 }, async () => {
    await peopleRefs.member(site.locationId, site.tier1.uid).delete();
    const staffAsRequester = await signIn(site.tier1.email, SITE_PASSWORD);
    try {
      const requestId = await createRequest(staffAsRequester, { locationId: site.locationId });
      const opened = await waitProcessed(requestId);
      expect(opened).toMatchObject({ status: 'open', requester: { name: site.tier1.name } });
      await waitForDoc(refs.event(requestId, 'notified-open'), (e) => e !== undefined, 'open push batch');
      // No membership document was made up for the throttle.
      expect((await peopleRefs.member(site.locationId, site.tier1.uid).get()).exists).toBe(false);
      await updateDoc(doc(staffAsRequester.db, 'sosRequests', requestId), { status: 'cancelled', cancelledAt: serverTimestamp() });
    } finally {
      await staffAsRequester.close();
    }
  });
});
