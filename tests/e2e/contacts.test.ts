// Issue 18 "Reach": on «Как со мной связаться» a person verifies an SMS number with the code the (emulated) SMS carried,
// and links Telegram through the one-time t.me link, whose /start reaches telegramWebhook as Telegram would send it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { getFirestore } from 'firebase-admin/firestore';
import { reachPaths } from '@sos/model';
import { useEmulators } from '../../scripts/seed';
import { DEMO_ACCOUNTS } from '../../scripts/demo-data';
import { EMULATOR_HOSTS, PROJECT_ID } from '../helpers/emulators';
import { expectNoPageErrors, launchBrowser, openPhone, screenshot, signIn, type PhonePage } from './browser';
import { t } from './messages';

const PERSON = DEMO_ACCOUNTS.resident;
/** The demo value of TELEGRAM_WEBHOOK_SECRET, where the functions emulator reads it. */
const TELEGRAM_SECRET = /^TELEGRAM_WEBHOOK_SECRET=(.*)$/m.exec(readFileSync(resolve(import.meta.dirname, '../../functions/.secret.local'), 'utf8'))?.[1] ?? '';
const TELEGRAM_WEBHOOK = `http://${EMULATOR_HOSTS.functions}/${PROJECT_ID}/us-central1/telegramWebhook`;

const contacts = () => getFirestore().collection(reachPaths.contacts(PERSON.uid));
/** The code in the body of the latest code SMS sent to the person (the notice's emulated payload), or ''. */
async function sentCode(): Promise<string> {
  const notices = await getFirestore().collection(reachPaths.notices(PERSON.uid)).where('type', '==', 'contact_code').get();
  const latest = notices.docs.sort((a, b) => b.get('at').toMillis() - a.get('at').toMillis())[0];
  return /\b\d{6}\b/.exec(String(latest?.get('payload.Body') ?? ''))?.[0] ?? '';
}
const method = (phone: PhonePage, kind: string) => phone.page.locator(`[data-testid="contact-method"][data-kind="${kind}"]`);

describe('«Как со мной связаться»', () => {
  let browser: Browser;
  let phone: PhonePage;

  beforeAll(async () => {
    useEmulators();
    // The person starts with no methods, so a rerun on the same emulators sees the same screen.
    const existing = await contacts().get();
    await Promise.all(existing.docs.map((document) => document.ref.delete()));
    browser = await launchBrowser();
    phone = await openPhone(browser, { viewport: { width: 360, height: 740 } });
    await signIn(phone.page, PERSON.email, /\/$/);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('adds an SMS number (a bad one refused next to the field) and verifies it with the code the SMS carried', async () => {
    const { page } = phone;
    await page.getByRole('button', { name: t('app.menu') }).click();
    await page.getByRole('link', { name: t('nav.contacts') }).click();
    await page.getByRole('heading', { name: t('contacts.title') }).waitFor();
    await page.getByTestId('contacts-empty').waitFor();

    await page.getByLabel(t('contacts.kind'), { exact: true }).selectOption('sms');
    await page.getByLabel(t('contacts.phone')).fill('8 912 555');
    await page.getByRole('button', { name: t('contacts.add') }).click();
    await page.getByText(t('contacts.errors.invalidPhone')).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('contact-phone');
    await page.getByLabel(t('contacts.phone')).fill('+7 912 555-01-77');
    await page.getByRole('button', { name: t('contacts.add') }).click();
    const sms = method(phone, 'sms');
    await expect.poll(() => sms.getByTestId('contact-state').innerText()).toBe(t('contacts.unverified'));
    await expect
      .poll(async () => (await contacts().get()).docs.map((document) => document.data()))
      .toEqual([expect.objectContaining({ kind: 'sms', address: '+79125550177', verified: false })]);

    await sms.getByRole('button', { name: t('contacts.sendCode') }).click();
    await sms.getByText(t('contacts.codeSent')).waitFor();
    // The emulated transport records what Twilio would have received: the code is in the SMS body.
    await expect.poll(sentCode, { timeout: 15_000 }).toMatch(/^\d{6}$/);
    const code = await sentCode();

    // A wrong code first: refused, nothing verified.
    const wrong = code === '000000' ? '111111' : '000000';
    await sms.getByLabel(t('contacts.code')).fill(wrong);
    await sms.getByRole('button', { name: t('contacts.confirm') }).click();
    await sms.getByText(t('contacts.errors.wrongCode')).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    expect(await sms.getAttribute('data-verified')).toBe('false');
    await screenshot(page, 'contacts-01-wrong-code');

    await sms.getByLabel(t('contacts.code')).fill(code);
    await sms.getByRole('button', { name: t('contacts.confirm') }).click();
    await expect.poll(() => sms.getByTestId('contact-state').innerText()).toBe(t('contacts.verified'));
    await expect.poll(async () => (await contacts().where('kind', '==', 'sms').get()).docs[0]?.get('verified')).toBe(true);

    // «Проверить» sends a test message over the verified method.
    await sms.getByRole('button', { name: t('contacts.test') }).click();
    await sms.getByText(t('contacts.testSent')).waitFor();
    const tests = getFirestore().collection(reachPaths.notices(PERSON.uid)).where('type', '==', 'contact_test');
    await expect.poll(async () => (await tests.get()).docs.map((document) => document.get('payload.To'))).toContain('+79125550177');
    await screenshot(page, 'contacts-02-sms-verified');
    expectNoPageErrors(phone);
  });

  it('links Telegram: the one-time link opens, its /start through the webhook shows a verified method, «Удалить» removes it', async () => {
    const { page, context } = phone;
    // No internet here: t.me answers with a stub page, as the Telegram app would take over on a phone.
    await context.route('https://t.me/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Telegram</title>' }));
    await page.getByRole('button', { name: t('contacts.linkTelegram') }).click();
    // The app opens the link itself too, but a browser blocks that tab when the link came later than the tap's few
    // seconds of user activation (a slow network): the link on screen is the way that always works, so it is the one used.
    const open = page.getByRole('link', { name: t('contacts.openTelegram') });
    await open.waitFor();
    const link = new URL((await open.getAttribute('href')) ?? '');
    expect(link.origin).toBe('https://t.me');
    const opened = context.waitForEvent('page');
    await open.click();
    const tab = await opened;
    await tab.waitForURL(link.href);
    await tab.close();
    const start = link.searchParams.get('start') ?? '';
    expect(start).not.toBe('');

    // Telegram calls the webhook with the secret header when the person taps «Start».
    const chatId = 700_000_000 + Math.floor(Math.random() * 1_000_000);
    const response = await fetch(TELEGRAM_WEBHOOK, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET },
      body: JSON.stringify({
        update_id: chatId,
        message: {
          message_id: 1,
          date: Math.floor(Date.now() / 1000),
          from: { id: chatId, is_bot: false, first_name: 'Анна' },
          chat: { id: chatId, type: 'private', first_name: 'Анна' },
          text: `/start ${start}`,
          entities: [{ offset: 0, length: 6, type: 'bot_command' }],
        },
      }),
    });
    expect(response.status).toBe(200);
    const telegram = method(phone, 'telegram');
    await expect.poll(() => telegram.getAttribute('data-verified'), { timeout: 15_000 }).toBe('true');
    expect(await telegram.innerText()).toContain(String(chatId));
    await screenshot(page, 'contacts-03-telegram-linked');

    page.once('dialog', (dialog) => void dialog.accept());
    await telegram.getByRole('button', { name: t('contacts.remove') }).click();
    await expect.poll(() => telegram.count()).toBe(0);
    await expect.poll(async () => (await contacts().where('kind', '==', 'telegram').get()).size).toBe(0);
    expectNoPageErrors(phone);
  });
});
