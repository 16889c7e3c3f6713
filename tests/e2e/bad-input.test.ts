// Issue "Prove it": bad input everywhere gets a clear message, never a blank screen or an uncaught error.
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { paths } from '@sos/model';
import { useEmulators } from '../../scripts/seed';
import { DEMO_PASSWORD } from '../../scripts/demo-data';
import { appUrl, expectNoPageErrors, launchBrowser, openPhone, screenshot, signIn, type PhonePage } from './browser';
import { t } from './messages';

const GONE = { uid: 'e2e-gone-location', email: 'gone@e2e.test', locationId: 'e2e-deleted-location' };

describe('bad input', () => {
  let browser: Browser;
  let phone: PhonePage;

  beforeAll(async () => {
    useEmulators();
    // A resident whose location has been deleted (the user document still points at it).
    const auth = getAuth();
    await auth.deleteUser(GONE.uid).catch(() => undefined);
    await auth.createUser({ uid: GONE.uid, email: GONE.email, password: DEMO_PASSWORD, displayName: 'Гость Удалённый' });
    await auth.setCustomUserClaims(GONE.uid, { role: 'resident', locationIds: [GONE.locationId] });
    await getFirestore()
      .doc(paths.user(GONE.uid))
      .set({ displayName: 'Гость Удалённый', phone: '', locationIds: [GONE.locationId], homeLocationId: GONE.locationId });
    browser = await launchBrowser();
    phone = await openPhone(browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows a clear message for an unknown route, a wrong password and an unknown request', async () => {
    const { page } = phone;
    await page.goto(appUrl('/no/such/page'));
    await page.getByRole('heading', { name: t('errors.notFound') }).waitFor();

    await page.goto(appUrl('/login'));
    await page.getByRole('button', { name: t('login.submit') }).click();
    await page.getByText(t('login.emailRequired')).waitFor();
    await page.getByText(t('login.passwordRequired')).waitFor();
    await page.getByLabel(t('login.email')).fill('resident@demo.test');
    await page.getByLabel(t('login.password')).fill('wrong-password');
    await page.getByRole('button', { name: t('login.submit') }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: t('login.failed') })
      .waitFor();

    await signIn(page, 'resident@demo.test', /\/$/);
    await page.goto(appUrl('/sos/no-such-request'));
    await page
      .getByRole('alert')
      .filter({ hasText: t('countdown.notFound') })
      .waitFor();
    await page.goto(appUrl('/orders/no-such-request'));
    await page
      .getByRole('alert')
      .filter({ hasText: t('countdown.notFound') })
      .waitFor();

    // Malformed and unknown QR tokens: a clear message and the one-tap SOS still offered.
    for (const token of ['%E2%9D%8C%20not-a-token', 'x'.repeat(300), 'unknown-token-0000']) {
      await page.goto(appUrl(`/q/${token}`));
      await page.getByTestId('qr-problem').waitFor();
      await page.getByRole('button', { name: t('sos.emergency') }).waitFor();
    }
    expectNoPageErrors(phone);
  });

  it('rejects a request for a deleted location with the reason on the screen', async () => {
    const gone = await openPhone(browser);
    const { page, context } = gone;
    await signIn(page, GONE.email, /\/$/);
    await page.goto(appUrl('/sos'));
    await page.getByRole('button', { name: t('sos.emergency') }).click();
    await page.waitForURL(/\/sos\/[\w-]+$/);
    await page.getByText(t('countdown.rejected', { reason: t('reject.location-not-found') })).waitFor({ timeout: 20_000 });
    await screenshot(page, '12-deleted-location-rejected');
    expectNoPageErrors(gone);
    await context.close();
  });
});
