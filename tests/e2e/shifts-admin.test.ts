// Issue 22 "Shifts", the admin's side: on /admin/shifts at 360 px the admin adds a weekly shift for «Иван Петров» and
// sees it in the week grid; a length of 0 is refused next to its field and writes nothing; the coverage view shows a
// day with nobody on duty as a gap, in red and in words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { getFirestore } from 'firebase-admin/firestore';
import { paths, shiftPaths } from '@sos/model';
import { useEmulators } from '../../scripts/seed';
import { DEMO_ACCOUNTS } from '../../scripts/demo-data';
import { expectNoPageErrors, launchBrowser, openPhone, screenshot, signIn, type PhonePage } from './browser';
import { t } from './messages';

const LOCATION_ID = 'demo-bc';
const STAFF = DEMO_ACCOUNTS.staff;

describe('the admin keeps weekly shifts', () => {
  let browser: Browser;
  let admin: PhonePage;
  const shifts = () => getFirestore().collection(shiftPaths.shifts(LOCATION_ID));
  const staffMember = () => getFirestore().doc(paths.staffMember(LOCATION_ID, STAFF.uid));
  const clearShifts = async () => Promise.all((await shifts().get()).docs.map((shift) => shift.ref.delete()));

  beforeAll(async () => {
    useEmulators();
    await clearShifts();
    // The seed's manual start (no `onDutySince`) keeps Ivan on duty at every hour: the coverage view needs him off it.
    await staffMember().update({ onDuty: false });
    browser = await launchBrowser();
    admin = await openPhone(browser, { viewport: { width: 360, height: 740 } });
  });

  afterAll(async () => {
    await clearShifts();
    await staffMember().update({ onDuty: true });
    await browser?.close();
  });

  it('refuses a shift of 0 minutes next to its length, saves a Monday night shift, and shows it in the grid', async () => {
    const { page } = admin;
    await signIn(page, DEMO_ACCOUNTS.admin.email, /\/admin$/);
    await page.getByTestId('nav-shifts').click();
    await page.getByRole('heading', { level: 1, name: t('shiftAdmin.title') }).waitFor();
    const ivanRow = page.locator(`[data-testid="shift-person-row"][data-uid="${STAFF.uid}"]`);
    await ivanRow.waitFor();

    await page.getByRole('button', { name: t('shiftAdmin.add') }).click();
    const form = page.getByTestId('shift-form');
    await form.getByLabel(t('shiftAdmin.person')).selectOption({ label: STAFF.displayName });
    await form.getByTestId('shift-day-1').check();
    await form.getByLabel(t('shiftAdmin.start')).fill('20:00');
    await form.getByLabel(t('shiftAdmin.hours')).fill('0');
    await form.getByLabel(t('shiftAdmin.minutes')).fill('0');
    await form.getByRole('button', { name: t('shiftAdmin.save') }).click();

    const lengthError = form.getByTestId('shift-length-error');
    await lengthError.waitFor();
    expect(await lengthError.textContent()).toBe(t('shiftAdmin.errors.minutes-out-of-range'));
    expect(await form.getByLabel(t('shiftAdmin.hours')).getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('shift-hours');
    expect((await shifts().get()).size).toBe(0);
    await screenshot(page, 'shifts-admin-01-refused');

    await form.getByLabel(t('shiftAdmin.hours')).fill('12');
    await form.getByRole('button', { name: t('shiftAdmin.save') }).click();
    await page.getByTestId('shifts-message').getByText(t('shiftAdmin.saved')).waitFor();
    await ivanRow.locator('[data-day="1"]').getByTestId('shift-chip').getByText('20:00–08:00').waitFor();
    const saved = (await shifts().get()).docs.map((shift) => shift.data());
    expect(saved).toEqual([{ uid: STAFF.uid, tier: 1, days: [1], start: '20:00', minutes: 720 }]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, 'shifts-admin-02-saved');
  });

  it('shows a day with nobody on duty as a gap in red, in words', async () => {
    const { page } = admin;
    const coverage = page.getByTestId('coverage');
    // Only a Monday night: every Wednesday, Thursday… of the next 14 days has nobody from midnight to midnight.
    const wholeDay = t('shiftAdmin.coverage.gap', { from: '00:00', to: '24:00' });
    const gap = coverage.locator('[data-testid="coverage-day"][data-gap="true"]').getByTestId('coverage-gap').filter({ hasText: wholeDay }).first();
    await gap.waitFor();
    expect(await gap.textContent()).toBe(wholeDay);
    expect(await gap.evaluate((element) => getComputedStyle(element).color)).toBe('rgb(185, 28, 28)');
    // Both Mondays ahead are covered by Ivan from 20:00 (the first at least from now on).
    const night = t('shiftAdmin.coverage.duty', { name: STAFF.displayName, from: '20:00', to: '24:00' });
    await coverage.getByTestId('coverage-duty').filter({ hasText: night }).first().waitFor();
    await screenshot(page, 'shifts-admin-03-coverage');
    expectNoPageErrors(admin);
  });
});
