// Issue 9: the claim link of a call someone else already took says who took it, and the resident's
// countdown names the staff member on site («Иван Петров на месте»), once, instead of a second
// «Сотрудник на месте».
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getFirestore } from 'firebase-admin/firestore';
import { paths } from '@sos/model';
import { useEmulators } from '../../scripts/seed';
import { DEMO_ACCOUNTS } from '../../scripts/demo-data';
import { appUrl, callForHelp, expectNoPageErrors, launchBrowser, openPhone, screenshot, signIn, type PhonePage } from './browser';
import { t } from './messages';

const staffCard = (page: Page, requestId: string) => page.locator(`[data-testid="staff-request"][data-request-id="${requestId}"]`);
const IVAN = DEMO_ACCOUNTS.staff.displayName;
const countText = (page: Page, text: string) => page.locator('main').getByText(text, { exact: true }).count();

describe('a call claimed by someone else, and the staff member on site', () => {
  let browser: Browser;
  let resident: PhonePage;
  let staff: PhonePage;
  let admin: PhonePage;

  beforeAll(async () => {
    useEmulators();
    browser = await launchBrowser();
    [resident, staff, admin] = await Promise.all([openPhone(browser), openPhone(browser), openPhone(browser)]);
    // One at a time: three cold sign-ins at once starve a busy 2-core machine.
    await signIn(resident.page, 'resident@demo.test', /\/$/);
    await signIn(staff.page, 'staff@demo.test', /\/staff$/);
    await signIn(admin.page, 'admin@demo.test', /\/admin$/);
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** A new emergency call of Анна's, claimed by Иван through the notification's link; the resident stays on its countdown. */
  async function callClaimedByIvan(): Promise<string> {
    const { requestId } = await callForHelp(resident.page);
    await staff.page.goto(appUrl(`/staff?request=${requestId}&claim=1`));
    await staffCard(staff.page, requestId).and(staff.page.locator('[data-status="acknowledged"]')).waitFor({ timeout: 20_000 });
    return requestId;
  }

  it('the claim link of a call Иван already took says «Уже принял(а) Иван Петров» and changes nothing', async () => {
    const requestId = await callClaimedByIvan();
    const reference = getFirestore().doc(paths.sosRequest(requestId));

    // The admin (also on the location's duty screen) follows the same notification's «Принять» later.
    await admin.page.goto(appUrl(`/staff?request=${requestId}&claim=1`));
    const card = staffCard(admin.page, requestId);
    await card.getByTestId('claim-error').waitFor({ timeout: 20_000 });
    await screenshot(admin.page, 'claim-link-already-claimed');
    expect((await card.getByTestId('claim-error').textContent())?.trim()).toBe(t('staff.alreadyTaken', { name: IVAN }));
    expect((await card.getByTestId('claimed-by').textContent())?.trim()).toBe(t('staff.claimedBy', { name: IVAN }));
    const stored = (await reference.get()).data();
    expect({ status: stored?.status, ackBy: stored?.ackBy, ackByName: stored?.ackByName }).toEqual({
      status: 'acknowledged',
      ackBy: DEMO_ACCOUNTS.staff.uid,
      ackByName: IVAN,
    });
    await expect.poll(() => new URL(admin.page.url()).search).toBe(`?request=${requestId}`);
    for (const phone of [resident, staff, admin]) expectNoPageErrors(phone);
  }, 150_000);

  it('on site, the resident reads «Иван Петров на месте» once, and «Сотрудник на месте» at most once', async () => {
    const requestId = await callClaimedByIvan();
    await staffCard(staff.page, requestId)
      .getByRole('button', { name: t('staff.onSite') })
      .click();
    const onSite = resident.page.getByTestId('on-site-by');
    await onSite.waitFor({ timeout: 20_000 });
    await screenshot(resident.page, 'countdown-on-site-by-name');
    expect((await onSite.textContent())?.trim()).toBe(t('countdown.onSiteBy', { name: IVAN }));
    expect(await countText(resident.page, t('countdown.onSiteBy', { name: IVAN }))).toBe(1);
    expect(await countText(resident.page, t('countdown.onSite'))).toBeLessThanOrEqual(1);
    expect((await getFirestore().doc(paths.sosRequest(requestId)).get()).get('status')).toBe('on_site');
    for (const phone of [resident, staff, admin]) expectNoPageErrors(phone);
  }, 150_000);
});
