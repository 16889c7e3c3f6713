// Issue: one-tap SOS end to end — resident → Firestore → trigger → order → live admin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { appUrl, expectCountdownFromTap, expectNoPageErrors, launchBrowser, openPhone, screenshot, signIn, type PhonePage } from './browser';
import { t } from './messages';

describe('one-tap SOS', () => {
  let browser: Browser;
  let resident: PhonePage;
  let admin: PhonePage;

  beforeAll(async () => {
    browser = await launchBrowser();
    resident = await openPhone(browser);
    admin = await openPhone(browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('resident calls for help twice and the admin sees both requests live', async () => {
    await signIn(admin.page, 'admin@demo.test', /\/admin$/);
    await admin.page.getByRole('heading', { name: t('admin.title') }).waitFor();

    await signIn(resident.page, 'resident@demo.test', /\/$/);
    await screenshot(resident.page, '01-home');
    await resident.page.getByTestId('sos-button').click();
    await resident.page.waitForURL(/\/sos$/);
    await expect.poll(() => resident.page.getByTestId('staff-phone').innerText()).toContain('+7 342 258 00 78');
    await expect(
      resident.page
        .getByTestId('staff-phone')
        .getByRole('link', { name: t('sos.call') })
        .getAttribute('href'),
    ).resolves.toBe('tel:+73422580078');
    await screenshot(resident.page, '02-sos');

    const clickedAt = Date.now();
    await resident.page.getByRole('button', { name: t('sos.emergency') }).click();
    await resident.page.waitForURL(/\/sos\/[\w-]+$/);
    const firstId = resident.page.url().split('/').pop() ?? '';
    await admin.page.locator(`[data-request-id="${firstId}"]`).waitFor();
    const adminSawItMs = Date.now() - clickedAt;
    // The countdown starts from the location's 10 minutes, set by the server.
    const countdown = resident.page.getByTestId('countdown');
    await countdown.waitFor({ timeout: 15_000 });
    expectCountdownFromTap(await countdown.innerText(), { minutes: 10, tappedBefore: clickedAt, shape: /^(10|\d):[0-5]\d$/ });
    await screenshot(resident.page, '03-countdown');
    await admin.page.locator(`[data-request-id="${firstId}"] [data-testid="time-left"]`).waitFor();

    await resident.page.getByRole('button', { name: t('countdown.repeat') }).click();
    await resident.page.waitForURL((url) => !url.pathname.endsWith(firstId) && /\/sos\/[\w-]+$/.test(url.pathname));
    const secondId = resident.page.url().split('/').pop() ?? '';
    expect(secondId).not.toBe(firstId);
    await resident.page.getByTestId('countdown').waitFor({ timeout: 15_000 });
    await admin.page.locator(`[data-request-id="${secondId}"]`).waitFor();
    await screenshot(admin.page, '04-admin-dashboard');

    await resident.page.goto(appUrl('/orders'));
    await resident.page.locator(`a[href="/orders/${firstId}"]`).waitFor();
    await resident.page.locator(`a[href="/orders/${secondId}"]`).waitFor();
    const links = await resident.page.locator('[data-testid="order"] a').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href')));
    // Newest first.
    expect(links.indexOf(`/orders/${secondId}`)).toBeLessThan(links.indexOf(`/orders/${firstId}`));
    await screenshot(resident.page, '05-orders');

    console.log(`[timing] click → request visible on the admin screen: ${adminSawItMs} ms`);
    expectNoPageErrors(resident);
    expectNoPageErrors(admin);
  });
});
