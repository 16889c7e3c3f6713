// Kinds of help against the real emulators (issue 23): the create trigger refuses a kind the location does not offer,
// a staff push's title starts with the kind (or the silent call's warning) in the recipient's language, and the
// requester's call to the emergency services leaves one `called_112` event, however often the trigger runs.
import './setup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doc, serverTimestamp, updateDoc } from 'firebase/firestore';
import { paths, type SosRequest } from '@sos/model';
import type { Timestamp } from 'firebase-admin/firestore';
import { refs } from '../../functions/src/firestore';
import { recordEmergencyServicesCall } from '../../functions/src/sos/recordTransition';
import { createRequest, signIn, type ClientSession } from './clients';
import { eventFingerprint, waitForDoc, waitProcessed } from './admin';
import { addResident, createResponseSite, SITE_PASSWORD, type ResponseSite } from './fixtures';

let site: ResponseSite;
const sessions: ClientSession[] = [];

/** A resident of their own per request: staff pushes about one resident are throttled for a minute. */
async function residentSession(role: string): Promise<ClientSession> {
  const person = await addResident(site, role, `Жилец ${role}`);
  const session = await signIn(person.email, SITE_PASSWORD);
  sessions.push(session);
  return session;
}

/** The title of the open push tier 1's live device got (their language: Russian, unset). */
async function openPushTitle(requestId: string): Promise<string | undefined> {
  await waitForDoc(refs.event(requestId, 'notified-open'), (event) => event !== undefined, `open push batch of ${requestId} recorded`);
  const rows = await refs.deliveries(requestId).where('batch', '==', 'open').where('uid', '==', site.tier1.uid).get();
  return rows.docs.find((row) => row.data().deviceId === 'ok')?.data().title;
}

beforeAll(async () => {
  // A long acknowledgement time: no escalation round mixes in.
  site = await createResponseSite(3600);
  await Promise.all([
    refs.location(site.locationId).update({ kinds: ['fire', 'medical'] }),
    refs.object(site.locationId, 'kitchen').set({ name: 'Кухня, 3 этаж', kind: 'room', parentId: null, selectable: true }),
  ]);
});

afterAll(async () => {
  await Promise.all(sessions.map((session) => session.close()));
});

describe('kinds of help', () => {
  it('opens a kind the location offers, pushing staff a title that starts with it; refuses one it does not offer', async () => {
    const resident = await residentSession('fire');
    const fire = await createRequest(resident, {
      locationId: site.locationId,
      source: 'form',
      objectId: 'kitchen',
      description: 'Дым из розетки',
      kind: 'fire',
    });
    const lift = await createRequest(resident, { locationId: site.locationId, source: 'form', objectId: 'kitchen', description: 'Застряла', kind: 'lift' });

    expect(await waitProcessed(fire)).toMatchObject({ status: 'open', kind: 'fire' });
    expect(await openPushTitle(fire)).toBe('Пожар или дым — Кухня, 3 этаж');
    expect(await waitProcessed(lift)).toMatchObject({ status: 'rejected', rejectReason: 'kind-not-offered' });
    expect((await refs.deliveries(lift).get()).size).toBe(0);
  });

  it('opens a silent one-tap call wherever, and warns staff first thing in the title', async () => {
    const resident = await residentSession('silent');
    const requestId = await createRequest(resident, { locationId: site.locationId, silent: true });
    expect(await waitProcessed(requestId)).toMatchObject({ status: 'open', kind: 'emergency', silent: true });
    expect(await openPushTitle(requestId)).toBe(`Тихий вызов — не звоните заявителю — ${site.locationName}`);
  });

  it('records the requester’s call to 112 as one event, and a replayed trigger changes nothing', async () => {
    const resident = await residentSession('caller');
    const requestId = await createRequest(resident, { locationId: site.locationId });
    await waitProcessed(requestId);
    await updateDoc(doc(resident.db, paths.sosRequest(requestId)), { called112At: serverTimestamp() });

    const event = await waitForDoc(refs.event(requestId, 'called_112'), (e) => e !== undefined, 'the called_112 event');
    const request = (await refs.sosRequest(requestId).get()).data() as SosRequest<Timestamp>;
    expect(event).toMatchObject({ type: 'called_112', by: resident.uid, detail: null });
    expect(event?.at.toMillis()).toBe(request.called112At?.toMillis());

    const before = await eventFingerprint(requestId);
    await recordEmergencyServicesCall(requestId, { ...request, called112At: undefined }, request);
    await recordEmergencyServicesCall(requestId, request, request);
    expect(await eventFingerprint(requestId)).toEqual(before);
  });
});
