// Issue 22 "Shifts", the admin's side: on /admin/shifts at 360 px the admin adds a weekly shift for «Иван Петров» and
// sees it in the week grid; a length of 0 is refused next to its field and writes nothing; the coverage view shows a
// day with nobody on duty as a gap, in red and in words; an override ending before it starts is refused next to its
// end and a swap shows in the coverage; the shift is changed, then deleted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { getFirestore } from 'firebase-admin/firestore';
import { MAX_OVERRIDE_DAYS, paths, shiftPaths, zonedWallTime } from '@sos/model';
import { restoreDemoShifts, useEmulators } from '../../scripts/seed';
import { DEMO_ACCOUNTS, DEMO_LOCATIONS } from '../../scripts/demo-data';
import { addDays } from '../../web/src/components/admin/shifts/shiftTimes';
import { expectNoPageErrors, launchBrowser, openPhone, screenshot, signIn, type PhonePage } from './browser';
import { t } from './messages';

const LOCATION_ID = 'demo-bc';
const TIMEZONE = DEMO_LOCATIONS[LOCATION_ID]?.timezone ?? 'UTC';
const STAFF = DEMO_ACCOUNTS.staff;
/** On the roster of the location (every admin is), so an override may put her on. */
const ADMIN = DEMO_ACCOUNTS.admin;

/** The local date of the first Monday after today on the location's clock: within the coverage view's 14 days. */
function nextMonday(): string {
  const today = zonedWallTime(TIMEZONE, Date.now());
  return addDays(today.date, 8 - today.weekday);
}

describe('the admin keeps weekly shifts', () => {
  let browser: Browser;
  let admin: PhonePage;
  const shifts = () => getFirestore().collection(shiftPaths.shifts(LOCATION_ID));
  const staffMember = () => getFirestore().doc(paths.staffMember(LOCATION_ID, STAFF.uid));
  const overrides = () => getFirestore().collection(shiftPaths.overrides(LOCATION_ID));
  const clearShifts = async () => Promise.all((await shifts().get()).docs.map((shift) => shift.ref.delete()));
  const clearOverrides = async () => Promise.all((await overrides().get()).docs.map((override) => override.ref.delete()));

  beforeAll(async () => {
    useEmulators();
    await Promise.all([clearShifts(), clearOverrides()]);
    // The seed's manual start (no `onDutySince`) keeps Ivan on duty at every hour: the coverage view needs him off it.
    await staffMember().update({ onDuty: false });
    browser = await launchBrowser();
    admin = await openPhone(browser, { viewport: { width: 360, height: 740 } });
  });

  afterAll(async () => {
    await Promise.all([clearShifts(), clearOverrides()]);
    await restoreDemoShifts(LOCATION_ID);
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

  it('refuses an override that ends before it starts next to its end; a swap puts the stand-in in the coverage', async () => {
    const { page } = admin;
    const monday = nextMonday();
    const tuesday = addDays(monday, 1);
    const form = page.getByTestId('override-form');
    await form.getByLabel(t('shiftAdmin.overrides.action')).selectOption({ label: t('shiftAdmin.overrides.actions.swap') });
    await form.getByLabel(t('shiftAdmin.overrides.person')).selectOption({ label: STAFF.displayName });
    await form.getByLabel(t('shiftAdmin.overrides.withPerson')).selectOption({ label: ADMIN.displayName });
    await form.getByTestId('override-start').fill(`${monday}T20:00`);
    await form.getByTestId('override-end').fill(`${monday}T08:00`);
    await form.getByRole('button', { name: t('shiftAdmin.overrides.add') }).click();

    const end = form.getByTestId('override-end');
    await expect.poll(() => end.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await end.getAttribute('aria-describedby')) ?? '';
    expect(await form.locator(`[id="${errorId}"]`).textContent()).toBe(t('shiftAdmin.errors.end-not-after-start', { max: MAX_OVERRIDE_DAYS }));
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('override-end');
    expect((await overrides().get()).size).toBe(0);
    await screenshot(page, 'shifts-admin-04-override-refused');

    await end.fill(`${tuesday}T08:00`);
    await form.getByRole('button', { name: t('shiftAdmin.overrides.add') }).click();
    await form.getByText(t('shiftAdmin.overrides.saved')).waitFor();
    await page.getByTestId('override').getByText(t('shiftAdmin.overrides.actions.swap')).waitFor();
    const stored = (await overrides().get()).docs.map((override) => override.data());
    expect(stored).toMatchObject([{ uid: STAFF.uid, action: 'swap', withUid: ADMIN.uid, createdBy: ADMIN.uid }]);
    // That Monday night the admin stands in for Ivan.
    const mondayCoverage = page.locator(`[data-testid="coverage-day"][data-date="${monday}"]`);
    await mondayCoverage
      .getByTestId('coverage-duty')
      .filter({ hasText: t('shiftAdmin.coverage.duty', { name: ADMIN.displayName, from: '20:00', to: '24:00' }) })
      .waitFor();
    expect(await mondayCoverage.locator(`[data-testid="coverage-duty"][data-uid="${STAFF.uid}"]`).count()).toBe(0);
    await screenshot(page, 'shifts-admin-05-swap');
    expectNoPageErrors(admin);
  });

  it('changes the shift from the grid, then deletes it', async () => {
    const { page } = admin;
    const ivanMonday = page.locator(`[data-testid="shift-person-row"][data-uid="${STAFF.uid}"] [data-day="1"]`).getByTestId('shift-chip');
    await ivanMonday.click();
    const form = page.getByTestId('shift-form');
    await form.getByRole('heading', { name: t('shiftAdmin.editTitle') }).waitFor();
    await form.getByLabel(t('shiftAdmin.start')).fill('21:00');
    await form.getByRole('button', { name: t('shiftAdmin.save') }).click();
    // The grid shows the change at once; the form closes when the server has it.
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('shifts-message').getByText(t('shiftAdmin.saved')).waitFor();
    await ivanMonday.getByText('21:00–09:00').waitFor();
    await expect.poll(async () => (await shifts().get()).docs.map((shift) => shift.get('start'))).toEqual(['21:00']);

    await ivanMonday.click();
    await form.getByRole('button', { name: t('shiftAdmin.delete') }).click();
    await form.getByTestId('shift-delete-confirm').click();
    await page.getByTestId('shifts-message').getByText(t('shiftAdmin.deleted')).waitFor();
    await expect.poll(() => ivanMonday.count()).toBe(0);
    await expect.poll(async () => (await shifts().get()).size).toBe(0);
    await screenshot(page, 'shifts-admin-06-deleted');
    expectNoPageErrors(admin);
  });
});
