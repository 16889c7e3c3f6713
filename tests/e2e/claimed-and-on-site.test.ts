// Issue 9: the claim link of a call someone else already took says who took it, and the resident's
// countdown names the staff member on site («Иван Петров на месте»), once, instead of a second
// «Сотрудник на месте».
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getFirestore } from 'firebase-admin/firestore';
import { paths } from '@sos/model';
import { useEmulators } from '../../scripts/seed';
import { DEMO_ACCOUNTS } from '../../scripts/demo-data';
import { appUrl, expectNoPageErrors, launchBrowser, openPhone, screenshot, signIn, type PhonePage } from './browser';

const staffCard = (page: Page, requestId: string) => page.locator(`[data-testid="staff-request"][data-request-id="${requestId}"]`);
const countText = (page: Page, text: string) => page.locator('main').getByText(text, { exact: true }).count();

describe('a call claimed by someone else, and the staff member on site', () => {
  let browser: Browser;
  let resident: PhonePage;
  let staff: PhonePage;
  let admin: PhonePage;
  let requestId = '';

  beforeAll(async () => {
    useEmulators();
    browser = await launchBrowser();
    [resident, staff, admin] = await Promise.all([openPhone(browser), openPhone(browser), openPhone(browser)]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the claim link of a call Иван already took says «Уже принял(а) Иван Петров» and changes nothing', async () => {
    await signIn(resident.page, 'resident@demo.test', /\/$/);
    await resident.page.goto(appUrl('/sos'));
    await resident.page.getByTestId('emergency').click();
    await resident.page.waitForURL(/\/sos\/[A-Za-z0-9]{20}$/);
    requestId = resident.page.url().split('/').pop() ?? '';
    const reference = getFirestore().doc(paths.sosRequest(requestId));
    await expect.poll(async () => (await reference.get()).get('status'), { timeout: 30_000 }).toBe('open');

    await signIn(staff.page, 'staff@demo.test', /\/staff$/);
    await staff.page.goto(appUrl(`/staff?request=${requestId}&claim=1`));
    await staffCard(staff.page, requestId).and(staff.page.locator('[data-status="acknowledged"]')).waitFor({ timeout: 20_000 });

    // The admin (also on the location's duty screen) follows the same notification's «Принять» later.
    await signIn(admin.page, 'admin@demo.test', /\/admin$/);
    await admin.page.goto(appUrl(`/staff?request=${requestId}&claim=1`));
    const card = staffCard(admin.page, requestId);
    await card.getByTestId('claim-error').waitFor({ timeout: 20_000 });
    await screenshot(admin.page, 'claim-link-already-claimed');
    expect((await card.getByTestId('claim-error').textContent())?.trim()).toBe('Уже принял(а) Иван Петров');
    expect((await card.getByTestId('claimed-by').textContent())?.trim()).toBe('Принял(а): Иван Петров');
    const stored = (await reference.get()).data();
    expect({ status: stored?.status, ackBy: stored?.ackBy, ackByName: stored?.ackByName }).toEqual({
      status: 'acknowledged',
      ackBy: DEMO_ACCOUNTS.staff.uid,
      ackByName: 'Иван Петров',
    });
    await expect.poll(() => new URL(admin.page.url()).search).toBe(`?request=${requestId}`);
    for (const phone of [resident, staff, admin]) expectNoPageErrors(phone);
  }, 150_000);

  it('on site, the resident reads «Иван Петров на месте» once, and «Сотрудник на месте» at most once', async () => {
    await staffCard(staff.page, requestId).getByRole('button', { name: 'На месте' }).click();
    const onSite = resident.page.getByTestId('on-site-by');
    await onSite.waitFor({ timeout: 20_000 });
    await screenshot(resident.page, 'countdown-on-site-by-name');
    expect((await onSite.textContent())?.trim()).toBe('Иван Петров на месте');
    expect(await countText(resident.page, 'Иван Петров на месте')).toBe(1);
    expect(await countText(resident.page, 'Сотрудник на месте')).toBeLessThanOrEqual(1);
    expect((await getFirestore().doc(paths.sosRequest(requestId)).get()).get('status')).toBe('on_site');
    for (const phone of [resident, staff, admin]) expectNoPageErrors(phone);
  }, 60_000);
});
