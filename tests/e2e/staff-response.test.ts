// Issue: the staff response loop — a resident calls, staff see it live and claim it (one claim wins),
// arrive and resolve; the resident follows live; the admin reads the audit trail, the roster and the statistics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../scripts/demo-data';
import { appUrl, expectNoPageErrors, launchBrowser, openPhone, screenshot, signIn, type PhonePage } from './browser';

const STAFF_NAME = DEMO_ACCOUNTS.staff.displayName;

const staffCard = (page: Page, requestId: string) => page.locator(`[data-testid="staff-request"][data-request-id="${requestId}"]`);

describe('staff response loop', () => {
  let browser: Browser;
  let resident: PhonePage;
  let staff: PhonePage;
  /** The same staff account on a second phone: its claim must lose. */
  let secondStaff: PhonePage;
  let admin: PhonePage;
  let requestId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    [resident, staff, secondStaff, admin] = await Promise.all([openPhone(browser), openPhone(browser), openPhone(browser), openPhone(browser)]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('staff see a new call live, claim it, arrive and resolve it while the resident follows', async () => {
    await signIn(staff.page, 'staff@demo.test', /\/staff$/);
    await staff.page.getByRole('heading', { name: 'Дежурство: вызовы' }).waitFor();
    // No VAPID key on the emulator demo: push is explained, the live queue still works.
    await staff.page.locator('[data-testid="push-setup"][data-state="not-configured"], [data-testid="push-setup"][data-state="unsupported"]').waitFor();
    await signIn(secondStaff.page, 'staff@demo.test', /\/staff$/);
    await signIn(admin.page, 'admin@demo.test', /\/admin$/);
    await admin.page.getByRole('heading', { name: 'Заявки на вызов персонала' }).waitFor();

    const residentScripts: string[] = [];
    resident.page.on('request', (request) => {
      if (request.resourceType() === 'script') residentScripts.push(request.url());
    });
    await signIn(resident.page, 'resident@demo.test', /\/$/);
    await resident.page.getByTestId('sos-button').click();
    await resident.page.getByRole('button', { name: 'ЭКСТРЕННАЯ ПОМОЩЬ' }).click();
    await resident.page.waitForURL(/\/sos\/[\w-]+$/);
    requestId = resident.page.url().split('/').pop() ?? '';

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
    await card.getByRole('button', { name: 'Принять' }).click();
    await card.and(staff.page.locator('[data-status="acknowledged"]')).waitFor();
    await expect.poll(() => card.getByTestId('claimed-by').innerText()).toBe('Вы приняли этот вызов');
    await resident.page.getByText(`${STAFF_NAME} принял вызов`).waitFor({ timeout: 15_000 });
    await screenshot(resident.page, 'staff-02-resident-acknowledged');

    // Its claim runs when the network returns: the transaction reads the request and refuses.
    const staleCard = staffCard(secondStaff.page, requestId);
    await staleCard.getByRole('button', { name: 'Принять' }).click();
    await secondStaff.context.setOffline(false);
    await expect.poll(() => staleCard.getByTestId('claim-error').innerText(), { timeout: 20_000 }).toBe(`Уже принял(а) ${STAFF_NAME}`);
    await staleCard.and(secondStaff.page.locator('[data-status="acknowledged"]')).waitFor({ timeout: 15_000 });
    await screenshot(secondStaff.page, 'staff-03-already-taken');

    await card.getByRole('button', { name: 'На месте' }).click();
    await card.and(staff.page.locator('[data-status="on_site"]')).waitFor();
    await resident.page.getByText('Сотрудник на месте', { exact: false }).first().waitFor();
    await card.getByLabel('Что сделано (кратко)').fill('Помощь оказана, всё в порядке');
    await card.getByRole('button', { name: 'Решено' }).click();
    // Closed calls move to the collapsed "recent" list.
    await card.and(staff.page.locator('[data-status="resolved"]')).waitFor({ state: 'attached' });
    await resident.page.getByText('Вызов завершён').waitFor();
    await screenshot(staff.page, 'staff-04-resolved');
    // A tapped push opens /staff?request=<id>: that call is shown even from the collapsed list.
    await staff.page.goto(appUrl(`/staff?request=${requestId}`));
    await card.and(staff.page.locator('.highlighted')).waitFor();

    await resident.page.goto(appUrl(`/orders/${requestId}`));
    await expect.poll(() => resident.page.getByTestId('status').innerText(), { timeout: 15_000 }).toBe('Решена');
    await resident.page.getByTestId('ack-by').getByText(`${STAFF_NAME} принял вызов`).waitFor();
    await screenshot(resident.page, 'staff-05-order-resolved');

    // firebase/messaging lives in the staff-only chunk: the resident's phone never downloads it.
    expect(residentScripts.length).toBeGreaterThan(0);
    expect(residentScripts.filter((url) => /staffDevice|StaffPage/.test(url))).toEqual([]);
    for (const phone of [resident, staff, secondStaff]) expectNoPageErrors(phone);
  });

  it('the admin filters the live list and reads the request with its whole audit trail', async () => {
    expect(requestId).not.toBe('');
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
    expect(fields).toContain('Помощь оказана, всё в порядке');
    await admin.page.getByTestId('deliveries').waitFor();
    await screenshot(admin.page, 'staff-06-admin-timeline');
    expectNoPageErrors(admin);
  });

  it('the admin takes a staff member off duty and back, and the roster keeps it', async () => {
    await admin.page.goto(appUrl('/admin/roster'));
    const member = admin.page.locator(`[data-testid="roster-member"][data-uid="${DEMO_ACCOUNTS.staff.uid}"]`);
    const onDuty = member.getByTestId('on-duty');
    await onDuty.waitFor();
    expect(await onDuty.isChecked()).toBe(true);
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
    await admin.page.goto(appUrl('/admin/stats'));
    const count = admin.page.getByTestId('stats-count').locator('dd');
    await count.waitFor();
    await expect.poll(async () => Number(await count.innerText())).toBeGreaterThanOrEqual(1);
    // The call resolved above was claimed and reached today, so both times have a value.
    await expect.poll(() => admin.page.getByTestId('stats-ack-median').locator('dd').innerText()).toMatch(/\d/);
    await expect.poll(() => admin.page.getByTestId('stats-arrive-median').locator('dd').innerText()).toMatch(/\d/);
    expect(await admin.page.getByTestId('stats-within-target').locator('dd').innerText()).toMatch(/^\d+%$/);
    expect(await admin.page.locator('[data-testid="stats-chart"] rect').count()).toBe(5);
    await admin.page.getByLabel('30 дней').check();
    await expect.poll(async () => Number(await count.innerText())).toBeGreaterThanOrEqual(1);
    await screenshot(admin.page, 'staff-08-stats');
    expectNoPageErrors(admin);
  });
});
