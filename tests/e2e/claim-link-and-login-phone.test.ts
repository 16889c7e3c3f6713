// Issue 9: «Принять» on a staff notification opens /staff?request=<id>&claim=1, which claims the call
// and shows it; a signed-out person still sees the last known staff phone on the login screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { useEmulators } from '../../scripts/seed';
import { DEMO_ACCOUNTS } from '../../scripts/demo-data';
import { appUrl, callForHelp, expectNoPageErrors, launchBrowser, openPhone, screenshot, signIn, type PhonePage } from './browser';
import { t } from './messages';

const staffCard = (page: Page, requestId: string) => page.locator(`[data-testid="staff-request"][data-request-id="${requestId}"]`);

describe('claim link and the phone when signed out', () => {
  let browser: Browser;
  let resident: PhonePage;
  let staff: PhonePage;

  beforeAll(async () => {
    useEmulators();
    browser = await launchBrowser();
    [resident, staff] = await Promise.all([openPhone(browser), openPhone(browser)]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the claim link claims the call and drops its flag, so a reload claims nothing', async () => {
    await signIn(resident.page, 'resident@demo.test', /\/$/);
    const { requestId, reference } = await callForHelp(resident.page);

    await signIn(staff.page, 'staff@demo.test', /\/staff$/);
    await staff.page.goto(appUrl(`/staff?request=${requestId}&claim=1`));
    await staffCard(staff.page, requestId).waitFor({ timeout: 20_000 });
    await staffCard(staff.page, requestId).and(staff.page.locator('[data-status="acknowledged"]')).waitFor({ timeout: 20_000 });
    await screenshot(staff.page, 'claim-link-staff');
    expect((await reference.get()).get('ackBy')).toBe(DEMO_ACCOUNTS.staff.uid);
    await expect.poll(() => new URL(staff.page.url()).search).toBe(`?request=${requestId}`);

    for (const phone of [resident, staff]) expectNoPageErrors(phone);
  }, 120_000);

  it('after signing out, the login screen still shows the staff phone', async () => {
    const leaving = await openPhone(browser);
    const { page } = leaving;
    await signIn(page, 'resident@demo.test', /\/$/);
    // Signed in, the app keeps the location's phone on the device (the login screen shows the last one known).
    await expect.poll(() => page.evaluate(() => (JSON.parse(localStorage.getItem('sos.shell') ?? '{}') as { phone?: string }).phone)).toBe('+73422580078');
    await page.getByRole('button', { name: t('app.menu') }).click();
    await page.getByRole('button', { name: t('app.signOut') }).click();
    await page.waitForURL(/\/login/);
    await page.goto(appUrl('/login'));
    await page.getByTestId('staff-phone').waitFor();
    expect(
      await page
        .getByTestId('staff-phone')
        .getByRole('link', { name: t('sos.call') })
        .getAttribute('href'),
    ).toBe('tel:+73422580078');
    expectNoPageErrors(leaving);
  });
});
