// Issue 9 "Language": the language a signed-in person picks in the menu is stored on their profile
// (users/{uid}.locale), so the backend can write their pushes and orders in it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { getFirestore } from 'firebase-admin/firestore';
import { paths } from '@sos/model';
import { useEmulators } from '../../scripts/seed';
import { DEMO_ACCOUNTS } from '../../scripts/demo-data';
import { expectNoPageErrors, launchBrowser, openPhone, signIn } from './browser';
import { t, tEn } from './messages';

describe('the language chosen in the menu', () => {
  let browser: Browser;

  beforeAll(async () => {
    useEmulators();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  // Each test starts from the account as seeded: Russian on the profile.
  beforeEach(async () => {
    await getFirestore().doc(paths.user(DEMO_ACCOUNTS.staff2.uid)).update({ locale: 'ru' });
  });

  it('is written to users/{uid}.locale, both ways', async () => {
    const account = DEMO_ACCOUNTS.staff2;
    const profile = getFirestore().doc(paths.user(account.uid));
    const phone = await openPhone(browser);
    const { page } = phone;
    await signIn(page, account.email, /\/staff$/);
    expect((await profile.get()).get('locale') ?? 'ru').toBe('ru');

    await page.getByRole('button', { name: t('app.menu') }).click();
    await page.getByLabel(t('app.language')).selectOption('en');
    await expect.poll(async () => (await profile.get()).get('locale')).toBe('en');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('button', { name: tEn('app.signOut') }).isVisible()).toBe(true);

    // Back to Russian, so the account reads as seeded for the other tests.
    await page.getByLabel(tEn('app.language')).selectOption('ru');
    await expect.poll(async () => (await profile.get()).get('locale')).toBe('ru');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    expect(await page.locator('#app-menu [role="alert"]').count()).toBe(0);
    expectNoPageErrors(phone);
  }, 90_000);

  it('follows the person to a device where no language was chosen yet', async () => {
    const account = DEMO_ACCOUNTS.staff2;
    const profile = getFirestore().doc(paths.user(account.uid));
    await profile.update({ locale: 'en' });
    try {
      const phone = await openPhone(browser);
      const { page } = phone;
      // A fresh browser context: nothing chosen on this device.
      await signIn(page, account.email, /\/staff$/);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 15_000 }).toBe('en');
      await page.getByRole('button', { name: tEn('app.menu') }).click();
      await page.getByRole('button', { name: tEn('app.signOut') }).waitFor();
      expectNoPageErrors(phone);
    } finally {
      await profile.update({ locale: 'ru' });
    }
  }, 90_000);
});
