// Issue 9: a resident who opens a staff or admin page is sent home with the reason, not silently.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { useEmulators } from '../../scripts/seed';
import { appUrl, expectNoPageErrors, launchBrowser, openPhone, signIn } from './browser';
import { t } from './messages';

describe('a page of another role', () => {
  let browser: Browser;

  beforeAll(async () => {
    useEmulators();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('sends a resident home and says whose page it is', async () => {
    const phone = await openPhone(browser);
    const { page } = phone;
    await signIn(page, 'resident@demo.test', /\/$/);
    expect(await page.getByTestId('not-allowed').count()).toBe(0);

    await page.goto(appUrl('/admin'));
    await page.waitForURL((url) => url.pathname === '/');
    const reason = page.getByRole('alert').filter({ hasText: t('home.notAllowed.admin') });
    await reason.waitFor({ timeout: 15_000 });

    await page.goto(appUrl('/staff'));
    await page
      .getByRole('alert')
      .filter({ hasText: t('home.notAllowed.staff') })
      .waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).pathname).toBe('/');
    expectNoPageErrors(phone);
  });
});
