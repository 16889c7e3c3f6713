// Guests at a QR code against the real emulators: signed in with an account but not a member of the code's location
// (a resident of another location, a new sign-up with no location), they call there under their own name and phone.
import './setup';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAuth } from 'firebase-admin/auth';
import { Timestamp } from 'firebase-admin/firestore';
import { doc, serverTimestamp, updateDoc } from 'firebase/firestore';
import { refs } from '../../functions/src/firestore';
import { createRequest, newRequestId, signIn, type ClientSession } from './clients';
import { waitForDoc, waitProcessed } from './admin';
import { SITE_PASSWORD, createResponseSite, deliveriesOf, type ResponseSite } from './fixtures';

const OBJECT = 'lobby';
let site: ResponseSite;
let token: string;
let neighbour: ClientSession;
let newcomer: ClientSession;

/** An account with a profile: `locationIds` in both the claims and the profile, as the People flows keep them. */
async function accountWithProfile(name: string, phone: string, locationIds: string[]): Promise<ClientSession> {
  const uid = `guest-${randomUUID()}`;
  const email = `${uid}@functions.test`;
  await getAuth().createUser({ uid, email, password: SITE_PASSWORD, displayName: name });
  if (locationIds.length > 0) await getAuth().setCustomUserClaims(uid, { role: 'resident', locationIds });
  await refs.user(uid).set({ displayName: name, phone, locationIds, homeLocationId: locationIds[0] ?? null });
  return signIn(email);
}

const callAtTheWall = (guest: ClientSession) =>
  createRequest(guest, { locationId: site.locationId, source: 'qr', kind: 'medical', objectId: OBJECT, qrToken: token });
const cancel = (guest: ClientSession, requestId: string) =>
  updateDoc(doc(guest.db, 'sosRequests', requestId), { status: 'cancelled', cancelledAt: serverTimestamp() });

beforeAll(async () => {
  site = await createResponseSite(30);
  token = `qr-${randomUUID()}`;
  await Promise.all([
    refs.object(site.locationId, OBJECT).set({ name: 'Холл', kind: 'zone', parentId: null, qrToken: token, selectable: true }),
    refs.qrCode(token).set({ locationId: site.locationId, objectId: OBJECT, active: true }),
  ]);
  [neighbour, newcomer] = await Promise.all([
    accountWithProfile('Борис Соседов', '+79005556677', [site.otherLocationId]),
    accountWithProfile('Вера Новикова', '+79008889900', []),
  ]);
});

afterAll(async () => {
  await Promise.all([neighbour.close(), newcomer.close()]);
});

describe('guests at a QR code', () => {
  it("a resident of another location calls at the code: it opens with their name and phone and pushes the location's staff", { timeout: 60_000 }, async () => {
    const requestId = await callAtTheWall(neighbour);
    const opened = await waitProcessed(requestId);
    expect(opened).toMatchObject({ status: 'open', objectName: 'Холл', requester: { name: 'Борис Соседов', phone: '+79005556677', guest: true } });
    expect(opened.requester?.visitor).toBeUndefined();
    expect(opened.grouped).toBeUndefined();
    expect((await refs.order(neighbour.uid, requestId).get()).data()).toMatchObject({ status: 'open', objectName: 'Холл' });
    await waitForDoc(refs.event(requestId, 'notified-open'), (e) => e !== undefined, 'open push');
    expect(await deliveriesOf(requestId, 'open')).toMatchObject({ [`${site.tier1.uid}/ok`]: 'emulated' });
    expect(await deliveriesOf(requestId, 'open')).not.toHaveProperty(`${site.otherStaff.uid}/d1`);
    await cancel(neighbour, requestId);
  });

  it('a new sign-up with no location calls at the code under their own name', { timeout: 60_000 }, async () => {
    const requestId = await callAtTheWall(newcomer);
    expect(await waitProcessed(requestId)).toMatchObject({ status: 'open', requester: { name: 'Вера Новикова', phone: '+79008889900', guest: true } });
    await cancel(newcomer, requestId);
  });

  it("a guest's one-tap call at the location is still rejected as not a member", { timeout: 60_000 }, async () => {
    // The rules refuse it; written with the Admin SDK to show the trigger refuses it too.
    const requestId = newRequestId();
    await refs.sosRequest(requestId).set({
      uid: neighbour.uid,
      locationId: site.locationId,
      objectId: null,
      source: 'emergency',
      kind: 'emergency',
      description: null,
      repeatOf: null,
      status: 'new',
      createdAt: Timestamp.now(),
    });
    expect(await waitProcessed(requestId)).toMatchObject({ status: 'rejected', rejectReason: 'not-a-member' });
  });
});
