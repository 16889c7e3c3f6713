// Issue 9 "No blank screens": while Firestore has not answered, a screen says it is loading; when its
// listeners get no answer, it says so and offers «Повторить», which listens again and shows the data.
// The Firestore emulator's traffic is held back, then refused, then let through, by route interception.
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { EMULATOR_HOSTS } from '../helpers/emulators';
import { appUrl, launchBrowser, newContext, PHONE, screenshot, signIn } from './browser';
import { t } from './messages';

const FIRESTORE_TRAFFIC = `http://${EMULATOR_HOSTS.firestore}/**`;
/** The app reports a listener stalled after 8 s without the server (STALL_MS), and Firestore backs off up to seconds. */
const FAILURE_WAIT_MS = 30_000;

type Mode = 'hold' | 'refuse' | 'pass';

/** Holds, refuses or passes every request to the Firestore emulator, switchable at any time. */
async function controlFirestore(page: Page): Promise<(mode: Mode) => Promise<void>> {
  let mode: Mode = 'pass';
  const held: Route[] = [];
  await page.route(FIRESTORE_TRAFFIC, async (route) => {
    if (mode === 'hold') held.push(route);
    else if (mode === 'refuse') await route.abort('connectionrefused');
    else await route.continue();
  });
  return async (next) => {
    mode = next;
    if (next === 'hold') return;
    // Requests held so far are refused: once let through they would answer out of date.
    await Promise.all(held.splice(0).map((route) => route.abort('connectionrefused').catch(() => undefined)));
  };
}

const SCREENS: [string, string, RegExp, string, string][] = [
  // route, account, landing after sign-in, what shows the data once it is there
  ['/', 'resident@demo.test', /\/$/, '[data-testid="home-location"]', 'home'],
  ['/sos', 'resident@demo.test', /\/$/, '#sos-object option >> nth=1', 'sos'],
  ['/orders', 'resident@demo.test', /\/$/, '[data-testid="order"], [data-testid="orders-empty"]', 'orders'],
  ['/staff', 'staff@demo.test', /\/staff$/, '[data-testid="staff-open"] [data-testid="staff-request"], [data-testid="staff-none-open"]', 'staff'],
  ['/admin', 'admin@demo.test', /\/admin$/, '[data-testid="admin-request"], [data-testid="admin-empty"]', 'admin'],
  ['/admin/roster', 'admin@demo.test', /\/admin$/, '[data-testid="roster-member"]', 'admin-roster'],
];

describe.concurrent('loading and failure states with a retry', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  // Side by side: each screen mostly waits for the app to give up on a refused server (8 s and Firestore's backoff).
  it.for(SCREENS)(
    '%s: loading while held back, failure with a retry when refused, data after the retry',
    { timeout: 150_000 },
    async ([path, email, landing, dataShown, name], { expect, task }) => {
      // No service worker: page.route sees only what the page itself fetches.
      const context = await newContext(browser, { viewport: PHONE, locale: 'ru-RU', deviceScaleFactor: 1, serviceWorkers: 'block' }, task);
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await signIn(page, email, landing);
      const firestore = await controlFirestore(page);

      await firestore('hold');
      await page.goto(appUrl(path));
      await page.getByTestId('live-loading').waitFor();
      expect(await page.getByTestId('live-loading').textContent()).toContain(t('app.loading'));
      expect(await page.getByTestId('live-failed').count()).toBe(0);

      await firestore('refuse');
      await page.getByTestId('live-failed').waitFor({ timeout: FAILURE_WAIT_MS });
      await screenshot(page, `live-failed-${name}`);
      expect(await page.getByTestId('live-failed').getAttribute('role')).toBe('alert');
      const retry = page.getByRole('button', { name: t('live.retry') });
      expect(await retry.isVisible()).toBe(true);

      await firestore('pass');
      await retry.click();
      await page.getByTestId('live-failed').waitFor({ state: 'detached', timeout: FAILURE_WAIT_MS });
      await page.locator(dataShown).first().waitFor({ state: 'attached', timeout: FAILURE_WAIT_MS });
      await page.getByTestId('live-loading').waitFor({ state: 'detached', timeout: FAILURE_WAIT_MS });
      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );
});
