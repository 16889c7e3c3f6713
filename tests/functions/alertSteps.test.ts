// Alert steps against the real emulators (the sendAlertStep task queue on the tasks emulator, the emulated channel
// transport): a site of its own with steps 0/1/2 s apart, its people's contact methods verified or not.
import './setup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refs } from '../../functions/src/firestore';
import { runAlertStep } from '../../functions/src/reach/steps/alertStepChain';
import { acknowledge, createRequest, signIn, type ClientSession } from './clients';
import { eventFingerprint, waitForDoc, waitForQuery, waitProcessed } from './admin';
import { createResponseSite, deliveryFingerprint, SITE_PASSWORD, type ResponseSite } from './fixtures';
import { addContacts, freshChatId, freshPhone, setAlertSteps } from './reachFixtures';
import { functionLogMark, waitForLogged, type LoggedEntry } from '../helpers/functionLog';

let site: ResponseSite;
let escalating: ResponseSite;
let busy: ResponseSite;
const busyPhone = freshPhone();
const sessions: ClientSession[] = [];
const tier1 = { chat: freshChatId(), sms: freshPhone(), voice: freshPhone(), unverified: freshPhone() };

beforeAll(async () => {
  [site, escalating, busy] = await Promise.all([createResponseSite(3600), createResponseSite(1), createResponseSite(3600)]);
  // Six SMS steps at once: one more than a person gets in 10 minutes.
  await setAlertSteps(
    busy.locationId,
    Array.from({ length: 6 }, () => ({ channel: 'sms' as const, afterSeconds: 0 })),
  );
  // Telegram at once, SMS after 1 s, a call after 2 s, and one more SMS much later (a claim comes first).
  await setAlertSteps(site.locationId, [
    { channel: 'voice', afterSeconds: 2 },
    { channel: 'telegram', afterSeconds: 0 },
    { channel: 'sms', afterSeconds: 1 },
    { channel: 'sms', afterSeconds: 600 },
  ]);
  await setAlertSteps(escalating.locationId, [{ channel: 'telegram', afterSeconds: 0 }]);
  await Promise.all([
    addContacts(site.locationId, site.tier1.uid, [
      { id: 'tg', kind: 'telegram', address: tier1.chat, verified: true },
      { id: 'sms', kind: 'sms', address: tier1.sms, verified: true },
      { id: 'voice', kind: 'voice', address: tier1.voice, verified: true },
      { id: 'sms-new', kind: 'sms', address: tier1.unverified, verified: false },
    ]),
    // Not of the open step's audience (tier 2), and not on duty: never alerted about a request nobody escalated.
    addContacts(site.locationId, site.tier2.uid, [{ id: 'tg', kind: 'telegram', address: freshChatId(), verified: true }]),
    addContacts(site.locationId, site.tier1OffDuty.uid, [{ id: 'sms', kind: 'sms', address: freshPhone(), verified: true }], false),
    addContacts(escalating.locationId, escalating.tier2.uid, [{ id: 'tg', kind: 'telegram', address: freshChatId(), verified: true }]),
    addContacts(escalating.locationId, escalating.admin.uid, [{ id: 'tg', kind: 'telegram', address: freshChatId(), verified: true }]),
    addContacts(busy.locationId, busy.tier1.uid, [{ id: 'sms', kind: 'sms', address: busyPhone, verified: true }]),
  ]);
  sessions.push(
    ...(await Promise.all([
      signIn(site.resident.email, SITE_PASSWORD),
      signIn(site.tier1.email, SITE_PASSWORD),
      signIn(escalating.resident.email, SITE_PASSWORD),
      signIn(escalating.tier1.email, SITE_PASSWORD),
      signIn(busy.resident.email, SITE_PASSWORD),
    ])),
  );
});

afterAll(async () => {
  await Promise.all(sessions.map((s) => s.close()));
});

const alertRows = (requestId: string) => refs.deliveries(requestId).where('channel', 'in', ['telegram', 'sms', 'voice']);

/**
 * The claim's `stop-alert-steps` effect as the functions logged it: the tasks it deleted, none of them sent on the
 * emulator (tasks/taskQueue.ts says why), where a step left waiting stops itself when due, as below.
 */
const stopLogged = async (mark: number, requestId: string) => {
  const ofRequest = (entries: LoggedEntry[]) => entries.filter((entry) => entry.requestId === requestId);
  const entries = await waitForLogged(mark, 'waiting alert step tasks deleted', (all) => ofRequest(all).length > 0, 'the alert steps stopped');
  return ofRequest(entries)[0];
};

describe('alert steps', () => {
  it('fire in order on verified methods only, send nothing twice on a replay, and stop at a claim', { timeout: 90_000 }, async () => {
    const [resident, staff] = sessions as [ClientSession, ClientSession];
    const requestId = await createRequest(resident, { locationId: site.locationId });
    const opened = await waitProcessed(requestId);
    const createdAt = opened.createdAt.toMillis();
    const rows = await waitForQuery(alertRows(requestId), (docs) => docs.length >= 3, 'telegram, sms and voice rows', 45_000);

    const byId = Object.fromEntries(rows.map((row) => [row.id, row.data()]));
    expect(Object.keys(byId).sort()).toEqual([`alert-0-1-${site.tier1.uid}-tg`, `alert-0-2-${site.tier1.uid}-sms`, `alert-0-3-${site.tier1.uid}-voice`]);
    const telegram = byId[`alert-0-1-${site.tier1.uid}-tg`]!;
    const sms = byId[`alert-0-2-${site.tier1.uid}-sms`]!;
    const voice = byId[`alert-0-3-${site.tier1.uid}-voice`]!;
    expect(telegram).toMatchObject({ uid: site.tier1.uid, channel: 'telegram', status: 'emulated', to: tier1.chat, error: null });
    expect(telegram.payload).toMatchObject({ chat_id: tier1.chat });
    expect(JSON.parse(String(telegram.payload?.reply_markup))).toEqual({ inline_keyboard: [[{ text: 'Принять', callback_data: `ack:${requestId}` }]] });
    expect(String(telegram.payload?.text)).toContain(site.locationName);
    expect(sms).toMatchObject({ channel: 'sms', to: tier1.sms, payload: { To: tier1.sms, From: expect.any(String) as unknown } });
    expect(String(sms.payload?.Body)).toContain('Ответьте 1');
    expect(voice).toMatchObject({ channel: 'voice', to: tier1.voice, providerId: expect.any(String) as unknown });
    expect(String(voice.payload?.Twiml)).toMatch(new RegExp(`<Gather numDigits="1"[^>]*action="[^"]*/twilioWebhook\\?request=${requestId}"`));
    // In order, each at its time after the request was made.
    expect(telegram.at.toMillis()).toBeLessThanOrEqual(sms.at.toMillis());
    expect(sms.at.toMillis()).toBeGreaterThanOrEqual(createdAt + 1000);
    expect(voice.at.toMillis()).toBeGreaterThanOrEqual(createdAt + 2000);
    // Every message is a row with its channel: the open push's rows say `push`.
    const pushRows = (await refs.deliveries(requestId).where('batch', '==', 'open').get()).docs.map((row) => row.data().channel);
    expect(pushRows.length).toBeGreaterThan(0);
    expect(new Set(pushRows)).toEqual(new Set(['push']));
    const notified = await waitForDoc(refs.event(requestId, 'notified-alert-0-3'), (e) => e !== undefined, 'voice step event');
    expect(notified?.detail).toMatchObject({ batch: 'alert-0-3', channel: 'voice', recipients: 1, pushed: 1, grouped: 0, statuses: { emulated: 1 } });

    // A replayed step (the queue's retry, a duplicate dispatch) sends nothing again.
    const deliveries = await deliveryFingerprint(requestId);
    const events = await eventFingerprint(requestId);
    await runAlertStep({ requestId, step: 1, dueAtMillis: createdAt, attempt: 0, startAtMillis: createdAt });
    await runAlertStep({ requestId, step: 3, dueAtMillis: createdAt + 2000, attempt: 0, startAtMillis: createdAt });
    expect(await deliveryFingerprint(requestId)).toEqual(deliveries);
    expect(await eventFingerprint(requestId)).toEqual(events);

    // Claimed: the claim deletes steps 1..8 of the open audience (steps 4, the SMS at 600 s, still waits)…
    const logMark = functionLogMark();
    await acknowledge(staff, requestId, site.tier1.name);
    await waitForDoc(refs.event(requestId, 'acknowledged'), (e) => e !== undefined, 'acknowledged event');
    await waitForDoc(refs.event(requestId, 'notified-ack'), (e) => e !== undefined, 'requester push batch');
    expect(await stopLogged(logMark, requestId)).toMatchObject({ tasks: 8, deletesSent: 0 });
    // … and a step still waiting where the delete cannot reach (the emulator), once due, does nothing and writes nothing.
    const claimed = await refs.sosRequest(requestId).get();
    const afterClaim = { deliveries: await deliveryFingerprint(requestId), events: await eventFingerprint(requestId) };
    const due = createdAt + 600_000;
    await runAlertStep({ requestId, step: 4, dueAtMillis: due, attempt: 0, startAtMillis: createdAt }, { nowMillis: due });
    expect({ deliveries: await deliveryFingerprint(requestId), events: await eventFingerprint(requestId) }).toEqual(afterClaim);
    expect((await refs.sosRequest(requestId).get()).updateTime?.isEqual(claimed.updateTime!)).toBe(true);
    expect(await refs.deliveries(requestId).where('batch', '==', 'alert-0-4').get()).toHaveProperty('size', 0);
  });

  it("run for an escalation round's audience from the round's due time", { timeout: 60_000 }, async () => {
    const [, , resident, staff] = sessions as [ClientSession, ClientSession, ClientSession, ClientSession];
    const requestId = await createRequest(resident, { locationId: escalating.locationId });
    const rows = await waitForQuery(refs.deliveries(requestId).where('batch', '==', 'alert-1-1'), (docs) => docs.length >= 2, 'round 1 telegram rows', 45_000);
    const logMark = functionLogMark();
    await acknowledge(staff, requestId, escalating.tier1.name);
    // The claim stops the steps of every audience alerted so far: round 0's and each escalation round's.
    const { escalationLevel } = (await refs.sosRequest(requestId).get()).data()!;
    expect(escalationLevel).toBeGreaterThanOrEqual(1);
    expect(await stopLogged(logMark, requestId)).toMatchObject({ tasks: 8 * (escalationLevel! + 1) });
    expect(rows.map((row) => row.data().uid).sort()).toEqual([escalating.admin.uid, escalating.tier2.uid].sort());
    const round1 = (await refs.sosRequest(requestId).get()).data()!.ackDeadlineAt!.toMillis();
    for (const row of rows) expect(row.data().at.toMillis()).toBeGreaterThanOrEqual(round1);
    // The open step's audience (tier 1) has no Telegram: nothing went to anyone for round 0.
    expect((await refs.deliveries(requestId).where('batch', '==', 'alert-0-1').get()).size).toBe(0);
  });

  it('send at most 5 SMS per person in 10 minutes and tell the alerts held before as one line', { timeout: 60_000 }, async () => {
    const resident = sessions[4]!;
    // Five SMS went out 11 minutes ago (the window has passed) and three alerts were held then.
    const longAgo = Date.now() - 11 * 60_000;
    await refs
      .alertLimit(busy.tier1.uid)
      .set({ sms: { sentAt: Array.from({ length: 5 }, (_, i) => longAgo + i), held: 3, heldLocationName: 'Соседний корпус' } });
    const requestId = await createRequest(resident, { locationId: busy.locationId });
    // Each step enqueues the next once its transaction commits, before it sends: the six may send side by side, and
    // whichever claims the sixth slot in the limit is the one held.
    const steps = await Promise.all(
      Array.from({ length: 6 }, (_, i) => waitForDoc(refs.event(requestId, `notified-alert-0-${i + 1}`), (e) => e !== undefined, `SMS step ${i + 1}`, 45_000)),
    );
    const details = steps.map((step) => step?.detail as { channel?: string; pushed?: number; grouped?: number } | undefined);
    expect(details.filter((detail) => detail?.channel === 'sms' && detail.pushed === 0 && detail.grouped === 1)).toHaveLength(1);
    expect(details.filter((detail) => detail?.channel === 'sms' && detail.pushed === 1 && detail.grouped === 0)).toHaveLength(5);
    const rows = (await alertRows(requestId).get()).docs.map((row) => row.data());
    expect(rows).toHaveLength(5);
    const bodies = rows.sort((a, b) => a.at.toMillis() - b.at.toMillis()).map((row) => String(row.payload?.Body));
    expect(bodies[0]).toContain('Ещё вызовов о помощи: 3 — Соседний корпус');
    expect(bodies.slice(1).some((body) => body.includes('Ещё вызовов'))).toBe(false);
    expect((await refs.alertLimit(busy.tier1.uid).get()).data()?.sms).toMatchObject({ held: 1, heldLocationName: busy.locationName });
  });
});
