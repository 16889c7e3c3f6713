// Issue: the staff response loop — a resident calls, staff see it live and claim it (one claim wins),
// arrive and resolve; the resident follows live; the admin reads the audit trail, the roster and the statistics
// (issue 24: today's from the rollups the triggers count, and a year of them, every building side by side, printed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { paths, reportPaths, rollupDayOf, type DailyRollup, type Location } from '@sos/model';
import { DEMO_ACCOUNTS, DEMO_LOCATIONS, DEMO_PASSWORD } from '../../scripts/demo-data';
import { useEmulators } from '../../scripts/seed';
import { DEMO_HISTORY, generatedDays } from '../../scripts/seed-history';
import { addDays } from '../../web/src/components/admin/shifts/shiftTimes';
import { presetDays, rangeLength } from '../../web/src/components/admin/stats/statsRange';
import { daySeries, rangeFigures } from '../../web/src/components/admin/stats/statsSeries';
import { PHONE, appUrl, expectNoPageErrors, launchBrowser, openPhone, screenshot, signIn, type PhonePage } from './browser';
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
    // Today is one day: one bar, as many calls as the figure.
    expect(await admin.page.getByTestId('stats-day-bar').count()).toBe(1);
    expect(await admin.page.getByTestId('stats-day-bar').getAttribute('data-count')).toBe(await count.innerText());
    await admin.page.getByLabel(t('stats.periods.30d')).check();
    await expect.poll(() => admin.page.getByTestId('stats-day-bar').count()).toBe(30);
    await expect.poll(async () => Number(await count.innerText())).toBeGreaterThanOrEqual(1);
    await screenshot(admin.page, 'staff-08-stats');
    expectNoPageErrors(admin);
  }, 120_000);

  it("a year's statistics of one building from its daily rollups, every building side by side, a bad range refused, one A4 page", async () => {
    const run = Date.now().toString(36);
    const [yearId, otherId] = [`stats-year-${run}`, `stats-other-${run}`];
    const adminUid = `stats-admin-${run}`;
    const email = `${adminUid}@demo.test`;
    const place: Location = { ...DEMO_LOCATIONS['demo-bc']!, name: `Отчётный центр ${run}` };
    const db = getFirestore();
    const today = rollupDayOf(place.timezone, Date.now());
    const year = presetDays('year', today);
    // A year of generated calls, and a busy day just before it that the year must leave out.
    const days = generatedDays(yearId, place, year, DEMO_HISTORY);
    const before: DailyRollup = { day: addDays(year.from, -1), requests: 1000 };
    const other: DailyRollup[] = [0, 3, 9].map((back) => ({ day: addDays(today, -back), requests: 2, byHour: { '12': 2 } }));
    const batch = db.batch();
    batch.set(db.doc(paths.location(yearId)), { ...place, admins: [adminUid] });
    batch.set(db.doc(paths.location(otherId)), { ...place, name: `Соседний центр ${run}`, admins: [adminUid] });
    for (const day of [...days, before]) batch.set(db.doc(reportPaths.dailyRollup(yearId, day.day)), day);
    for (const day of other) batch.set(db.doc(reportPaths.dailyRollup(otherId, day.day)), day);
    batch.set(db.doc(paths.user(adminUid)), { displayName: 'Админ отчётов', phone: '+79120000024', locationIds: [yearId, otherId], homeLocationId: yearId });
    await batch.commit();
    await getAuth().createUser({ uid: adminUid, email, password: DEMO_PASSWORD, displayName: 'Админ отчётов', emailVerified: true });
    await getAuth().setCustomUserClaims(adminUid, { role: 'admin', locationIds: [yearId, otherId] });
    const manager = await openPhone(browser);
    try {
      await signIn(manager.page, email, /\/admin$/);
      await manager.page.goto(appUrl('/admin/stats'));
      const figure = (key: string) => manager.page.getByTestId(`stats-${key}`).locator('dd');
      await manager.page.getByTestId('stats-range-year').check();
      await expect.poll(() => manager.page.getByTestId('stats-day-bar').count()).toBe(rangeLength(year));

      // The page read every day of the year and only those: its count is their sum, its figures the days' sums.
      const sum = days.reduce((total, day) => total + (day.requests ?? 0), 0);
      const expected = rangeFigures(daySeries(days, year).map((day) => day.counts));
      expect(expected.count).toBe(sum);
      await expect.poll(async () => Number(await figure('count').innerText())).toBe(sum);
      expect(Number(await figure('acknowledged').innerText())).toBe(expected.acknowledged);
      expect(Number(await figure('escalated').innerText())).toBe(expected.escalated);
      expect(Number(await figure('overdue').innerText())).toBe(expected.overdue);
      expect(Number(await figure('nobody-on-duty').innerText())).toBe(expected.nobodyOnDuty);
      expect(await figure('within-target').innerText()).toBe(`${Math.round(expected.ackWithinTargetShare! * 100)}%`);
      const bars = await manager.page.getByTestId('stats-day-bar').evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-count'))));
      expect(bars.reduce((total, count) => total + count, 0)).toBe(sum);
      const cells = await manager.page.getByTestId('stats-heat-cell').evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-count'))));
      expect(cells).toHaveLength(7 * 24);
      expect(cells.reduce((total, count) => total + count, 0)).toBe(sum);
      // Each chart has its table: the year's days, one row each.
      await manager.page.getByTestId('stats-per-day-table').locator('summary').click();
      expect(await manager.page.getByTestId('stats-per-day-table').locator('tbody tr').count()).toBe(rangeLength(year));

      // Every building side by side; a building's name opens its statistics, the range kept.
      const rows = manager.page.getByTestId('stats-location-row');
      await expect.poll(() => rows.count()).toBe(2);
      const otherRow = manager.page.locator(`[data-testid="stats-location-row"][data-location-id="${otherId}"]`);
      await expect.poll(() => otherRow.getByTestId('stats-row-count').innerText()).toBe('6');
      expect(await manager.page.locator(`[data-testid="stats-location-row"][data-location-id="${yearId}"]`).getByTestId('stats-row-count').innerText()).toBe(
        String(sum),
      );
      await screenshot(manager.page, 'staff-09-stats-year');

      // One A4 page: the figures, the charts and the tables, no navigation.
      const pdf = (await manager.page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
      expect(pdf.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).toHaveLength(1);
      // How the page prints, for a person to look at: print styles on a sheet of A4's width.
      await manager.page.emulateMedia({ media: 'print' });
      await manager.page.setViewportSize({ width: 794, height: 1123 });
      await screenshot(manager.page, 'staff-09-stats-year-printed');
      await manager.page.emulateMedia({ media: 'screen' });
      await manager.page.setViewportSize(PHONE);

      await otherRow.getByRole('link').click();
      await manager.page.waitForURL(new RegExp(`[?&]location=${otherId}`));
      await expect.poll(async () => Number(await figure('count').innerText())).toBe(6);
      expect(await manager.page.getByTestId('stats-range-line').innerText()).toContain(`Соседний центр ${run}`);

      // Bad input, said next to the field it is about; nothing is read meanwhile.
      await manager.page.getByTestId('stats-range-custom').check();
      const [from, to] = [manager.page.getByTestId('stats-from'), manager.page.getByTestId('stats-to')];
      await from.fill(addDays(today, -400));
      await to.fill(today);
      const toError = manager.page.locator(`#${await to.getAttribute('id')}-error`);
      await expect.poll(() => toError.innerText()).toBe(t('stats.errors.too-long'));
      expect(await to.getAttribute('aria-invalid')).toBe('true');
      expect(await manager.page.getByTestId('stats').count()).toBe(0);
      await from.fill(today);
      await to.fill(addDays(today, -1));
      await expect.poll(() => toError.innerText()).toBe(t('stats.errors.end-before-start'));
      await to.fill(today);
      await expect.poll(async () => Number(await figure('count').innerText())).toBe(2);
      await screenshot(manager.page, 'staff-10-stats-own-dates');
      // A location the admin does not manage: said, and not read.
      await manager.page.goto(appUrl('/admin/stats?location=demo-bc'));
      await expect.poll(() => manager.page.getByTestId('stats-location-error').innerText()).toBe(t('stats.errors.notServed', { id: 'demo-bc' }));
      expect(await manager.page.getByTestId('stats').count()).toBe(0);
      expectNoPageErrors(manager);
    } finally {
      await manager.context.close();
      await Promise.all([db.recursiveDelete(db.doc(paths.location(yearId))), db.recursiveDelete(db.doc(paths.location(otherId)))]);
      await Promise.all([db.doc(paths.user(adminUid)).delete(), getAuth().deleteUser(adminUid)]);
    }
  }, 180_000);
});
