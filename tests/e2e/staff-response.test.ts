// Issue: the staff response loop — a resident calls, staff see it live and claim it (one claim wins),
// arrive and resolve; the resident follows live; the admin reads the audit trail, the roster and the statistics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getFirestore } from 'firebase-admin/firestore';
import { paths } from '@sos/model';
import { DEMO_ACCOUNTS } from '../../scripts/demo-data';
import { useEmulators } from '../../scripts/seed';
import { appUrl, expectNoPageErrors, launchBrowser, openPhone, screenshot, signIn, type PhonePage } from './browser';
import { t } from './messages';

const STAFF_NAME = DEMO_ACCOUNTS.staff.displayName;
const RESOLUTION = 'Помощь оказана, всё в порядке';

const staffCard = (page: Page, requestId: string) => page.locator(`[data-testid="staff-request"][data-request-id="${requestId}"]`);

describe('staff response loop', () => {
  let browser: Browser;
  let resident: PhonePage;
  let staff: PhonePage;
  /** The same staff account on a second phone: its claim must lose. */
  let secondStaff: PhonePage;
  let admin: PhonePage;
  let answered: Promise<string> | undefined;

  beforeAll(async () => {
    useEmulators();
    // Иван on duty, as seeded (the roster test takes him off and back).
    await getFirestore().doc(paths.staffMember('demo-bc', DEMO_ACCOUNTS.staff.uid)).update({ onDuty: true });
    browser = await launchBrowser();
    [resident, staff, secondStaff, admin] = await Promise.all([openPhone(browser), openPhone(browser), openPhone(browser), openPhone(browser)]);
    await signIn(admin.page, 'admin@demo.test', /\/admin$/);
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** The whole response to one call of Анна's, played once by whichever test needs it first; its request id. */
  function answeredCall(): Promise<string> {
    answered ??= answerACall();
    return answered;
  }

  async function answerACall(): Promise<string> {
    await signIn(staff.page, 'staff@demo.test', /\/staff$/);
    await staff.page.getByRole('heading', { name: t('staff.title') }).waitFor();
    // No VAPID key on the emulator demo: push is explained, the live queue still works.
    await staff.page.locator('[data-testid="push-setup"][data-state="not-configured"], [data-testid="push-setup"][data-state="unsupported"]').waitFor();
    await signIn(secondStaff.page, 'staff@demo.test', /\/staff$/);
    await admin.page.goto(appUrl('/admin'));
    await admin.page.getByRole('heading', { name: t('admin.title') }).waitFor();

    const residentScripts: string[] = [];
    resident.page.on('request', (request) => {
      if (request.resourceType() === 'script') residentScripts.push(request.url());
    });
    await signIn(resident.page, 'resident@demo.test', /\/$/);
    await resident.page.getByTestId('sos-button').click();
    await resident.page.getByRole('button', { name: t('sos.emergency') }).click();
    await resident.page.waitForURL(/\/sos\/[\w-]+$/);
    const requestId = resident.page.url().split('/').pop() ?? '';

    // Arrives on both staff phones without a reload, counted in the tab title.
    const card = staffCard(staff.page, requestId);
    await card.and(staff.page.locator('[data-status="open"]')).waitFor({ timeout: 15_000 });
    await staffCard(secondStaff.page, requestId).and(secondStaff.page.locator('[data-status="open"]')).waitFor({ timeout: 15_000 });
    await expect.poll(() => staff.page.title()).toMatch(/^\(\d+\) .+ — SOS$/);
    await expect.poll(() => admin.page.title()).toMatch(/^\(\d+\) .+ — SOS$/);
    await card.getByTestId('time-left').waitFor();
    expect(await card.getByTestId('place').innerText()).toContain('Бизнес-центр «Демо»');
    expect(await card.innerText()).toContain(DEMO_ACCOUNTS.resident.displayName);
    await screenshot(staff.page, 'staff-01-queue');

    // The second phone loses its connection before the claim, so it still shows the call as open.
    await secondStaff.context.setOffline(true);
    await card.getByRole('button', { name: t('staff.claim') }).click();
    await card.and(staff.page.locator('[data-status="acknowledged"]')).waitFor();
    await expect.poll(() => card.getByTestId('claimed-by').innerText()).toBe(t('staff.claimedByMe'));
    await resident.page.getByText(t('countdown.acknowledgedBy', { name: STAFF_NAME })).waitFor({ timeout: 15_000 });
    await screenshot(resident.page, 'staff-02-resident-acknowledged');

    // Its claim runs when the network returns: the transaction reads the request and refuses.
    const staleCard = staffCard(secondStaff.page, requestId);
    await staleCard.getByRole('button', { name: t('staff.claim') }).click();
    await secondStaff.context.setOffline(false);
    await expect.poll(() => staleCard.getByTestId('claim-error').innerText(), { timeout: 20_000 }).toBe(t('staff.alreadyTaken', { name: STAFF_NAME }));
    await staleCard.and(secondStaff.page.locator('[data-status="acknowledged"]')).waitFor({ timeout: 15_000 });
    await screenshot(secondStaff.page, 'staff-03-already-taken');

    await card.getByRole('button', { name: t('staff.onSite') }).click();
    await card.and(staff.page.locator('[data-status="on_site"]')).waitFor();
    await resident.page.getByText(t('countdown.onSite'), { exact: false }).first().waitFor();
    await card.getByLabel(t('staff.resolutionLabel')).fill(RESOLUTION);
    await card.getByRole('button', { name: t('staff.resolve') }).click();
    // Closed calls move to the collapsed "recent" list.
    await card.and(staff.page.locator('[data-status="resolved"]')).waitFor({ state: 'attached' });
    await resident.page.getByText(t('countdown.resolved')).waitFor();
    await screenshot(staff.page, 'staff-04-resolved');
    // A tapped push opens /staff?request=<id>: that call is shown even from the collapsed list.
    await staff.page.goto(appUrl(`/staff?request=${requestId}`));
    await card.and(staff.page.locator('.highlighted')).waitFor();

    await resident.page.goto(appUrl(`/orders/${requestId}`));
    await expect.poll(() => resident.page.getByTestId('status').innerText(), { timeout: 15_000 }).toBe(t('status.resolved'));
    await resident.page
      .getByTestId('ack-by')
      .getByText(t('countdown.acknowledgedBy', { name: STAFF_NAME }))
      .waitFor();
    await screenshot(resident.page, 'staff-05-order-resolved');

    // firebase/messaging lives in the staff-only chunk: the resident's phone never downloads it.
    expect(residentScripts.length).toBeGreaterThan(0);
    expect(residentScripts.filter((url) => /staffDevice|StaffPage/.test(url))).toEqual([]);
    for (const phone of [resident, staff, secondStaff]) expectNoPageErrors(phone);
    return requestId;
  }

  it('staff see a new call live, claim it, arrive and resolve it while the resident follows', async () => {
    expect(await answeredCall()).not.toBe('');
  });

  it('the admin filters the live list and reads the request with its whole audit trail', async () => {
    const requestId = await answeredCall();
    await admin.page.goto(appUrl('/admin'));
    await admin.page.getByTestId('filter-status').selectOption('resolved');
    const row = admin.page.locator(`[data-testid="admin-request"][data-request-id="${requestId}"]`);
    await row.waitFor();
    expect(await admin.page.locator('[data-testid="admin-request"]:not([data-status="resolved"])').count()).toBe(0);
    await row.getByRole('link').click();
    await admin.page.waitForURL(new RegExp(`/admin/requests/${requestId}$`));

    for (const type of ['created', 'validated', 'acknowledged', 'on_site', 'resolved']) {
      await admin.page.locator(`[data-testid="timeline-event"][data-type="${type}"]`).waitFor({ timeout: 15_000 });
    }
    const created = admin.page.locator('[data-testid="timeline-event"][data-type="created"]');
    expect(await created.innerText()).toContain('+0:00');
    const types = await admin.page.getByTestId('timeline-event').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-type')));
    // Ordered by time: the claim comes before arrival, arrival before resolution.
    expect(types.indexOf('created')).toBeLessThan(types.indexOf('acknowledged'));
    expect(types.indexOf('acknowledged')).toBeLessThan(types.indexOf('on_site'));
    expect(types.indexOf('on_site')).toBeLessThan(types.indexOf('resolved'));
    const fields = await admin.page.getByTestId('request-fields').innerText();
    expect(fields).toContain(DEMO_ACCOUNTS.resident.displayName);
    expect(fields).toContain(RESOLUTION);
    await admin.page.getByTestId('deliveries').waitFor();
    await screenshot(admin.page, 'staff-06-admin-timeline');
    expectNoPageErrors(admin);
  }, 120_000);

  it('the admin takes a staff member off duty and back, and the roster keeps it', async () => {
    await admin.page.goto(appUrl('/admin/roster'));
    const member = admin.page.locator(`[data-testid="roster-member"][data-uid="${DEMO_ACCOUNTS.staff.uid}"]`);
    const onDuty = member.getByTestId('on-duty');
    await onDuty.waitFor();
    expect(await onDuty.isChecked()).toBe(true);
    // His duty as computed: the seed's manual start (no time) keeps him on at every hour, with no end.
    const duty = member.getByTestId('roster-duty');
    await expect.poll(() => duty.innerText().catch(() => '')).toContain(`${t('roster.dutyOn')} · `);
    expect(await duty.innerText()).toContain(t('roster.reasons.manual'));
    // Each change is confirmed by the server (no pending write) before the reload reads it back.
    const saved = async () => [await member.getAttribute('data-saved'), await onDuty.isChecked()];
    await onDuty.uncheck();
    await expect.poll(saved).toEqual(['true', false]);
    await admin.page.reload();
    await expect.poll(saved).toEqual(['true', false]);
    await screenshot(admin.page, 'staff-07-roster-off-duty');
    await onDuty.check();
    await expect.poll(saved).toEqual(['true', true]);
    await admin.page.reload();
    await expect.poll(saved).toEqual(['true', true]);
    expectNoPageErrors(admin);
  });

  it('statistics show counts and response times for today', async () => {
    await answeredCall();
    await admin.page.goto(appUrl('/admin/stats'));
    const count = admin.page.getByTestId('stats-count').locator('dd');
    await count.waitFor();
    await expect.poll(async () => Number(await count.innerText())).toBeGreaterThanOrEqual(1);
    // The answered call was claimed and reached today, so both times have a value.
    await expect.poll(() => admin.page.getByTestId('stats-ack-median').locator('dd').innerText()).toMatch(/\d/);
    await expect.poll(() => admin.page.getByTestId('stats-arrive-median').locator('dd').innerText()).toMatch(/\d/);
    expect(await admin.page.getByTestId('stats-within-target').locator('dd').innerText()).toMatch(/^\d+%$/);
    expect(await admin.page.locator('[data-testid="stats-chart"] rect').count()).toBe(5);
    await admin.page.getByLabel(t('stats.periods.30d')).check();
    await expect.poll(async () => Number(await count.innerText())).toBeGreaterThanOrEqual(1);
    await screenshot(admin.page, 'staff-08-stats');
    expectNoPageErrors(admin);
  }, 120_000);
});
