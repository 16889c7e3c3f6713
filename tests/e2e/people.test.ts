// Issue 8, People: an admin invites a guard; a new person signs up through the link on a phone, joins, goes
// on duty, claims the demo resident's SOS under their real name; removed by the admin, their queue empties live.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getAuth } from 'firebase-admin/auth';
import { DEMO_LOCATIONS } from '../../scripts/demo-data';
import { useEmulators } from '../../scripts/seed';
import { EMULATOR_HOSTS } from '../helpers/emulators';
import { appUrl, expectNoPageErrors, launchBrowser, openPhone, screenshot, signIn, type PhonePage } from './browser';
import { t } from './messages';

const NEWCOMER = { name: 'Виктор Новиков', phone: '+7 912 555-01-02', email: `guard-${randomUUID().slice(0, 8)}@people.test`, password: 'guard-pass-1' };
const DEMO_LOCATION_NAME = Object.values(DEMO_LOCATIONS)[0]?.name ?? '';

const staffCards = (page: Page) => page.locator('[data-testid="staff-request"]');
const staffCard = (page: Page, requestId: string) => page.locator(`[data-testid="staff-request"][data-request-id="${requestId}"]`);

describe('people: invitation, sign-up, duty, removal', () => {
  let browser: Browser;
  let admin: PhonePage;
  let guard: PhonePage;
  let resident: PhonePage;

  beforeAll(async () => {
    useEmulators();
    browser = await launchBrowser();
    [admin, guard, resident] = await Promise.all([openPhone(browser), openPhone(browser), openPhone(browser)]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a guard joins through a staff invitation, answers an SOS under their own name, and loses access when removed', async () => {
    // The admin creates a one-use staff invitation: link, QR code and code.
    await signIn(admin.page, 'admin@demo.test', /\/admin$/);
    await admin.page.getByTestId('nav-people').click();
    await admin.page.waitForURL(/\/admin\/people$/);
    await admin.page.getByLabel(t('people.inviteRole')).selectOption('staff');
    await admin.page.getByRole('button', { name: t('people.inviteCreate') }).click();
    const created = admin.page.getByTestId('invite-created');
    await created.waitFor();
    const code = await created.getByTestId('invite-code').innerText();
    const link = await created.getByTestId('invite-url').innerText();
    expect(link).toBe(appUrl(`/join/${code}`));
    await created.getByTestId('qr-image').waitFor();
    await admin.page.locator(`[data-testid="open-invite"][data-code="${code}"]`).waitFor();
    await screenshot(admin.page, 'people-01-invitation');

    // The new person opens the link signed out: it names the building and the role; they sign up on the way (a bad
    // phone first), and join.
    await guard.page.goto(link);
    await guard.page.getByTestId('join-location').getByText(DEMO_LOCATION_NAME, { exact: true }).waitFor();
    expect(await guard.page.getByTestId('join-role').innerText()).toBe(t('join.asRole', { role: t('people.roles.staff') }));
    await guard.page.getByTestId('join-signup').click();
    await guard.page.waitForURL(/\/signup\?redirect=/);
    await guard.page.getByLabel(t('signup.name')).fill(NEWCOMER.name);
    await guard.page.getByLabel(t('signup.phone')).fill('8 912 555');
    await guard.page.getByLabel(t('login.email')).fill(NEWCOMER.email);
    await guard.page.getByLabel(t('login.password')).fill('123');
    await guard.page.getByRole('button', { name: t('signup.submit') }).click();
    await guard.page.getByText(t('signup.errors.invalid-phone')).waitFor();
    await guard.page.getByText(t('signup.errors.weak-password')).waitFor();
    // Focus goes to the first invalid field, whose error is read with it.
    await expect.poll(() => guard.page.evaluate(() => document.activeElement?.id)).toBe('signup-phone');
    await screenshot(guard.page, 'people-02-signup-errors');
    await guard.page.getByLabel(t('signup.phone')).fill(NEWCOMER.phone);
    await guard.page.getByLabel(t('login.password')).fill(NEWCOMER.password);
    await guard.page.getByRole('button', { name: t('signup.submit') }).click();
    await guard.page.waitForURL(new RegExp(`/join/${code}$`));
    await guard.page.getByTestId('join-confirm').click();
    await guard.page.waitForURL(/\/$/);
    // Home works for the location at once: its name and the staff phone, no sign-out needed.
    await guard.page.getByText(DEMO_LOCATION_NAME).first().waitFor();
    expect(await guard.page.getByTestId('no-location').count()).toBe(0);
    await screenshot(guard.page, 'people-03-joined');

    // The guard goes on duty on /staff; the admin's People list shows it live.
    await guard.page.goto(appUrl('/staff'));
    // No shift of his: off duty until he starts it himself («Заступить на смену», a manual start).
    const dutyState = guard.page.getByTestId('duty-state');
    await dutyState.waitFor();
    expect(await dutyState.innerText()).toBe(t('duty.off'));
    await guard.page.getByRole('button', { name: t('duty.start') }).click();
    await expect.poll(() => dutyState.getAttribute('data-on-duty')).toBe('true');
    expect(await dutyState.innerText()).toContain(t('duty.onUntil', { when: '' }).trim());
    await guard.page.getByRole('button', { name: t('duty.end') }).waitFor();
    const person = admin.page.locator('[data-testid="person"]').filter({ hasText: NEWCOMER.name });
    await expect
      .poll(() =>
        person
          .getByTestId('person-duty')
          .innerText()
          .catch(() => ''),
      )
      .toContain(t('people.onDuty'));
    expect(await person.innerText()).toContain('+7 912 555 01 02');
    await screenshot(guard.page, 'people-04-on-duty');

    // The demo resident calls; the guard sees it live and claims it; the resident sees the guard's real name.
    await signIn(resident.page, 'resident@demo.test', /\/$/);
    await resident.page.getByTestId('sos-button').click();
    await resident.page.getByRole('button', { name: t('sos.emergency') }).click();
    await resident.page.waitForURL(/\/sos\/[\w-]+$/);
    const requestId = resident.page.url().split('/').pop() ?? '';
    const card = staffCard(guard.page, requestId);
    await card.and(guard.page.locator('[data-status="open"]')).waitFor({ timeout: 20_000 });
    await card.getByRole('button', { name: t('staff.claim') }).click();
    await card.and(guard.page.locator('[data-status="acknowledged"]')).waitFor({ timeout: 15_000 });
    await resident.page.getByText(t('countdown.acknowledgedBy', { name: NEWCOMER.name })).waitFor({ timeout: 15_000 });
    await screenshot(resident.page, 'people-05-resident-sees-name');

    // The admin removes the guard; their /staff stops showing requests without a reload.
    admin.page.once('dialog', (dialog) => void dialog.accept());
    await person.getByTestId('person-remove').click();
    await expect.poll(() => person.count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => staffCards(guard.page).count(), { timeout: 30_000 }).toBe(0);
    await guard.page.getByTestId('duty').waitFor();
    expect(guard.page.url()).toBe(appUrl('/staff'));
    await screenshot(guard.page, 'people-06-removed');

    for (const phone of [admin, guard, resident]) expectNoPageErrors(phone);
  });

  it('«Забыли пароль?» sends a reset email that the Auth emulator records', async () => {
    // An account of this test's own.
    const forgetful = { email: `forgetful-${randomUUID().slice(0, 8)}@people.test`, password: 'forgetful-pass-1' };
    await getAuth().createUser(forgetful);
    const page = (await openPhone(browser)).page;
    await page.goto(appUrl('/login'));
    await page.getByLabel(t('login.email')).fill(forgetful.email);
    await page.getByRole('button', { name: t('forgot.link') }).click();
    await page.getByTestId('forgot-result').getByText(forgetful.email).waitFor();
    const response = await fetch(`http://${EMULATOR_HOSTS.auth}/emulator/v1/projects/demo-sos/oobCodes`);
    const { oobCodes } = (await response.json()) as { oobCodes: { email: string; requestType: string }[] };
    expect(oobCodes.some((entry) => entry.email === forgetful.email && entry.requestType === 'PASSWORD_RESET')).toBe(true);
  });

  it('a person with no location sees how to join and a way to call, never a blank page', async () => {
    const phone = await openPhone(browser);
    await phone.page.goto(appUrl('/signup'));
    await phone.page.getByLabel(t('signup.name')).fill('Без Локации');
    await phone.page.getByLabel(t('signup.phone')).fill('+79125550199');
    await phone.page.getByLabel(t('login.email')).fill(`nobody-${randomUUID().slice(0, 8)}@people.test`);
    await phone.page.getByLabel(t('login.password')).fill('nobody-pass-1');
    await phone.page.getByRole('button', { name: t('signup.submit') }).click();
    await phone.page.waitForURL(/\/$/);
    const screen = phone.page.getByTestId('no-location');
    await screen.getByText(t('noLocation.title')).waitFor();
    await screen.getByLabel(t('noLocation.phone')).fill('+7 342 258 00 78');
    expect(await screen.getByTestId('no-location-call').getAttribute('href')).toBe('tel:+73422580078');
    await screen.getByLabel(t('noLocation.code')).fill('nonsense');
    await screen.getByRole('button', { name: t('noLocation.join') }).click();
    await screen.getByText(t('people.refused.invalid-code')).waitFor();
    await screenshot(phone.page, 'people-07-no-location');
    // Nor is «SOS» a dead end (issue 19): the same way to join, and the emergency number.
    await phone.page.goto(appUrl('/sos'));
    expect(
      await phone.page
        .getByTestId('no-location')
        .getByRole('link', { name: t('noLocation.emergency') })
        .getAttribute('href'),
    ).toBe('tel:112');
    expectNoPageErrors(phone);
  });
});
