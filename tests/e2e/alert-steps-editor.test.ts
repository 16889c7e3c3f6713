// Issue 18 "Reach": the admin edits a location's alert steps on /admin/locations — a delay outside 0..3600 s is refused
// next to its field, the ninth step is refused, and what is saved is exactly locations/{id}.alertSteps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { getFirestore, FieldValue } from 'firebase-admin/firestore';
import { DEFAULT_ALERT_STEPS, MAX_ALERT_STEPS, paths } from '@sos/model';
import { useEmulators } from '../../scripts/seed';
import { DEMO_ACCOUNTS, DEMO_LOCATIONS } from '../../scripts/demo-data';
import { appUrl, expectNoPageErrors, launchBrowser, openPhone, screenshot, signIn, type PhonePage } from './browser';
import { t } from './messages';

const LOCATION_ID = Object.keys(DEMO_LOCATIONS)[0] ?? '';

describe('the alert steps editor', () => {
  let browser: Browser;
  let admin: PhonePage;
  const location = () => getFirestore().doc(paths.location(LOCATION_ID));

  beforeAll(async () => {
    useEmulators();
    browser = await launchBrowser();
    admin = await openPhone(browser, { viewport: { width: 360, height: 740 } });
  });

  afterAll(async () => {
    // The demo location goes back to the default steps for the suites after this one.
    await location().update({ alertSteps: FieldValue.delete() });
    await browser?.close();
  });

  it('refuses a delay out of range and a ninth step next to the fields, then saves the steps as shown', async () => {
    const { page } = admin;
    await signIn(page, DEMO_ACCOUNTS.admin.email, /\/admin$/);
    await page.goto(appUrl('/admin/locations'));
    const editor = page.getByTestId('alert-steps');
    const steps = editor.getByTestId('alert-step');
    await expect.poll(() => steps.count()).toBe(DEFAULT_ALERT_STEPS.length);

    await steps.nth(2).getByLabel(t('alertSteps.afterSeconds')).fill('3601');
    await editor.getByRole('button', { name: t('alertSteps.save') }).click();
    const error = t('alertSteps.errors.seconds', { min: 0, max: 3600 });
    await steps.nth(2).getByText(error).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('alert-step-seconds');

    for (let count = DEFAULT_ALERT_STEPS.length; count < MAX_ALERT_STEPS; count += 1) {
      await editor.getByRole('button', { name: t('alertSteps.add') }).click();
      await expect.poll(() => steps.count()).toBe(count + 1);
    }
    await editor.getByRole('button', { name: t('alertSteps.add') }).click();
    await editor.getByText(t('alertSteps.errors.tooMany', { max: MAX_ALERT_STEPS })).waitFor();
    expect(await steps.count()).toBe(MAX_ALERT_STEPS);
    await screenshot(page, 'alert-steps-01-refused');

    // Back to four steps: SMS at 30 s instead of 60, the voice call replaced by a second SMS at 300 s.
    for (let count = MAX_ALERT_STEPS; count > DEFAULT_ALERT_STEPS.length; count -= 1) {
      await steps
        .last()
        .getByRole('button', { name: t('alertSteps.remove', { n: count }) })
        .click();
    }
    await steps.nth(2).getByLabel(t('alertSteps.afterSeconds')).fill('30');
    await steps.nth(3).getByLabel(t('alertSteps.channel')).selectOption('sms');
    await steps.nth(3).getByLabel(t('alertSteps.afterSeconds')).fill('300');
    await editor.getByRole('button', { name: t('alertSteps.save') }).click();
    await editor.getByText(t('alertSteps.saved')).waitFor();
    expect((await location().get()).get('alertSteps')).toEqual([
      { channel: 'push', afterSeconds: 0 },
      { channel: 'telegram', afterSeconds: 0 },
      { channel: 'sms', afterSeconds: 30 },
      { channel: 'sms', afterSeconds: 300 },
    ]);
    await screenshot(page, 'alert-steps-02-saved');
    expectNoPageErrors(admin);
  });
});
