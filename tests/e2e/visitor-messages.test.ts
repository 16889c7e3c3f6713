// Issue 12: a visitor with no account scans the code on the wall, asks for help, and exchanges messages
// with the staff member who claims it; the staff card names them «Посетитель» with their phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getFirestore } from 'firebase-admin/firestore';
import { paths, type SosRequest } from '@sos/model';
import { useEmulators } from '../../scripts/seed';
import { appUrl, expectNoPageErrors, launchBrowser, openPhone, screenshot, signIn, type PhonePage } from './browser';
import { t } from './messages';

const TOKEN = 'qr-bc-a-2-210';
const SMALL_PHONE = { width: 360, height: 640 };
const staffCard = (page: Page, requestId: string) => page.locator(`[data-testid="staff-request"][data-request-id="${requestId}"]`);

describe('a visitor at a QR code', () => {
  let browser: Browser;
  let visitor: PhonePage;
  let staff: PhonePage;
  let requestId = '';

  beforeAll(async () => {
    useEmulators();
    browser = await launchBrowser();
    // The visitor's phone is a small one: a reply must reach its first screen.
    [visitor, staff] = await Promise.all([openPhone(browser, { viewport: SMALL_PHONE }), openPhone(browser)]);
  });

  afterAll(async () => {
    if (requestId)
      await getFirestore()
        .doc(paths.sosRequest(requestId))
        .update({ status: 'cancelled' })
        .catch(() => undefined);
    await browser?.close();
  });

  it('asks for help without an account and talks with the staff member who comes', async () => {
    await signIn(staff.page, 'staff@demo.test', /\/staff$/);
    await staff.page.getByRole('heading', { name: t('staff.title') }).waitFor();

    // Signed out: the code's screen shows the place, the plan, the staff phone and «Нужна помощь».
    await visitor.page.goto(appUrl(`/q/${TOKEN}`));
    await visitor.page.getByTestId('qr-place').getByText('Офис 210 · 2 этаж').waitFor({ timeout: 15_000 });
    await visitor.page.getByTestId('staff-phone').waitFor();
    expect(visitor.page.url()).toContain(`/q/${TOKEN}`);

    // A bad phone is named next to the field and nothing is sent.
    const phone = visitor.page.getByLabel(t('qr.contactPhone'));
    await phone.fill('позвоните');
    await visitor.page.getByRole('button', { name: t('qr.needHelp') }).click();
    await visitor.page.getByText(t('qr.contactPhoneInvalid')).waitFor();
    expect(visitor.page.url()).toContain(`/q/${TOKEN}`);
    // Typed as people do: leaving the field shows it grouped, and E.164 is what is stored.
    await phone.fill('8 912 345-67-89');
    await phone.blur();
    await expect.poll(() => phone.inputValue()).toBe('+7 912 345 67 89');
    await screenshot(visitor.page, 'visitor-01-plan');
    await visitor.page.getByRole('button', { name: t('qr.needHelp') }).click();
    await visitor.page.waitForURL(/\/sos\/[\w-]+$/);
    requestId = visitor.page.url().split('/').pop() ?? '';

    const card = staffCard(staff.page, requestId);
    await card.and(staff.page.locator('[data-status="open"]')).waitFor({ timeout: 20_000 });
    await expect.poll(() => card.getByTestId('requester-name').innerText()).toBe(t('staff.visitor'));
    expect(await card.innerText()).toContain('+7 912 345 67 89');
    await card.getByRole('button', { name: t('staff.claim') }).click();
    await card.and(staff.page.locator('[data-status="acknowledged"]')).waitFor();
    await card.getByRole('button', { name: t('messages.quick.going') }).click();

    // The visitor sees it live and answers.
    const thread = visitor.page.getByTestId('messages');
    await thread
      .getByTestId('message')
      .filter({ hasText: t('messages.quick.going') })
      .waitFor({ timeout: 15_000 });
    expect(await thread.getByTestId('message').first().innerText()).toContain(t('messages.role.staff'));
    // Announced (issue 19): said aloud, a badge on the thread, and the thread up under the status, before the
    // «ПОВТОРИТЬ ЗАПРОС» button and the plan, on the first screen.
    const announced = t('messages.announce', { author: t('messages.role.staff'), text: t('messages.quick.going') });
    await expect.poll(() => visitor.page.getByTestId('reply-announcement').textContent()).toBe(announced);
    expect(await visitor.page.getByTestId('reply-announcement').getAttribute('aria-live')).toBe('polite');
    const badge = thread.getByTestId('messages-unread');
    await badge.getByText(t('messages.unread.one', { count: 1 })).waitFor();
    const badgeBox = await badge.boundingBox();
    expect(badgeBox && badgeBox.y + badgeBox.height <= SMALL_PHONE.height).toBe(true);
    const threadFirst = await visitor.page.evaluate(() => {
      const [state, messages, repeat] = ['request-state', 'messages', 'repeat'].map((id) => document.querySelector(`[data-testid="${id}"]`));
      return state && messages && repeat ? [state.compareDocumentPosition(messages), messages.compareDocumentPosition(repeat)] : null;
    });
    const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
    expect(threadFirst).toEqual([FOLLOWING, FOLLOWING]);
    await screenshot(visitor.page, 'visitor-02-reply-announced');
    // An empty message is refused next to the field; turning to the thread reads the news (the badge goes).
    await thread.getByRole('button', { name: t('messages.send') }).click();
    await thread.getByText(t('messages.error.empty')).waitFor();
    expect(await badge.count()).toBe(0);
    await thread.getByLabel(t('messages.label')).fill('Я у двери, жду');
    await thread.getByRole('button', { name: t('messages.send') }).click();
    await screenshot(visitor.page, 'visitor-02-messages');

    await card.getByTestId('message').filter({ hasText: 'Я у двери, жду' }).waitFor({ timeout: 15_000 });
    expect(await card.getByTestId('message').filter({ hasText: 'Я у двери, жду' }).innerText()).toContain(t('messages.role.requester'));
    await screenshot(staff.page, 'visitor-03-staff-card');

    const stored = (await getFirestore().doc(paths.sosRequest(requestId)).get()).data() as SosRequest;
    expect(stored).toMatchObject({ source: 'qr', qrToken: TOKEN, contactPhone: '+79123456789', requester: { visitor: true, phone: '+79123456789' } });
    const messages = await getFirestore().collection(paths.messages(requestId)).orderBy('at').get();
    expect(messages.docs.map((d) => [d.data().role, d.data().text])).toEqual([
      ['staff', t('messages.quick.going')],
      ['requester', 'Я у двери, жду'],
    ]);
    expectNoPageErrors(visitor);
    expectNoPageErrors(staff);
  });
});
