// Issue "Prove it": a request made offline is shown as not sent, survives a reload, and arrives exactly once; issue 19:
// «Мои заказы» lists it as «Не отправлена» at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { getFirestore } from 'firebase-admin/firestore';
import { paths } from '@sos/model';
import { useEmulators } from '../../scripts/seed';
import { DEMO_ACCOUNTS } from '../../scripts/demo-data';
import { appUrl, expectNoPageErrors, launchBrowser, openPhone, screenshot, signIn, type PhonePage } from './browser';
import { t } from './messages';

describe('offline SOS', () => {
  let browser: Browser;
  let resident: PhonePage;

  beforeAll(async () => {
    useEmulators();
    browser = await launchBrowser();
    // The service worker serves the app shell on the offline reload.
    resident = await openPhone(browser, { serviceWorkers: 'allow' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('queues the request offline, keeps it across a reload, and sends it once when back online', async () => {
    const { page, context } = resident;
    await signIn(page, 'resident@demo.test', /\/$/);
    await page.goto(appUrl('/sos'));
    // The app-shell service worker must control the page before the network goes away.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.getByTestId('staff-phone').waitFor();

    const startedAt = new Date();
    await context.setOffline(true);
    await page.getByRole('button', { name: t('sos.emergency') }).click();
    await page.waitForURL(/\/sos\/[\w-]+$/);
    const requestId = page.url().split('/').pop() ?? '';
    await page.getByText(t('countdown.notSentOffline')).waitFor();
    expect(
      await page
        .getByTestId('staff-phone')
        .getByRole('link', { name: t('sos.call') })
        .getAttribute('href'),
    ).toBe('tel:+73422580078');
    await screenshot(page, '10-offline-not-sent');

    // «Мои заказы», loaded offline, lists it at once as «Не отправлена» (no order exists yet), and leads to its countdown.
    await page.goto(appUrl('/orders'));
    const row = page.locator(`[data-testid="order"][data-request-id="${requestId}"]`);
    await row.getByText(t('status.pending')).waitFor({ timeout: 20_000 });
    await row.getByRole('link').click();
    await page.waitForURL(new RegExp(`/sos/${requestId}$`));
    await page.getByText(t('countdown.notSentOffline')).waitFor();

    await page.reload();
    await page.getByText(t('countdown.notSentOffline')).waitFor({ timeout: 20_000 });
    await expect.poll(() => page.url()).toContain(requestId);

    await context.setOffline(false);
    await page.getByTestId('countdown').waitFor({ timeout: 30_000 });
    await screenshot(page, '11-back-online-countdown');

    const db = getFirestore();
    const made = await db.collection(paths.sosRequests()).where('uid', '==', DEMO_ACCOUNTS.resident.uid).where('createdAt', '>=', startedAt).get();
    expect(made.docs.map((document) => document.id)).toEqual([requestId]);
    const order = await db.doc(paths.order(DEMO_ACCOUNTS.resident.uid, requestId)).get();
    expect(order.get('status')).toBe('open');
    expectNoPageErrors(resident);
  });
});
