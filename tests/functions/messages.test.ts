// Messages against the real emulators: the trigger records each one (who and when) and pushes the other side, at
// most once per 30 s per (recipient, request): messages within the window are held back and counted into the next push.
import './setup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doc, serverTimestamp, updateDoc } from 'firebase/firestore';
import { Timestamp, refs } from '../../functions/src/firestore';
import { textsFor } from '../../functions/src/notify/texts';
import { recordMessage } from '../../functions/src/messages/recordMessage';
import { acknowledge, createRequest, sendMessage, signIn, type ClientSession } from './clients';
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

describe('messages', () => {
  it('are recorded without their text and pushed to the other side', { timeout: 90_000 }, async () => {
    const requestId = await createRequest(resident, { locationId: site.locationId });
    await waitProcessed(requestId);
    // The open push has removed tier 1's dead device by then.
    await waitForDoc(refs.event(requestId, 'notified-open'), (e) => e !== undefined, 'open push');

    // Unclaimed: the requester's message reaches every on-duty staff member.
    const first = await sendMessage(resident, requestId, 'requester', 'Я у входа, дверь заперта');
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
    const going = await sendMessage(staff, requestId, 'staff', 'Иду');
    await waitForDoc(refs.event(requestId, `notified-msg-${going}`), (e) => e !== undefined, 'staff message push');
    expect(await deliveriesOf(requestId, `msg-${going}`)).toEqual({ [`${site.resident.uid}/d1`]: 'emulated' });
    // Tier 1 was pushed about this request's messages moments ago: the reply is held back for their next push.
    const reply = await sendMessage(resident, requestId, 'requester', 'Жду');
    await waitForDoc(refs.event(requestId, `notified-msg-${reply}`), (e) => e !== undefined, 'reply held back');
    expect(await deliveriesOf(requestId, `msg-${reply}`)).toEqual({});
    expect((await refs.messageThrottle(requestId).get()).data()?.pushThrottle.recipients[site.tier1.uid]?.held).toEqual([reply]);
    expect((await refs.event(requestId, `message-${reply}`).get()).data()).toMatchObject({ by: resident.uid, detail: { role: 'requester' } });

    // A replayed trigger changes nothing.
    const events = await eventFingerprint(requestId);
    const deliveries = await deliveryFingerprint(requestId);
    for (const id of [first, going, reply]) await recordMessage(requestId, id, (await refs.message(requestId, id).get()).data()!);
    expect(await eventFingerprint(requestId)).toEqual(events);
    expect(await deliveryFingerprint(requestId)).toEqual(deliveries);

    await updateDoc(doc(resident.db, 'sosRequests', requestId), { status: 'cancelled', cancelledAt: serverTimestamp() });
  });

  it('a burst is one push per staff member; the next push after the window says how many are new; replays change nothing', { timeout: 90_000 }, async () => {
    const requestId = await createRequest(resident, { locationId: site.locationId });
    await waitProcessed(requestId);
    await waitForDoc(refs.event(requestId, 'notified-open'), (e) => e !== undefined, 'open push');

    const burst: string[] = [];
    for (let i = 1; i <= 5; i++) burst.push(await sendMessage(resident, requestId, 'requester', `Сообщение ${i}`));
    for (const id of burst) await waitForDoc(refs.event(requestId, `notified-msg-${id}`), (e) => e !== undefined, `push of ${id}`);

    // Exactly one of the five pushed (the triggers may run in any order), to each on-duty staff member's devices.
    const sent = await Promise.all(burst.map((id) => deliveriesOf(requestId, `msg-${id}`)));
    const pushed = burst.filter((_id, i) => Object.keys(sent[i]!).length > 0);
    expect(pushed).toHaveLength(1);
    expect(sent.find((rows) => Object.keys(rows).length > 0)).toEqual({ [`${site.tier1.uid}/ok`]: 'emulated', [`${site.tier2.uid}/d1`]: 'emulated' });
    const heldBack = burst.filter((id) => id !== pushed[0]).sort();
    for (const id of heldBack) {
      expect((await refs.event(requestId, `notified-msg-${id}`).get()).data()?.detail).toMatchObject({ pushed: 0, grouped: 2 });
    }
    const throttleRef = refs.messageThrottle(requestId);
    const slots = (await throttleRef.get()).data()!.pushThrottle.recipients;
    for (const uid of [site.tier1.uid, site.tier2.uid]) {
      expect(slots[uid]).toMatchObject({ requestId, batch: `msg-${pushed[0]}`, count: 1 });
      expect([...slots[uid]!.held!].sort()).toEqual(heldBack);
    }

    // Replayed triggers push nothing and count nothing twice.
    const events = await eventFingerprint(requestId);
    const deliveries = await deliveryFingerprint(requestId);
    const throttle = (await throttleRef.get()).updateTime!.toMillis();
    for (const id of burst) await recordMessage(requestId, id, (await refs.message(requestId, id).get()).data()!);
    expect(await eventFingerprint(requestId)).toEqual(events);
    expect(await deliveryFingerprint(requestId)).toEqual(deliveries);
    expect((await throttleRef.get()).updateTime!.toMillis()).toBe(throttle);

    // The window passes (the slots are moved 31 s back rather than waiting): the next message announces all five new.
    const past = Timestamp.fromMillis(Date.now() - 31_000);
    await throttleRef.set(
      { pushThrottle: { recipients: { [site.tier1.uid]: { lastPushAt: past }, [site.tier2.uid]: { lastPushAt: past } } } },
      { merge: true },
    );
    const next = await sendMessage(resident, requestId, 'requester', 'Вы где?');
    await waitForDoc(refs.event(requestId, `notified-msg-${next}`), (e) => e !== undefined, 'push after the window');
    const rows = (await refs.deliveries(requestId).where('batch', '==', `msg-${next}`).get()).docs.map((d) => d.data());
    expect(rows.map((row) => `${row.uid}/${row.deviceId}`).sort()).toEqual([`${site.tier1.uid}/ok`, `${site.tier2.uid}/d1`].sort());
    for (const row of rows) expect(row.title).toMatch(new RegExp(`^${textsFor(row.locale ?? 'ru').newMessages(5)} · `));
    expect((await throttleRef.get()).data()!.pushThrottle.recipients[site.tier1.uid]).toMatchObject({ batch: `msg-${next}`, count: 5, held: [] });

    await updateDoc(doc(resident.db, 'sosRequests', requestId), { status: 'cancelled', cancelledAt: serverTimestamp() });
  });
});
