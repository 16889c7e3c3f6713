// Issue 9, the countdown screen: the clock starts at the tap (not yet confirmed), a stale link offers a
// fresh call, the actions stay above the plan at 360×640, and the resident is offered notifications.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getFirestore } from 'firebase-admin/firestore';
import { paths } from '@sos/model';
import { useEmulators } from '../../scripts/seed';
import { appUrl, expectCountdownFromTap, expectNoPageErrors, launchBrowser, openPhone, screenshot, signIn, type PhonePage } from './browser';
import { t } from './messages';

const SMALL_PHONE = { width: 360, height: 640 };

async function requestIdOf(page: Page): Promise<string> {
  await page.waitForURL(/\/sos\/[A-Za-z0-9]{20}$/);
  return page.url().split('/').pop() ?? '';
}

describe('countdown screen', () => {
  let browser: Browser;
  let resident: PhonePage;

  beforeAll(async () => {
    useEmulators();
    // The offer of notifications asks for the permission, which only the full browser grants.
    browser = await launchBrowser({ notifications: true });
    resident = await openPhone(browser, { viewport: SMALL_PHONE });
    await signIn(resident.page, 'resident@demo.test', /\/$/);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the clock runs from the tap, marked not confirmed, until the server sets the deadline', async () => {
    const { page, context } = resident;
    await page.goto(appUrl('/sos'));
    await page.getByTestId('staff-phone').waitFor();
    await context.setOffline(true);
    const tappedBefore = Date.now();
    await page.getByTestId('emergency').click();
    const requestId = await requestIdOf(page);
    const provisional = page.getByTestId('provisional-clock');
    await provisional.waitFor();
    // The demo location's 10 minutes, counted from the tap (no leading zero in the app).
    expectCountdownFromTap(await provisional.getByTestId('countdown').innerText(), { minutes: 10, tappedBefore, shape: /^(10|\d):[0-5]\d$/ });
    expect(await provisional.innerText()).toContain(t('countdown.unconfirmed'));
    await screenshot(page, 'countdown-provisional');
    await context.setOffline(false);
    await expect.poll(() => provisional.count(), { timeout: 30_000 }).toBe(0);
    await page.getByTestId('countdown').waitFor();
    const deadline = (await getFirestore().doc(paths.sosRequest(requestId)).get()).get('deadlineAt');
    expect(deadline).toBeTruthy();
    expectNoPageErrors(resident);
  });

  it('offers notifications about the call in one tap after the first request', async () => {
    const { page } = resident;
    await page.goto(appUrl('/sos'));
    await page.getByTestId('emergency').click();
    await requestIdOf(page);
    const offer = page.getByRole('button', { name: t('push.residentOffer') });
    await offer.waitFor();
    await offer.click();
    // The demo project has no FCM sender: the phone says so instead of pretending.
    await page.locator('[data-testid="resident-push"][data-state="not-configured"]').waitFor();
    expectNoPageErrors(resident);
  });

  it('a link to a request that does not exist offers a fresh emergency call, not a repeat', async () => {
    const { page } = resident;
    await page.goto(appUrl('/sos/no-such-request'));
    await page.getByText(t('countdown.notFound')).waitFor();
    expect(await page.getByRole('button', { name: t('countdown.repeat') }).count()).toBe(0);
    await page.getByRole('button', { name: t('sos.emergency') }).click();
    const requestId = await requestIdOf(page);
    const reference = getFirestore().doc(paths.sosRequest(requestId));
    await expect.poll(async () => (await reference.get()).get('status'), { timeout: 30_000 }).toBe('open');
    expect((await reference.get()).get('repeatOf')).toBeNull();
    expectNoPageErrors(resident);
  });

  it('with a plan, «ПОВТОРИТЬ ЗАПРОС» and «Позвонить» stay on the first screen above it', async () => {
    const { page } = resident;
    await page.goto(appUrl('/sos'));
    await page.locator('#sos-object').selectOption({ label: 'Корпус А / 1 этаж / Кафе' });
    await page.locator('#sos-description').fill('Плохо с сердцем');
    await page.getByRole('button', { name: t('sos.submit') }).click();
    await requestIdOf(page);
    const plan = page.getByTestId('plan-view');
    await plan.waitFor({ timeout: 30_000 });
    const repeat = await page.getByRole('button', { name: t('countdown.repeat') }).boundingBox();
    const call = await page
      .getByTestId('staff-phone')
      .getByRole('link', { name: t('sos.call') })
      .boundingBox();
    const planBox = await plan.boundingBox();
    expect(repeat && call && planBox).toBeTruthy();
    expect(repeat!.y + repeat!.height).toBeLessThanOrEqual(SMALL_PHONE.height);
    expect(call!.y + call!.height).toBeLessThanOrEqual(SMALL_PHONE.height);
    expect(call!.y).toBeLessThan(planBox!.y);
    await screenshot(page, 'countdown-plan-360');

    expectNoPageErrors(resident);
  });
});
