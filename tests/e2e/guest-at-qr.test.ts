// Issue 20: anyone at the wall can call. A new sign-up with no location (not a member of the code's building) scans
// the code on the wall and calls there; the building's staff see the card with the caller's own name and phone. Someone
// of the second demo building calls at the same code next: their call joins the first (one card, one claim).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { paths, type SosRequest } from '@sos/model';
import { useEmulators } from '../../scripts/seed';
import { DEMO_PASSWORD } from '../../scripts/demo-data';
import { appUrl, expectNoPageErrors, launchBrowser, openPhone, screenshot, signIn, type PhonePage } from './browser';
import { t } from './messages';

const TOKEN = 'qr-bc-a-1-cafe';
const GUEST_NAME = 'Гость Новиков';
const GUEST_PHONE = '+79125550020';
/**
 * How long a state that waits for the create trigger may take: in CI, beside the rules and the stop test's own
 * emulators, a create trigger once ran 25 s after its request was written.
 */
const TRIGGER_TIMEOUT = { timeout: 60_000 };
const staffCard = (page: Page, requestId: string) => page.locator(`[data-testid="staff-request"][data-request-id="${requestId}"]`);

describe('a guest at a QR code', () => {
  let browser: Browser;
  let guest: PhonePage;
  let staff: PhonePage;
  const uid = `e2e-guest-${randomUUID().slice(0, 8)}`;
  const email = `${uid}@demo.test`;
  let requestId = '';
  let joinedId = '';

  beforeAll(async () => {
    useEmulators();
    // As sign-up leaves a person: an account and a profile, no location yet.
    await getAuth().createUser({ uid, email, password: DEMO_PASSWORD, displayName: GUEST_NAME });
    await getFirestore().doc(paths.user(uid)).set({ displayName: GUEST_NAME, phone: GUEST_PHONE, locationIds: [], homeLocationId: null });
    browser = await launchBrowser();
    [guest, staff] = await Promise.all([openPhone(browser), openPhone(browser)]);
  });

  afterAll(async () => {
    for (const id of [requestId, joinedId].filter(Boolean))
      await getFirestore()
        .doc(paths.sosRequest(id))
        .update({ status: 'cancelled' })
        .catch(() => undefined);
    await getAuth()
      .deleteUser(uid)
      .catch(() => undefined);
    await browser?.close();
  });

  it('a new sign-up with no location calls at the code of a building they do not belong to', { timeout: 120_000 }, async () => {
    await signIn(staff.page, 'staff@demo.test', /\/staff$/);
    await staff.page.getByRole('heading', { name: t('staff.title') }).waitFor();

    await signIn(guest.page, email, /\/$/);
    await guest.page.goto(appUrl(`/q/${TOKEN}`));
    await guest.page.getByTestId('qr-place').getByText('Кафе · 1 этаж').waitFor({ timeout: 15_000 });
    await expect(guest.page.getByTestId('qr-problem').count()).resolves.toBe(0);
    // Their profile has a phone: no visitor's call-back field.
    await expect(guest.page.getByTestId('contact-phone').count()).resolves.toBe(0);
    await guest.page.getByTestId('staff-phone').waitFor();
    await screenshot(guest.page, 'guest-01-plan');

    await guest.page.getByRole('button', { name: t('qr.needHelp') }).click();
    await guest.page.waitForURL(/\/sos\/[\w-]+$/);
    requestId = guest.page.url().split('/').pop() ?? '';
    await guest.page.getByTestId('countdown').waitFor({ timeout: 15_000 });
    await screenshot(guest.page, 'guest-02-countdown');

    const card = staffCard(staff.page, requestId);
    await card.and(staff.page.locator('[data-status="open"]')).waitFor(TRIGGER_TIMEOUT);
    await expect.poll(() => card.getByTestId('requester-name').innerText()).toBe(GUEST_NAME);
    await expect(card.getByTestId('requester-guest').innerText()).resolves.toBe(t('staff.guest'));
    // Shown grouped, as staff read it aloud; stored E.164 (below).
    expect(await card.innerText()).toContain('+7 912 555 00 20');
    await screenshot(staff.page, 'guest-03-staff-card');

    const stored = (await getFirestore().doc(paths.sosRequest(requestId)).get()).data() as SosRequest;
    expect(stored).toMatchObject({
      uid,
      source: 'qr',
      qrToken: TOKEN,
      locationId: 'demo-bc',
      status: 'open',
      requester: { name: GUEST_NAME, phone: GUEST_PHONE, guest: true },
    });
    expect(stored.requester?.visitor).toBeUndefined();
    expectNoPageErrors(guest);
    expectNoPageErrors(staff);
  });

  it('someone of the second building calls at the same code: one card for staff, and one claim tells both who is coming', { timeout: 180_000 }, async () => {
    const neighbour = await openPhone(browser);
    await signIn(neighbour.page, 'staff2@demo.test', /\/staff$/);
    await neighbour.page.goto(appUrl(`/q/${TOKEN}`));
    await neighbour.page.getByRole('button', { name: t('qr.needHelp') }).click();
    await neighbour.page.waitForURL(/\/sos\/[\w-]+$/);
    joinedId = neighbour.page.url().split('/').pop() ?? '';
    expect(joinedId).not.toBe(requestId);

    // The first call's card lists them; they get no card of their own.
    const card = staffCard(staff.page, requestId);
    await card
      .getByTestId('grouped-count')
      .getByText(t('staff.groupMore', { count: 1 }))
      .waitFor(TRIGGER_TIMEOUT);
    await expect(card.getByTestId('grouped-caller').innerText()).resolves.toContain('Пётр Сидоров');
    await expect(staffCard(staff.page, joinedId).count()).resolves.toBe(0);
    await screenshot(staff.page, 'guest-04-one-card-for-two');

    await card.getByRole('button', { name: t('staff.claim') }).click();
    const told = t('countdown.acknowledgedBy', { name: 'Иван Петров' });
    await guest.page.getByText(told).waitFor(TRIGGER_TIMEOUT);
    await neighbour.page.getByText(told).waitFor(TRIGGER_TIMEOUT);
    await screenshot(neighbour.page, 'guest-05-told-who-is-coming');
    const joined = (await getFirestore().doc(paths.sosRequest(joinedId)).get()).data() as SosRequest;
    expect(joined).toMatchObject({ groupOf: requestId, grouped: true, status: 'acknowledged', requester: { name: 'Пётр Сидоров', guest: true } });
    expectNoPageErrors(neighbour);
    expectNoPageErrors(staff);
  });
});
