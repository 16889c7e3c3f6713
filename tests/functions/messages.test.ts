// Messages against the real emulators: the trigger records each one (who and when) and pushes the other side.
import './setup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collection, doc, serverTimestamp, setDoc, updateDoc } from 'firebase/firestore';
import type { MessageRole } from '@sos/model';
import { refs } from '../../functions/src/firestore';
import { recordMessage } from '../../functions/src/messages/recordMessage';
import { acknowledge, createRequest, signIn, type ClientSession } from './clients';
import { eventFingerprint, waitForDoc, waitProcessed } from './admin';
import { createResponseSite, deliveriesOf, deliveryFingerprint, SITE_PASSWORD, type ResponseSite } from './fixtures';

let site: ResponseSite;
let resident: ClientSession;
let staff: ClientSession;

beforeAll(async () => {
  site = await createResponseSite(3600);
  [resident, staff] = await Promise.all([signIn(site.resident.email, SITE_PASSWORD), signIn(site.tier1.email, SITE_PASSWORD)]);
});

afterAll(async () => {
  await Promise.all([resident.close(), staff.close()]);
});

/** Writes a message as the apps do; returns its id. */
async function send(session: ClientSession, requestId: string, role: MessageRole, text: string): Promise<string> {
  const ref = doc(collection(session.db, 'sosRequests', requestId, 'messages'));
  await setDoc(ref, { uid: session.uid, role, text, at: serverTimestamp() });
  return ref.id;
}

describe('messages', () => {
  it('are recorded without their text and pushed to the other side', { timeout: 90_000 }, async () => {
    const requestId = await createRequest(resident, { locationId: site.locationId });
    await waitProcessed(requestId);
    // The open push has removed tier 1's dead device by then.
    await waitForDoc(refs.event(requestId, 'notified-open'), (e) => e !== undefined, 'open push');

    // Unclaimed: the requester's message reaches every on-duty staff member.
    const first = await send(resident, requestId, 'requester', 'Я у входа, дверь заперта');
    const event = await waitForDoc(refs.event(requestId, `message-${first}`), (e) => e !== undefined, 'message event');
    const stored = (await refs.message(requestId, first).get()).data()!;
    expect(event).toEqual({ type: 'message', at: stored.at, by: resident.uid, detail: { messageId: first, role: 'requester' } });
    expect(JSON.stringify(event)).not.toContain('дверь');
    await waitForDoc(refs.event(requestId, `notified-msg-${first}`), (e) => e !== undefined, 'first message push');
    expect(await deliveriesOf(requestId, `msg-${first}`)).toEqual({
      [`${site.tier1.uid}/ok`]: 'emulated',
      [`${site.tier2.uid}/d1`]: 'emulated',
    });

    // Claimed: staff «Иду» reaches the requester, the reply only the claimer.
    await acknowledge(staff, requestId, site.tier1.name);
    const going = await send(staff, requestId, 'staff', 'Иду');
    await waitForDoc(refs.event(requestId, `notified-msg-${going}`), (e) => e !== undefined, 'staff message push');
    expect(await deliveriesOf(requestId, `msg-${going}`)).toEqual({ [`${site.resident.uid}/d1`]: 'emulated' });
    const reply = await send(resident, requestId, 'requester', 'Жду');
    await waitForDoc(refs.event(requestId, `notified-msg-${reply}`), (e) => e !== undefined, 'reply push');
    expect(await deliveriesOf(requestId, `msg-${reply}`)).toEqual({ [`${site.tier1.uid}/ok`]: 'emulated' });
    expect((await refs.event(requestId, `message-${reply}`).get()).data()).toMatchObject({ by: resident.uid, detail: { role: 'requester' } });

    // A replayed trigger changes nothing.
    const events = await eventFingerprint(requestId);
    const deliveries = await deliveryFingerprint(requestId);
    for (const id of [first, going, reply]) await recordMessage(requestId, id, (await refs.message(requestId, id).get()).data()!);
    expect(await eventFingerprint(requestId)).toEqual(events);
    expect(await deliveryFingerprint(requestId)).toEqual(deliveries);

    await updateDoc(doc(resident.db, 'sosRequests', requestId), { status: 'cancelled', cancelledAt: serverTimestamp() });
  });
});
