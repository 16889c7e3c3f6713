// Escalation against the real emulators (Cloud Tasks queue function on the tasks emulator) with short
// ackSeconds on sites of their own.
import './setup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refs } from '../../functions/src/firestore';
import { runEscalationRound } from '../../functions/src/escalation/escalationChain';
import { TaskDispatchedEarly } from '../../functions/src/tasks/earlyDispatch';
import { acknowledge, createRequest, signIn, type ClientSession } from './clients';
import { eventFingerprint, waitForDoc, waitProcessed } from './admin';
import { createResponseSite, deliveriesOf, deliveryFingerprint, SITE_PASSWORD, type ResponseSite } from './fixtures';

let site: ResponseSite;
let maxSite: ResponseSite;
let slowSite: ResponseSite;
const sessions: ClientSession[] = [];

beforeAll(async () => {
  [site, maxSite, slowSite] = await Promise.all([createResponseSite(2), createResponseSite(1), createResponseSite(3600)]);
  sessions.push(
    ...(await Promise.all([
      signIn(site.resident.email, SITE_PASSWORD),
      signIn(site.tier1.email, SITE_PASSWORD),
      signIn(maxSite.resident.email, SITE_PASSWORD),
      signIn(slowSite.resident.email, SITE_PASSWORD),
    ])),
  );
});

afterAll(async () => {
  await Promise.all(sessions.map((s) => s.close()));
});

async function eventsInOrder(requestId: string): Promise<string[]> {
  const snap = await refs.events(requestId).get();
  return snap.docs
    .map((d) => ({ id: d.id, at: d.data().at.toMillis() }))
    .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id))
    .map((e) => e.id);
}

describe('escalation', () => {
  it('fires when nobody acknowledges, repeats every ackSeconds, and stops on acknowledgement', { timeout: 90_000 }, async () => {
    const [resident, tier1] = sessions as [ClientSession, ClientSession];
    const requestId = await createRequest(resident, { locationId: site.locationId });
    await waitForDoc(refs.sosRequest(requestId), (r) => (r?.escalationLevel ?? 0) >= 2, 'two escalation rounds', 45_000);
    await waitForDoc(refs.event(requestId, 'notified-esc-1'), (e) => e !== undefined, 'round 1 push batch');

    // Round 1 reaches all on-duty staff and the admins; tier 1 was pushed seconds ago (grouped), off-duty and other sites never.
    expect(await deliveriesOf(requestId, 'esc-1')).toEqual({
      [`${site.tier2.uid}/d1`]: 'emulated',
      [`${site.admin.uid}/d1`]: 'emulated',
    });
    expect((await refs.event(requestId, 'escalated-1').get()).data()).toMatchObject({ type: 'escalated', by: null, detail: 'round 1' });

    await acknowledge(tier1, requestId, site.tier1.name);
    const level = (await refs.sosRequest(requestId).get()).data()!.escalationLevel!;
    await waitForDoc(refs.event(requestId, `notified-esc-${level}`), (e) => e !== undefined, `round ${level} push batch`);
    const ended = await waitForDoc(refs.event(requestId, 'escalation_ended'), (e) => e !== undefined, 'escalation ended', 30_000);
    expect(ended?.detail).toBe('acknowledged');
    expect((await refs.sosRequest(requestId).get()).data()).toMatchObject({ status: 'acknowledged', escalationLevel: level });

    // The claim's audit event and the requester's push come from the update trigger, which may still be queued.
    await waitForDoc(refs.event(requestId, 'acknowledged'), (e) => e !== undefined, 'acknowledged event');
    await waitForDoc(refs.event(requestId, 'notified-ack'), (e) => e !== undefined, 'requester push batch');
    const order = await eventsInOrder(requestId);
    const escalated = order.filter((id) => id.startsWith('escalated-'));
    expect(escalated).toEqual(Array.from({ length: level }, (_, i) => `escalated-${i + 1}`));
    expect(order.slice(0, 2)).toEqual(['created', 'validated']);
    expect(order.indexOf('acknowledged')).toBeGreaterThan(order.indexOf('notified-open'));
    // Not asserted: that the claim comes after round `level`. A round whose transaction read the request just before
    // the claim may commit just after it: the Firestore emulator lets the client's write through the transaction's
    // read, where production holds the write until the commit. Either way no round reads the claimed request and acts.
    // The chain ends after the claim and nothing escalates after it (the requester's ack push may land either side).
    expect(order.filter((id) => id.startsWith('escalat')).at(-1)).toBe('escalation_ended');
    expect(order.indexOf('escalation_ended')).toBeGreaterThan(order.indexOf('acknowledged'));

    // Replayed tasks (a stale round, the next round) change nothing. The requester's ack push runs
    // beside the escalation's end, so it is waited for before the fingerprint is taken.
    await waitForDoc(refs.event(requestId, 'notified-ack'), (e) => e !== undefined, 'ack push batch');
    const events = await eventFingerprint(requestId);
    const deliveries = await deliveryFingerprint(requestId);
    for (let i = 0; i < 3; i++) {
      await runEscalationRound({ requestId, round: 1, dueAtMillis: 0, attempt: 0 });
      await runEscalationRound({ requestId, round: level + 1, dueAtMillis: 0, attempt: 0 });
    }
    expect(await eventFingerprint(requestId)).toEqual(events);
    expect(await deliveryFingerprint(requestId)).toEqual(deliveries);
  });

  it('stops after 10 rounds when nobody ever acknowledges', { timeout: 150_000 }, async () => {
    const resident = sessions[2]!;
    const requestId = await createRequest(resident, { locationId: maxSite.locationId });
    const ended = await waitForDoc(refs.event(requestId, 'escalation_ended'), (e) => e !== undefined, 'escalation ended', 120_000);
    expect(ended?.detail).toBe('max-rounds');
    await waitForDoc(refs.event(requestId, 'notified-esc-10'), (e) => e !== undefined, 'round 10 push batch');
    expect((await refs.sosRequest(requestId).get()).data()).toMatchObject({ status: 'open', escalationLevel: 10 });
    const order = await eventsInOrder(requestId);
    expect(order.filter((id) => id.startsWith('escalated-'))).toHaveLength(10);

    // Replays of the last round, an earlier one and one past the limit change nothing.
    const events = await eventFingerprint(requestId);
    const deliveries = await deliveryFingerprint(requestId);
    const request = await refs.sosRequest(requestId).get();
    for (let i = 0; i < 3; i++) {
      for (const round of [10, 5, 11]) await runEscalationRound({ requestId, round, dueAtMillis: 0, attempt: 0 });
    }
    expect(await eventFingerprint(requestId)).toEqual(events);
    expect(await deliveryFingerprint(requestId)).toEqual(deliveries);
    expect((await refs.sosRequest(requestId).get()).updateTime?.isEqual(request.updateTime!)).toBe(true);
  });

  it('an early task (the emulator ignores schedule times) declines without reading or writing, and ends when it would start over for a request that is gone', async () => {
    const resident = sessions[3]!;
    const requestId = await createRequest(resident, { locationId: slowSite.locationId });
    const opened = await waitProcessed(requestId);
    expect(opened.status).toBe('open');
    const task = { requestId, round: 1, dueAtMillis: opened.ackDeadlineAt!.toMillis(), attempt: 0 };
    const before = await refs.sosRequest(requestId).get();

    // An hour early, first try: declined ("retry later", HTTP 503 from the queue function), nothing written.
    await expect(runEscalationRound(task)).rejects.toBeInstanceOf(TaskDispatchedEarly);
    const after = await refs.sosRequest(requestId).get();
    expect(after.updateTime?.isEqual(before.updateTime!)).toBe(true);
    expect(after.data()?.escalationLevel).toBe(0);
    expect((await refs.event(requestId, 'escalated-1').get()).exists).toBe(false);

    // When its next retry would come late it starts over; a request that no longer exists ends its chain there.
    await refs.sosRequest(requestId).delete();
    await expect(runEscalationRound(task)).rejects.toBeInstanceOf(TaskDispatchedEarly);
    await expect(runEscalationRound(task, { retryCount: 12 })).resolves.toBeUndefined();
    expect((await refs.event(requestId, 'escalated-1').get()).exists).toBe(false);
  });
});
