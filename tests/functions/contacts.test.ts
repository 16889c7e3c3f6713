// Contact methods against the emulators (Reach): codes sent over the method's own channel and recorded as notices,
// verification and its limits, «Проверить», removal, and Telegram linking through the webhook as Telegram calls it.
import './setup';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { getAuth as getAdminAuth } from 'firebase-admin/auth';
import { Timestamp } from 'firebase-admin/firestore';
import { deleteApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword } from 'firebase/auth';
import { connectFunctionsEmulator, getFunctions, httpsCallable } from 'firebase/functions';
import { contactCreate, telegramContactId, type Notice, type NoticeType, type PhoneContactKind } from '@sos/model';
import { peopleRefs, reachRefs } from '../../functions/src/firestore';
import { EMULATOR_HOSTS, PROJECT_ID, hostAndPort } from '../helpers/emulators';
import { emulatorClientApp, failure } from './clients';

const PASSWORD = 'sos-contacts-1';
const REGION = 'us-central1';
const WEBHOOK_URL = `http://${EMULATOR_HOSTS.functions}/${PROJECT_ID}/${REGION}/telegramWebhook`;
/** The demo secret the emulators load from functions/.secret.local, as Telegram would send it. */
const WEBHOOK_SECRET = /^TELEGRAM_WEBHOOK_SECRET=(.*)$/m.exec(readFileSync(new URL('../../functions/.secret.local', import.meta.url), 'utf8'))?.[1] ?? '';
const apps: FirebaseApp[] = [];

afterAll(async () => {
  await Promise.all(apps.map((app) => deleteApp(app)));
});

interface Person {
  uid: string;
  call<T = unknown>(name: string, data?: unknown): Promise<T>;
}

/** A real Auth emulator account with a profile, signed in on its own client as the web app is. */
async function person(locale: 'ru' | 'en' = 'ru'): Promise<Person> {
  const uid = `c-${randomUUID()}`;
  await getAdminAuth().createUser({ uid, email: `${uid}@contacts.test`, password: PASSWORD, displayName: 'Иван Петров' });
  await peopleRefs.profile(uid).set({ displayName: 'Иван Петров', phone: '+79120000123', locationIds: [], homeLocationId: null, locale });
  const app = emulatorClientApp(`contacts-${uid}`);
  apps.push(app);
  const auth = getAuth(app);
  connectAuthEmulator(auth, `http://${EMULATOR_HOSTS.auth}`, { disableWarnings: true });
  const functions = getFunctions(app, REGION);
  const { host, port } = hostAndPort(EMULATOR_HOSTS.functions);
  connectFunctionsEmulator(functions, host, port);
  await signInWithEmailAndPassword(auth, `${uid}@contacts.test`, PASSWORD);
  return { uid, call: async <T>(name: string, data?: unknown) => (await httpsCallable<unknown, T>(functions, name)(data)).data };
}

/** A phone method as the owner's client adds it (contactCreate, what the rules accept); its id. */
async function phoneMethod(uid: string, kind: PhoneContactKind, address = '+79120000002'): Promise<string> {
  const contactId = `m-${randomUUID().slice(0, 8)}`;
  await reachRefs.contactWrite(uid, contactId).set(contactCreate(kind, address, Timestamp.now()));
  return contactId;
}

async function notices(uid: string, type: NoticeType): Promise<Notice[]> {
  const snapshot = await reachRefs.notices(uid).where('type', '==', type).orderBy('at').get();
  return snapshot.docs.map((doc) => doc.data());
}

/** The code of the latest code notice, read from the emulated SMS body as a test reads what a phone received. */
async function lastCode(uid: string): Promise<string> {
  const body = String((await notices(uid, 'contact_code')).at(-1)?.payload?.Body ?? '');
  const code = /\b(\d{6})\b/.exec(body)?.[1];
  if (!code) throw new Error(`no code in ${body}`);
  return code;
}

/** A POST as Telegram makes it to the webhook: JSON update, the secret in its header unless told otherwise. */
async function telegramPost(update: unknown, secret: string | null = WEBHOOK_SECRET): Promise<{ status: number; body: Record<string, unknown> | null }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (secret !== null) headers['X-Telegram-Bot-Api-Secret-Token'] = secret;
  const response = await fetch(WEBHOOK_URL, { method: 'POST', headers, body: JSON.stringify(update) });
  const json = (response.headers.get('content-type') ?? '').includes('application/json');
  return { status: response.status, body: json ? ((await response.json()) as Record<string, unknown>) : (await response.text(), null) };
}

const start = (code: string, chatId: number, languageCode = 'ru') => ({
  update_id: Math.floor(Math.random() * 1e9),
  message: {
    message_id: 1,
    date: 0,
    from: { id: chatId, is_bot: false, first_name: 'Иван', language_code: languageCode },
    chat: { id: chatId, type: 'private' },
    text: `/start ${code}`,
  },
});

const linkCodeOf = (url: string) => new URL(url).searchParams.get('start') ?? '';
const chatId = () => 100_000_000 + Math.floor(Math.random() * 800_000_000);

describe('phone methods', () => {
  it('a code goes out over the method (SMS text, spoken call), is stored hashed, and the right one verifies; then «Проверить» works', async () => {
    const me = await person();
    const sms = await phoneMethod(me.uid, 'sms');
    const voice = await phoneMethod(me.uid, 'voice');

    const { expiresAt } = await me.call<{ expiresAt: string }>('sendContactCode', { contactId: sms });
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(9 * 60_000);
    const [smsNotice] = await notices(me.uid, 'contact_code');
    expect(smsNotice).toMatchObject({ channel: 'sms', status: 'emulated', contactId: sms, locationId: null, title: 'Код подтверждения' });
    expect(smsNotice?.payload).toMatchObject({ To: '+79120000002', From: expect.stringMatching(/^\+/), Body: expect.stringMatching(/\d{6}/) });
    const code = await lastCode(me.uid);
    // Hashed where the owner cannot read it (the rules deny contactVerifications to everyone).
    const stored = (await reachRefs.contactVerification(me.uid).get()).data();
    expect(JSON.stringify(stored)).not.toContain(code);

    await me.call('sendContactCode', { contactId: voice });
    const voiceNotice = (await notices(me.uid, 'contact_code')).find((notice) => notice.channel === 'voice');
    expect(voiceNotice?.payload).toMatchObject({ To: '+79120000002', Twiml: expect.stringContaining('<Say voice="Polly.Tatyana" language="ru-RU">') });

    const wrong = code === '000000' ? '111111' : '000000';
    expect(await failure(me.call('confirmContact', { contactId: sms, code: wrong }))).toEqual({ code: 'invalid-argument', reason: 'wrong-code' });
    expect(await failure(me.call('confirmContact', { contactId: voice, code }))).toMatchObject({ code: 'invalid-argument' });
    expect(await me.call('confirmContact', { contactId: sms, code })).toEqual({ verified: true });
    const verified = (await reachRefs.contact(me.uid, sms).get()).data();
    expect(verified).toMatchObject({ kind: 'sms', verified: true });
    expect(verified?.verifiedAt).toBeInstanceOf(Timestamp);
    expect(await failure(me.call('confirmContact', { contactId: sms, code }))).toEqual({ code: 'failed-precondition', reason: 'already-verified' });
    expect((await reachRefs.contact(me.uid, voice).get()).data()?.verified).toBe(false);

    expect(await me.call('testContact', { contactId: sms })).toEqual({ status: 'emulated' });
    expect(await notices(me.uid, 'contact_test')).toEqual([
      expect.objectContaining({ channel: 'sms', status: 'emulated', contactId: sms, payload: expect.objectContaining({ To: '+79120000002' }) }),
    ]);
    expect(await failure(me.call('testContact', { contactId: voice }))).toEqual({ code: 'failed-precondition', reason: 'not-verified' });
  });

  it('five wrong codes lock verification for an hour, even for the right code, and a fourth code within an hour is refused', async () => {
    const me = await person();
    const sms = await phoneMethod(me.uid, 'sms');
    await me.call('sendContactCode', { contactId: sms });
    const code = await lastCode(me.uid);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let tries = 1; tries <= 4; tries++) {
      expect(await failure(me.call('confirmContact', { contactId: sms, code: wrong }))).toEqual({ code: 'invalid-argument', reason: 'wrong-code' });
    }
    expect(await failure(me.call('confirmContact', { contactId: sms, code: wrong }))).toEqual({ code: 'resource-exhausted', reason: 'locked' });
    expect(await failure(me.call('confirmContact', { contactId: sms, code }))).toEqual({ code: 'resource-exhausted', reason: 'locked' });
    expect(await failure(me.call('sendContactCode', { contactId: sms }))).toEqual({ code: 'resource-exhausted', reason: 'locked' });
    expect((await reachRefs.contact(me.uid, sms).get()).data()?.verified).toBe(false);

    const other = await person('en');
    const voice = await phoneMethod(other.uid, 'voice');
    for (let sent = 1; sent <= 3; sent++) await other.call('sendContactCode', { contactId: voice });
    expect(await failure(other.call('sendContactCode', { contactId: voice }))).toEqual({ code: 'resource-exhausted', reason: 'too-many-codes' });
    expect(await notices(other.uid, 'contact_code')).toHaveLength(3);
    expect((await notices(other.uid, 'contact_code'))[0]?.payload?.Twiml).toContain('<Say voice="Polly.Joanna" language="en-US">Your verification code');
  });

  it('a removed method gets nothing: no code, no test, no confirmation, and its code never verifies a new number', async () => {
    const me = await person();
    const sms = await phoneMethod(me.uid, 'sms');
    await me.call('sendContactCode', { contactId: sms });
    const code = await lastCode(me.uid);
    await reachRefs.contact(me.uid, sms).delete();
    const notFound = { code: 'not-found', reason: 'contact-not-found' };
    expect(await failure(me.call('confirmContact', { contactId: sms, code }))).toEqual(notFound);
    expect(await failure(me.call('sendContactCode', { contactId: sms }))).toEqual(notFound);
    expect(await failure(me.call('testContact', { contactId: sms }))).toEqual(notFound);
    expect((await reachRefs.contact(me.uid, sms).get()).exists).toBe(false);
    expect(await notices(me.uid, 'contact_code')).toHaveLength(1);

    // Added again under the same id with another number: the first number's code does not verify it.
    await reachRefs.contactWrite(me.uid, sms).set(contactCreate('sms', '+79120000009', Timestamp.now()));
    expect(await failure(me.call('confirmContact', { contactId: sms, code }))).toEqual({ code: 'invalid-argument', reason: 'wrong-code' });
    expect((await reachRefs.contact(me.uid, sms).get()).data()?.verified).toBe(false);
  });
});

describe('Telegram linking', () => {
  it("linkTelegram's one-time link, opened in Telegram, creates the verified method once; a second /start is told it was used", async () => {
    const me = await person();
    const { url } = await me.call<{ url: string; expiresAt: string }>('linkTelegram');
    expect(url).toMatch(/^https:\/\/t\.me\/\w+\?start=[A-Za-z0-9_-]{32}$/);
    const chat = chatId();

    const linked = await telegramPost(start(linkCodeOf(url), chat));
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ method: 'sendMessage', chat_id: String(chat), text: expect.stringContaining('Готово') });
    const contact = (await reachRefs.contact(me.uid, telegramContactId(String(chat))).get()).data();
    expect(contact).toMatchObject({ kind: 'telegram', address: String(chat), verified: true });
    expect(contact?.verifiedAt).toBeInstanceOf(Timestamp);

    const again = await telegramPost(start(linkCodeOf(url), chatId(), 'en'));
    expect(again.body).toMatchObject({ method: 'sendMessage', text: expect.stringContaining('already been used') });
    expect((await reachRefs.contacts(me.uid).get()).size).toBe(1);

    expect(await me.call('testContact', { contactId: telegramContactId(String(chat)) })).toEqual({ status: 'emulated' });
    expect((await notices(me.uid, 'contact_test'))[0]?.payload).toMatchObject({ chat_id: String(chat), text: expect.any(String) });
  });

  it('a wrong or missing secret is refused with 401 and the link stays unused, nothing written', async () => {
    const me = await person();
    const { url } = await me.call<{ url: string }>('linkTelegram');
    const code = linkCodeOf(url);
    const chat = chatId();
    expect((await telegramPost(start(code, chat), 'not-the-secret')).status).toBe(401);
    expect((await telegramPost(start(code, chat), null)).status).toBe(401);
    expect((await reachRefs.contacts(me.uid).get()).empty).toBe(true);
    const link = (await reachRefs.telegramLink(createHash('sha256').update(code).digest('hex')).get()).data();
    expect(link).toMatchObject({ uid: me.uid, usedAt: null });
  });

  it('an expired or unknown link is answered politely in the chat and links nothing; other updates are ignored', async () => {
    const me = await person();
    const code = randomUUID().replace(/-/g, '');
    const longAgo = Timestamp.fromMillis(Date.now() - 20 * 60_000);
    await reachRefs.telegramLink(createHash('sha256').update(code).digest('hex')).set({
      uid: me.uid,
      createdAt: longAgo,
      expiresAt: Timestamp.fromMillis(longAgo.toMillis() + 15 * 60_000),
      usedAt: null,
    });
    const chat = chatId();
    expect((await telegramPost(start(code, chat))).body).toMatchObject({ chat_id: String(chat), text: expect.stringContaining('Срок ссылки истёк') });
    expect((await telegramPost(start('no-such-link-code-000000', chat))).body).toMatchObject({ text: expect.stringContaining('не подходит') });
    expect((await reachRefs.contacts(me.uid).get()).empty).toBe(true);

    const chatter = await telegramPost({ update_id: 5, message: { message_id: 2, chat: { id: chat, type: 'private' }, text: 'привет' } });
    expect(chatter).toEqual({ status: 200, body: null });
  });

  it('callers must be signed in', async () => {
    const app = emulatorClientApp('contacts-anon');
    apps.push(app);
    const functions = getFunctions(app, REGION);
    const { host, port } = hostAndPort(EMULATOR_HOSTS.functions);
    connectFunctionsEmulator(functions, host, port);
    expect(await failure(httpsCallable(functions, 'linkTelegram')())).toMatchObject({ code: 'unauthenticated' });
  });
});
