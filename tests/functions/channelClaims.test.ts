// «Принять» from Telegram, SMS and voice against the emulators: the webhooks called as the providers call them,
// signed with the demo secrets of functions/.secret.local; the claim, the late claimer's answer, and every refusal.
import './setup';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doc, serverTimestamp, updateDoc } from 'firebase/firestore';
import { cancelWrite, paths } from '@sos/model';
import { Timestamp } from 'firebase-admin/firestore';
import { peopleRefs, reachRefs, refs } from '../../functions/src/firestore';
import { webhookBaseUrl } from '../../functions/src/params';
import { twilioSignature } from '../../functions/src/reach/transport/twilioSignature';
import { EMULATOR_HOSTS, PROJECT_ID } from '../helpers/emulators';
import { createRequest, signIn, type ClientSession } from './clients';
import { eventFingerprint, waitForDoc, waitForQuery, waitProcessed } from './admin';
import { createResponseSite, SITE_PASSWORD, type ResponseSite } from './fixtures';
import { addContacts, freshChatId, freshPhone, setAlertSteps } from './reachFixtures';

const secrets = readFileSync(new URL('../../functions/.secret.local', import.meta.url), 'utf8');
const secret = (name: string) => new RegExp(`^${name}=(.*)$`, 'm').exec(secrets)?.[1] ?? '';
const FUNCTIONS = `http://${EMULATOR_HOSTS.functions}/${PROJECT_ID}/us-central1`;

let site: ResponseSite;
let resident: ClientSession;
const tier1 = { chat: freshChatId(), sms: freshPhone(), voice: freshPhone() };
const tier2 = { chat: freshChatId() };

beforeAll(async () => {
  site = await createResponseSite(3600);
  await setAlertSteps(site.locationId, [
    { channel: 'telegram', afterSeconds: 0 },
    { channel: 'sms', afterSeconds: 0 },
    { channel: 'voice', afterSeconds: 0 },
  ]);
  await Promise.all([
    addContacts(site.locationId, site.tier1.uid, [
      { id: 'tg', kind: 'telegram', address: tier1.chat, verified: true },
      { id: 'sms', kind: 'sms', address: tier1.sms, verified: true },
      { id: 'voice', kind: 'voice', address: tier1.voice, verified: true },
    ]),
    addContacts(site.locationId, site.tier2.uid, [{ id: 'tg', kind: 'telegram', address: tier2.chat, verified: true }]),
  ]);
  // Tier 2's membership, as an invitation writes it (the fixture gives tier 2 a roster entry only): staff who may claim.
  await peopleRefs.member(site.locationId, site.tier2.uid).set({ name: site.tier2.name, phone: '', role: 'staff', joinedAt: Timestamp.now() });
  resident = await signIn(site.resident.email, SITE_PASSWORD);
});

afterAll(async () => {
  await resident.close();
});

/** A «Принять» press as Telegram posts it, the secret in its header unless told otherwise. */
async function pressAccept(chatId: string, requestId: string, webhookSecret = secret('TELEGRAM_WEBHOOK_SECRET')) {
  const update = {
    update_id: Date.now(),
    callback_query: {
      id: `cb-${Date.now()}`,
      from: { id: Number(chatId), language_code: 'ru' },
      message: { message_id: 1, chat: { id: Number(chatId) } },
      data: `ack:${requestId}`,
    },
  };
  const response = await fetch(`${FUNCTIONS}/telegramWebhook`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': webhookSecret },
    body: JSON.stringify(update),
  });
  const body = response.status === 200 ? ((await response.json()) as Record<string, unknown>) : null;
  return { status: response.status, body };
}

/** A form POST as Twilio makes it, signed over `<WEBHOOK_BASE_URL>/twilioWebhook` + `query` with the auth token. */
async function twilioPost(fields: Record<string, string>, query = '', authToken = secret('TWILIO_AUTH_TOKEN')) {
  const signature = twilioSignature(authToken, `${webhookBaseUrl()}/twilioWebhook${query}`, fields);
  const response = await fetch(`${FUNCTIONS}/twilioWebhook${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, text: await response.text() };
}

/** A request of the site, open, with its alert on `channel` sent to tier 1. */
async function alertedRequest(channel: 'telegram' | 'sms' | 'voice') {
  const requestId = await createRequest(resident, { locationId: site.locationId });
  await waitProcessed(requestId);
  const [row] = await waitForQuery(
    refs.deliveries(requestId).where('channel', '==', channel),
    (docs) => docs.some((d) => d.data().uid === site.tier1.uid),
    `${channel} alert to tier 1`,
  );
  return { requestId, row: row! };
}

describe('«Принять» in Telegram', () => {
  it('claims for the first presser, tells a late one who took it, and ignores an unknown chat or a wrong secret', { timeout: 60_000 }, async () => {
    const { requestId } = await alertedRequest('telegram');

    expect(await pressAccept(tier1.chat, requestId, 'wrong-secret')).toEqual({ status: 401, body: null });
    const stranger = await pressAccept(freshChatId(), requestId);
    expect(stranger.body).toMatchObject({ method: 'answerCallbackQuery', text: 'Из этого чата нельзя принять вызов: привяжите Telegram в приложении.' });
    expect((await refs.sosRequest(requestId).get()).data()?.status).toBe('open');

    const first = await pressAccept(tier1.chat, requestId);
    expect(first.body).toMatchObject({ method: 'answerCallbackQuery', text: 'Вызов ваш. Идите на место.' });
    expect((await refs.sosRequest(requestId).get()).data()).toMatchObject({
      status: 'acknowledged',
      ackBy: site.tier1.uid,
      ackByName: site.tier1.name,
      ackChannel: 'telegram',
    });
    const event = await waitForDoc(refs.event(requestId, 'acknowledged'), (e) => e !== undefined, 'acknowledged event');
    expect(event).toMatchObject({ by: site.tier1.uid, detail: { channel: 'telegram', name: site.tier1.name } });
    await waitForDoc(refs.event(requestId, 'notified-ack'), (e) => e !== undefined, 'the requester is pushed');

    const late = await pressAccept(tier2.chat, requestId);
    expect(late.body).toMatchObject({ text: `Уже принял(а): ${site.tier1.name}` });
    expect((await refs.sosRequest(requestId).get()).data()?.ackBy).toBe(site.tier1.uid);
  });
});

describe('a call', () => {
  it('claims the gather request on key 1, and claims nothing after a cancel', { timeout: 60_000 }, async () => {
    const { requestId, row } = await alertedRequest('voice');
    const gather = (id: string, digits = '1') =>
      twilioPost(
        { CallSid: String(row.data().providerId), To: tier1.voice, From: '+15005550006', Digits: digits, CallStatus: 'in-progress' },
        `?request=${id}`,
      );

    expect((await gather(requestId, '2')).text).toContain('Этот номер не может принять вызов.');
    const answered = await gather(requestId);
    expect(answered.status).toBe(200);
    expect(answered.text).toContain('<Say');
    expect(answered.text).toContain('Вызов ваш.');
    const event = await waitForDoc(refs.event(requestId, 'acknowledged'), (e) => e !== undefined, 'acknowledged event');
    expect(event?.detail).toEqual({ channel: 'voice', name: site.tier1.name, digits: '1' });

    const cancelled = await alertedRequest('voice');
    await updateDoc(doc(resident.db, paths.sosRequest(cancelled.requestId)), { ...cancelWrite(serverTimestamp()) });
    await waitForDoc(refs.event(cancelled.requestId, 'cancelled'), (e) => e !== undefined, 'cancelled event');
    const events = await eventFingerprint(cancelled.requestId);
    expect((await gather(cancelled.requestId)).text).toContain('Этот вызов уже закрыт.');
    expect((await refs.sosRequest(cancelled.requestId).get()).data()?.status).toBe('cancelled');
    expect(await eventFingerprint(cancelled.requestId)).toEqual(events);
  });
});

describe('an SMS reply', () => {
  it('claims the most recent open request alerted to the number, records the status report, and STOP unverifies', { timeout: 60_000 }, async () => {
    const { requestId, row } = await alertedRequest('sms');

    // A forged or missing signature: 403, nothing read or written.
    expect((await twilioPost({ From: tier1.sms, Body: '1' }, '', 'not-the-auth-token')).status).toBe(403);
    expect((await refs.sosRequest(requestId).get()).data()?.status).toBe('open');
    // A number that is nobody's method here.
    expect((await twilioPost({ From: freshPhone(), Body: '1' })).text).toContain('Нет вызова, который можно принять с этого номера.');

    const reply = await twilioPost({ From: tier1.sms, To: '+15005550006', Body: ' да ' });
    expect(reply.text).toContain('<Message>Вызов ваш. Идите на место.</Message>');
    expect((await refs.sosRequest(requestId).get()).data()).toMatchObject({ status: 'acknowledged', ackBy: site.tier1.uid, ackChannel: 'sms' });
    expect((await twilioPost({ From: tier1.sms, Body: '1' })).text).toContain(`Уже принял(а): ${site.tier1.name}`);

    // Twilio's status callback updates the row and the journal hears of it.
    await twilioPost({ MessageSid: String(row.data().providerId), MessageStatus: 'delivered', To: tier1.sms });
    expect((await row.ref.get()).data()?.status).toBe('delivered');
    expect((await refs.event(requestId, `delivery-${row.id}-delivered`).get()).data()).toMatchObject({
      type: 'delivery',
      by: site.tier1.uid,
      detail: { channel: 'sms', status: 'delivered' },
    });

    expect((await twilioPost({ From: tier1.sms, Body: 'STOP' })).text).toContain('<Message>SMS-оповещения на этот номер отключены.</Message>');
    expect((await reachRefs.contact(site.tier1.uid, 'sms').get()).data()).toMatchObject({ verified: false, verifiedAt: null });
    await waitForDoc(
      refs.dispatch(site.locationId),
      (d) => !(d?.recipients[site.tier1.uid]?.contacts ?? []).some((c) => c.id === 'sms'),
      'the stopped method leaves the dispatch document',
    );
  });
});
