// Arrival overdue and nobody on duty against the real emulators (the `checkArrival` and
// `escalateSosRequest` task queues on the tasks emulator), each on sites of their own.
import './setup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Timestamp } from 'firebase-admin/firestore';
import type { SosRequest } from '@sos/model';
import { doc, serverTimestamp, updateDoc } from 'firebase/firestore';
import { refs } from '../../functions/src/firestore';
import { runArrivalCheck } from '../../functions/src/arrival/arrivalChain';
import { runEscalationRound } from '../../functions/src/escalation/escalationChain';
import { TaskDispatchedEarly } from '../../functions/src/tasks/earlyDispatch';
import { acknowledge, createRequest, newRequestId, signIn, type ClientSession } from './clients';
import { eventFingerprint, waitForDoc, waitProcessed } from './admin';
import { createResponseSite, deliveriesOf, deliveryFingerprint, SITE_PASSWORD, type ResponseSite } from './fixtures';

const MINUTE = 60_000;
let lateSite: ResponseSite;
let chainSite: ResponseSite;
let emptySite: ResponseSite;
const sessions: Record<string, ClientSession> = {};

beforeAll(async () => {
  // 6 s to arrive; acknowledgement is not what these tests wait for (an hour).
  [lateSite, chainSite, emptySite] = await Promise.all([createResponseSite(3600, 0.1), createResponseSite(3600, 1), createResponseSite(3600)]);
  // Nobody of tier 1 on duty at one site (on duty without a device counts the same: planOpenPush's unit tests).
  await refs.staff(emptySite.locationId).doc(emptySite.tier1.uid).update({ onDuty: false });
  const entries = await Promise.all([
    signIn(lateSite.resident.email, SITE_PASSWORD).then((s) => ['lateResident', s] as const),
    signIn(lateSite.tier1.email, SITE_PASSWORD).then((s) => ['lateStaff', s] as const),
    signIn(chainSite.tier1.email, SITE_PASSWORD).then((s) => ['chainStaff', s] as const),
    signIn(emptySite.resident.email, SITE_PASSWORD).then((s) => ['emptyResident', s] as const),
  ]);
  Object.assign(sessions, Object.fromEntries(entries));
});

afterAll(async () => {
  await Promise.all(Object.values(sessions).map((s) => s.close()));
});

/** Staff mark «На месте» as the staff app does. */
async function arrive(session: ClientSession, requestId: string): Promise<void> {
  await updateDoc(doc(session.db, 'sosRequests', requestId), { status: 'on_site', arrivedAt: serverTimestamp(), arrivedBy: session.uid });
}

/** An emergency request of the site's resident written with the Admin SDK (past the rules' checks); its id. */
async function writeAsServer(
  site: ResponseSite,
  fields: Pick<SosRequest<Timestamp>, 'status' | 'createdAt'> & Partial<SosRequest<Timestamp>>,
): Promise<string> {
  const requestId = newRequestId();
  await refs.sosRequest(requestId).set({
    uid: site.resident.uid,
    locationId: site.locationId,
    objectId: null,
    source: 'emergency',
    description: null,
    repeatOf: null,
    ...fields,
  });
  return requestId;
}

async function overdueEventIds(requestId: string): Promise<string[]> {
  const snap = await refs.events(requestId).get();
  return snap.docs
    .filter((d) => d.data().type === 'arrival_overdue')
    .sort((a, b) => a.data().at.toMillis() - b.data().at.toMillis())
    .map((d) => d.id);
}

describe('arrival overdue', () => {
  it('marks a claimed request overdue at its deadline, pushes claimer, on-duty staff and admins, and stops once on site', { timeout: 90_000 }, async () => {
    const site = lateSite;
    const requestId = await createRequest(sessions.lateResident!, { locationId: site.locationId });
    await waitProcessed(requestId);
    await acknowledge(sessions.lateStaff!, requestId, site.tier1.name);

    const event = await waitForDoc(refs.event(requestId, 'arrival_overdue'), (e) => e !== undefined, 'arrival overdue', 45_000);
    expect(event).toMatchObject({ type: 'arrival_overdue', by: null, detail: { repeat: 1 } });
    const request = (await refs.sosRequest(requestId).get()).data()!;
    expect(request).toMatchObject({ status: 'acknowledged', arrivalOverdue: true });
    expect(event!.at.toMillis()).toBeGreaterThanOrEqual(request.deadlineAt!.toMillis());
    await waitForDoc(refs.event(requestId, 'notified-arr-1'), (e) => e !== undefined, 'overdue push batch');
    // The claimer (its dead device was removed by the open push), on-duty tier 2 and the admin; never off-duty or other sites.
    expect(await deliveriesOf(requestId, 'arr-1')).toEqual({
      [`${site.tier1.uid}/ok`]: 'emulated',
      [`${site.tier2.uid}/d1`]: 'emulated',
      [`${site.admin.uid}/d1`]: 'emulated',
    });

    await arrive(sessions.lateStaff!, requestId);
    await waitForDoc(refs.event(requestId, 'on_site'), (e) => e !== undefined, 'on site recorded');
    // The repeat that is due next, and replays of the first, now change nothing.
    const events = await eventFingerprint(requestId);
    const deliveries = await deliveryFingerprint(requestId);
    for (let i = 0; i < 2; i++) {
      await runArrivalCheck({ requestId, repeat: 2, dueAtMillis: 0, attempt: 0 });
      await runArrivalCheck({ requestId, repeat: 1, dueAtMillis: 0, attempt: 0 });
    }
    expect(await eventFingerprint(requestId)).toEqual(events);
    expect(await deliveryFingerprint(requestId)).toEqual(deliveries);
    expect(await overdueEventIds(requestId)).toEqual(['arrival_overdue']);
  });

  it('repeats every 2 minutes while still only acknowledged, at most 5 times', { timeout: 120_000 }, async () => {
    const site = chainSite;
    // Written as made 9 minutes ago (Admin SDK, past the rules' request.time check), with a 1-minute
    // deadline: the deadline and all four repeats are already due, so the real queue runs the whole chain.
    const requestId = await writeAsServer(site, { status: 'new', createdAt: Timestamp.fromMillis(Date.now() - 9 * MINUTE) });
    await waitProcessed(requestId);
    await acknowledge(sessions.chainStaff!, requestId, site.tier1.name);

    await waitForDoc(refs.event(requestId, 'notified-arr-5'), (e) => e !== undefined, 'fifth overdue push', 90_000);
    const ids = ['arrival_overdue', 'arrival_overdue-2', 'arrival_overdue-3', 'arrival_overdue-4', 'arrival_overdue-5'];
    expect(await overdueEventIds(requestId)).toEqual(ids);
    for (let repeat = 1; repeat <= 5; repeat++) {
      expect(Object.keys(await deliveriesOf(requestId, `arr-${repeat}`)).sort()).toEqual(
        [`${site.admin.uid}/d1`, `${site.tier1.uid}/ok`, `${site.tier2.uid}/d1`].sort(),
      );
    }

    // Replays of any repeat, and a sixth, change nothing.
    const events = await eventFingerprint(requestId);
    const deliveries = await deliveryFingerprint(requestId);
    const before = await refs.sosRequest(requestId).get();
    for (const repeat of [1, 3, 5, 6]) await runArrivalCheck({ requestId, repeat, dueAtMillis: 0, attempt: 0 });
    expect(await eventFingerprint(requestId)).toEqual(events);
    expect(await deliveryFingerprint(requestId)).toEqual(deliveries);
    expect((await refs.sosRequest(requestId).get()).updateTime?.isEqual(before.updateTime!)).toBe(true);
  });
  it('an early check (the emulator ignores schedule times) declines without reading or writing, and ends when it would start over for a request that is gone', async () => {
    const site = chainSite;
    // Already claimed, due at its deadline an hour away (the create trigger leaves a request that is not `new` as it is).
    const requestId = await writeAsServer(site, {
      status: 'acknowledged',
      createdAt: Timestamp.now(),
      deadlineAt: Timestamp.fromMillis(Date.now() + 60 * MINUTE),
      ackBy: site.tier1.uid,
      ackByName: site.tier1.name,
      ackAt: Timestamp.now(),
    });
    const task = { requestId, repeat: 1, dueAtMillis: Date.now() + 60 * MINUTE, attempt: 0 };
    const before = await refs.sosRequest(requestId).get();

    // An hour early, first try: declined ("retry later", HTTP 503 from the queue function), nothing written.
    await expect(runArrivalCheck(task)).rejects.toBeInstanceOf(TaskDispatchedEarly);
    const after = await refs.sosRequest(requestId).get();
    expect(after.updateTime?.isEqual(before.updateTime!)).toBe(true);
    expect(after.data()?.arrivalOverdue).toBeUndefined();
    expect(await overdueEventIds(requestId)).toEqual([]);

    // When its next retry would come late it starts over; a request that no longer exists ends its chain there.
    await refs.sosRequest(requestId).delete();
    await expect(runArrivalCheck(task)).rejects.toBeInstanceOf(TaskDispatchedEarly);
    await expect(runArrivalCheck(task, { retryCount: 12 })).resolves.toBeUndefined();
    expect(await overdueEventIds(requestId)).toEqual([]);
  });
});

describe('nobody on duty', () => {
  it(
    'when no tier-1 staff member can be pushed, escalation round 1 runs at opening and pushes every on-duty staff member and the admins',
    { timeout: 60_000 },
    async () => {
      const [site, resident] = [emptySite, sessions.emptyResident!];
      const requestId = await createRequest(resident, { locationId: site.locationId });
      const opened = await waitProcessed(requestId);
      const escalated = await waitForDoc(refs.event(requestId, 'escalated-1'), (e) => e !== undefined, 'escalation at opening', 30_000);
      expect(escalated).toMatchObject({ type: 'escalated', by: null, detail: { reason: 'nobody_on_duty', round: 1 } });
      // At opening, not after the hour-long acknowledgement timer.
      expect(escalated!.at.toMillis()).toBeLessThan(opened.ackDeadlineAt!.toMillis());
      expect((await refs.sosRequest(requestId).get()).data()).toMatchObject({ status: 'open', escalationLevel: 1, nobodyOnDuty: true });
      await waitForDoc(refs.event(requestId, 'notified-esc-1'), (e) => e !== undefined, 'round 1 push batch');
      expect(await deliveriesOf(requestId, 'esc-1')).toEqual({ [`${site.tier2.uid}/d1`]: 'emulated', [`${site.admin.uid}/d1`]: 'emulated' });

      // A replayed round 1 changes nothing; round 2 is due at the acknowledgement deadline, an hour away.
      const events = await eventFingerprint(requestId);
      await runEscalationRound({ requestId, round: 1, dueAtMillis: opened.createdAt.toMillis(), attempt: 0, reason: 'nobody_on_duty' });
      expect(await eventFingerprint(requestId)).toEqual(events);
      expect((await refs.event(requestId, 'escalated-2').get()).exists).toBe(false);
      await updateDoc(doc(resident.db, 'sosRequests', requestId), { status: 'cancelled', cancelledAt: serverTimestamp() });
    },
  );

  it('escalates nothing at opening while a tier-1 staff member with a device is on duty', { timeout: 60_000 }, async () => {
    const requestId = await createRequest(sessions.lateResident!, { locationId: lateSite.locationId });
    await waitForDoc(refs.event(requestId, 'notified-open'), (e) => e !== undefined, 'open push batch');
    const request = (await refs.sosRequest(requestId).get()).data()!;
    expect(request.escalationLevel).toBe(0);
    expect(request.nobodyOnDuty).toBeUndefined();
    expect((await refs.event(requestId, 'escalated-1').get()).exists).toBe(false);
    await updateDoc(doc(sessions.lateResident!.db, 'sosRequests', requestId), { status: 'cancelled', cancelledAt: serverTimestamp() });
  });
});
