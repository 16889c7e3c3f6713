// Issue 9: the admin «Журнал» of a request speaks the admin's language (ru, en), names people instead
// of uids, shows no request or device ids and no backend English, and fits 360 px without sideways scroll.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getFirestore } from 'firebase-admin/firestore';
import { paths } from '@sos/model';
import { useEmulators } from '../../scripts/seed';
import { DEMO_ACCOUNTS } from '../../scripts/demo-data';
import { appUrl, expectNoPageErrors, launchBrowser, openPhone, screenshot, signIn, type PhonePage } from './browser';

const NARROW = { width: 360, height: 640 };
const UIDS = Object.values(DEMO_ACCOUNTS).map((account) => account.uid);
/** Words of the backend's own notes (functions/src/notify/pushBatch.ts), never meant for a reader. */
const BACKEND_WORDS = /pushed|recipient\(s\)|device\(s\)|no devices|grouped|round \d|esc-|arr-|msg-/;

const event = (page: Page, type: string) => page.locator(`[data-testid="timeline-event"][data-type="${type}"]`);
const detail = async (page: Page, type: string) => ((await event(page, type).first().locator('.what').textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('the admin journal of a request', () => {
  let browser: Browser;
  let resident: PhonePage;
  let staff: PhonePage;
  let admin: PhonePage;
  let requestId = '';

  beforeAll(async () => {
    useEmulators();
    browser = await launchBrowser();
    [resident, staff, admin] = await Promise.all([openPhone(browser), openPhone(browser), openPhone(browser)]);
    await admin.page.setViewportSize(NARROW);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a call from Анна, accepted by Иван: created, validated, notified (to staff and to her), acknowledged', async () => {
    await signIn(resident.page, 'resident@demo.test', /\/$/);
    await resident.page.goto(appUrl('/sos'));
    await resident.page.getByTestId('emergency').click();
    await resident.page.waitForURL(/\/sos\/[A-Za-z0-9]{20}$/);
    requestId = resident.page.url().split('/').pop() ?? '';
    const reference = getFirestore().doc(paths.sosRequest(requestId));
    await expect.poll(async () => (await reference.get()).get('status'), { timeout: 30_000 }).toBe('open');
    await signIn(staff.page, 'staff@demo.test', /\/staff$/);
    await staff.page.goto(appUrl(`/staff?request=${requestId}&claim=1`));
    await expect.poll(async () => (await reference.get()).get('status'), { timeout: 30_000 }).toBe('acknowledged');
    const events = getFirestore().collection(paths.events(requestId));
    await expect.poll(async () => (await events.get()).docs.map((doc) => doc.id).sort(), { timeout: 30_000 }).toEqual(
      expect.arrayContaining(['notified-open', 'notified-ack']),
    );
    await signIn(admin.page, 'admin@demo.test', /\/admin$/);
  }, 180_000);

  async function openJournal(): Promise<string> {
    const { page } = admin;
    await page.goto(appUrl(`/admin/requests/${requestId}`));
    await event(page, 'acknowledged').waitFor({ timeout: 20_000 });
    await expect.poll(() => event(page, 'notified').count()).toBeGreaterThanOrEqual(2);
    return ((await page.getByTestId('timeline').textContent()) ?? '').replace(/\s+/g, ' ');
  }

  function expectNoIdsOrBackendWords(journal: string): void {
    expect(journal).not.toContain(requestId);
    for (const uid of UIDS) expect(journal).not.toContain(uid);
    expect(journal).not.toMatch(BACKEND_WORDS);
  }

  // The staff push may be pushed or grouped with one a minute earlier (the throttle): either reads in words.
  it('in Russian: names, sources and push counts in words', async () => {
    const journal = await openJournal();
    await screenshot(admin.page, 'admin-journal-ru');
    expect(await detail(admin.page, 'created')).toBe('Создана · Анна Смирнова · Экстренная');
    expect(await detail(admin.page, 'acknowledged')).toBe('Принята · Иван Петров');
    const notified = (await event(admin.page, 'notified').locator('.what').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
    expect(notified).toContainEqual(expect.stringMatching(/^Уведомления · персоналу( · (push: \d+ из \d+, устройств: \d+|нет устройств|[а-я ]+: \d+))+$/));
    expect(notified).toContainEqual(expect.stringMatching(/^Уведомления · заявителю · push: 1 из 1, устройств: \d+( · (нет устройств|[а-я ]+: \d+))+$/));
    expectNoIdsOrBackendWords(journal);
    expect(await admin.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expectNoPageErrors(admin);
  }, 60_000);

  it('in English: the same events in English', async () => {
    await admin.page.evaluate(() => localStorage.setItem('sos.locale', 'en'));
    const journal = await openJournal();
    await screenshot(admin.page, 'admin-journal-en');
    expect(await detail(admin.page, 'created')).toBe('Created · Анна Смирнова · Emergency');
    expect(await detail(admin.page, 'acknowledged')).toBe('Accepted · Иван Петров');
    const notified = ((await event(admin.page, 'notified').first().locator('.what').textContent()) ?? '').replace(/\s+/g, ' ').trim();
    expect(notified).toMatch(/^Notifications · to staff( · (push: \d+ of \d+, devices: \d+|no registered device|[a-z ]+: \d+))+$/);
    expect(journal).not.toMatch(/Создана|Принята|Уведомления|персоналу|устройств|Экстренная/);
    expectNoIdsOrBackendWords(journal);
    expect(await admin.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expectNoPageErrors(admin);
  }, 60_000);
});
