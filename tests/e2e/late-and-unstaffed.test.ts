// Issue 12 on screen: what the resident, the staff card and the admin dashboard show when the backend marks a
// request late (`arrivalOverdue`, written by checkArrival) or finds nobody on duty (`nobodyOnDuty`, written by
// escalation round 1). Those writes are proved in tests/functions/arrival.test.ts; here the Admin SDK makes
// them, as the functions would, so the demo's 10-minute deadline need not pass. Issue 19: the admin's banner stays
// only while nobody is on duty by the location's roster and shifts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { FieldValue, Timestamp, getFirestore } from 'firebase-admin/firestore';
import { paths } from '@sos/model';
import { DEMO_ACCOUNTS, DEMO_LOCATIONS } from '../../scripts/demo-data';
import { useEmulators } from '../../scripts/seed';
import { appUrl, expectNoPageErrors, launchBrowser, openPhone, screenshot, signIn, type PhonePage } from './browser';
import { t } from './messages';

const staffCard = (page: Page, requestId: string) => page.locator(`[data-testid="staff-request"][data-request-id="${requestId}"]`);
const adminRow = (page: Page, requestId: string) => page.locator(`[data-testid="admin-request"][data-request-id="${requestId}"]`);

describe('late staff and nobody on duty, on screen', () => {
  let browser: Browser;
  let resident: PhonePage;
  let staff: PhonePage;
  let admin: PhonePage;
  const made: string[] = [];

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
    await Promise.all(
      made.map((id) =>
        getFirestore()
          .doc(paths.sosRequest(id))
          .update({ status: 'cancelled' })
          .catch(() => undefined),
      ),
    );
    await browser?.close();
  });

  /**
   * A new call from a fresh load of /sos: within 2 s of the last tap on the same page the app treats a tap as a double
   * tap of that call (the store's double-tap guard), and a fast previous test ends well within that.
   */
  async function callForHelp(): Promise<string> {
    await resident.page.goto(appUrl('/sos'));
    await resident.page.getByRole('button', { name: t('sos.emergency') }).click();
    await resident.page.waitForURL(/\/sos\/[\w-]+$/);
    const requestId = resident.page.url().split('/').pop() ?? '';
    expect(made).not.toContain(requestId);
    made.push(requestId);
    return requestId;
  }

  it('a late arrival: the resident is told and gets the phone first; staff card and dashboard mark it in red', async () => {
    const requestId = await callForHelp();
    const card = staffCard(staff.page, requestId);
    await card.and(staff.page.locator('[data-status="open"]')).waitFor({ timeout: 20_000 });
    await card.getByRole('button', { name: t('staff.claim') }).click();
    await resident.page.getByTestId('ack-by').waitFor({ timeout: 15_000 });
    expect(await resident.page.getByTestId('notice-overdue').count()).toBe(0);

    await getFirestore().doc(paths.sosRequest(requestId)).update({ arrivalOverdue: true });
    await resident.page.getByTestId('notice-overdue').getByText(t('countdown.overdue')).waitFor({ timeout: 15_000 });
    // The phone now comes right after the notice, before the countdown.
    const order = await resident.page.evaluate(() => {
      const ids = ['notice-overdue', 'staff-phone', 'repeat'];
      const nodes = ids.map((id) => document.querySelector(`[data-testid="${id}"]`));
      return nodes.every(Boolean) ? [nodes[0]!.compareDocumentPosition(nodes[1]!), nodes[1]!.compareDocumentPosition(nodes[2]!)] : null;
    });
    const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
    expect(order).toEqual([FOLLOWING, FOLLOWING]);
    await card.getByTestId('arrival-overdue').getByText(t('staff.arrivalOverdue')).waitFor({ timeout: 15_000 });
    await adminRow(admin.page, requestId).getByTestId('arrival-overdue').waitFor({ timeout: 15_000 });
    await screenshot(resident.page, 'late-01-resident');
    await screenshot(staff.page, 'late-02-staff-card');

    await card.getByRole('button', { name: t('staff.onSite') }).click();
    await card.and(staff.page.locator('[data-status="on_site"]')).waitFor();
    await expect.poll(() => card.getByTestId('arrival-overdue').count()).toBe(0);
    await expect.poll(() => resident.page.getByTestId('notice-overdue').count()).toBe(0);
  });

  it('the countdown announces its expiry (an alert, read out by screen readers)', async () => {
    const requestId = await callForHelp();
    const ref = getFirestore().doc(paths.sosRequest(requestId));
    await expect.poll(async () => (await ref.get()).data()?.status, { timeout: 20_000 }).toBe('open');
    expect(await resident.page.getByTestId('countdown-expired').count()).toBe(0);
    // The deadline comes 2 s from now (the demo's is 10 minutes away).
    await ref.update({ deadlineAt: Timestamp.fromMillis(Date.now() + 2_000) });
    await resident.page
      .getByRole('alert')
      .filter({ hasText: t('countdown.expired') })
      .waitFor({ timeout: 15_000 });
  });

  it('nobody on duty: the resident is told to call, the admin sees a banner for the location until someone is on duty again', async () => {
    const requestId = await callForHelp();
    await staffCard(staff.page, requestId).waitFor({ timeout: 20_000 });
    // Everyone on the demo location's roster ends their shift early (what «Закончить смену» writes): nobody is on duty,
    // whatever their shifts or a test before this one left switched on.
    const roster = await getFirestore().collection(paths.staff('demo-bc')).get();
    const offUntil = Timestamp.fromMillis(Date.now() + 3_600_000);
    await Promise.all(roster.docs.map((member) => member.ref.update({ offUntil })));
    try {
      await getFirestore().doc(paths.sosRequest(requestId)).update({ nobodyOnDuty: true, escalationLevel: 1 });
      await resident.page.getByTestId('notice-nobodyOnDuty').getByText(t('countdown.nobodyOnDuty')).waitFor({ timeout: 15_000 });
      await resident.page
        .getByTestId('staff-phone')
        .getByRole('link', { name: t('sos.call') })
        .waitFor();
      await admin.page
        .getByTestId('nobody-on-duty')
        .getByText(t('admin.nobodyOnDuty', { location: DEMO_LOCATIONS['demo-bc']?.name ?? '' }))
        .waitFor({ timeout: 15_000 });
      await screenshot(admin.page, 'late-03-admin-banner');

      // Иван is back on duty: the banner goes at once, while the request still waits for someone to claim it.
      await getFirestore().doc(paths.staffMember('demo-bc', DEMO_ACCOUNTS.staff.uid)).update({ offUntil: FieldValue.delete() });
      await expect.poll(() => admin.page.getByTestId('nobody-on-duty').count(), { timeout: 15_000 }).toBe(0);
      expect(await adminRow(admin.page, requestId).getAttribute('data-status')).toBe('open');
    } finally {
      // Each as they were before the test.
      await Promise.all(roster.docs.map((member) => member.ref.update({ offUntil: member.get('offUntil') ?? FieldValue.delete() })));
    }

    resident.page.once('dialog', (dialog) => void dialog.accept());
    await resident.page.getByTestId('cancel').click();
    await adminRow(admin.page, requestId).and(admin.page.locator('[data-status="cancelled"]')).waitFor({ timeout: 15_000 });
    expectNoPageErrors(resident);
    expectNoPageErrors(staff);
    expectNoPageErrors(admin);
  });
});
