// Issue 9: the admin «Журнал» of a request speaks the admin's language (ru, en), names people instead
// of uids, shows no request or device ids and no backend English, and fits 360 px without sideways scroll.
// Issue 24: the admin downloads the journal of a day as CSV, a row per request as the journal shows them.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Timestamp, getFirestore } from 'firebase-admin/firestore';
import { SOS_STATUSES, dayRangeMillis, paths, type SosStatus } from '@sos/model';
import { useEmulators } from '../../scripts/seed';
import { DEMO_ACCOUNTS, DEMO_LOCATIONS } from '../../scripts/demo-data';
import { journalHeader } from '../../functions/src/reports/export/journalRows';
import { JOURNAL_COLUMNS, type JournalColumn } from '../../functions/src/reports/export/texts';
import { csvRows } from '../helpers/csv';
import { appUrl, callForHelp, expectNoPageErrors, launchBrowser, openPhone, screenshot, signIn, type PhonePage } from './browser';
import { escapeRegExp, messageShape, t, tEn } from './messages';

const NARROW = { width: 360, height: 640 };
const UIDS = Object.values(DEMO_ACCOUNTS).map((account) => account.uid);
/** Words of the backend's own notes (functions/src/notify/pushBatch.ts), never meant for a reader. */
const BACKEND_WORDS = /pushed|recipient\(s\)|device\(s\)|no devices|grouped|round \d|esc-|arr-|msg-/;

const event = (page: Page, type: string) => page.locator(`[data-testid="timeline-event"][data-type="${type}"]`);
const detail = async (page: Page, type: string) => ((await event(page, type).first().locator('.what').textContent()) ?? '').replace(/\s+/g, ' ').trim();
const ANNA = DEMO_ACCOUNTS.resident.displayName;
const IVAN = DEMO_ACCOUNTS.staff.displayName;
/** A count in any of its plural forms («1 человек», «2 человека», «5 человек»). */
const countShape = (translate: typeof t, key: 'journal.people' | 'journal.devices') =>
  `(${(['one', 'few', 'many', 'other'] as const).map((form) => messageShape(translate, `${key}.${form}`)).join('|')})`;
/** Who a push batch reached: «2 человека, 4 устройства», or «1 человек без включённых уведомлений…»; `people` fixed when given. */
const pushedShape = (translate: typeof t, people?: string) => {
  const person = people === undefined ? countShape(translate, 'journal.people') : escapeRegExp(people);
  const to = messageShape(translate, 'journal.pushedTo', { people: '\u0001', devices: '\u0002' });
  const none = messageShape(translate, 'journal.noDevice', { people: '\u0001' });
  return `(${to}|${none})`.replaceAll('\u0001', person).replaceAll('\u0002', countShape(translate, 'journal.devices'));
};
/** What a journal line's count part may read: whom it pushed, or a delivery or grouping count. */
const countsShape = (translate: typeof t, words: string) => `(${pushedShape(translate)}|${words}: \\d+)`;

describe('the admin journal of a request', () => {
  let browser: Browser;
  let resident: PhonePage;
  let staff: PhonePage;
  let admin: PhonePage;
  let accepted: Promise<string> | undefined;

  beforeAll(async () => {
    useEmulators();
    browser = await launchBrowser();
    [resident, staff, admin] = await Promise.all([openPhone(browser), openPhone(browser), openPhone(browser)]);
    await admin.page.setViewportSize(NARROW);
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Анна calls, Иван accepts through the notification's link: made once, by whichever test needs it first. */
  function acceptedCall(): Promise<string> {
    accepted ??= (async () => {
      await signIn(resident.page, DEMO_ACCOUNTS.resident.email, /\/$/);
      const { requestId, reference } = await callForHelp(resident.page);
      await signIn(staff.page, DEMO_ACCOUNTS.staff.email, /\/staff$/);
      await staff.page.goto(appUrl(`/staff?request=${requestId}&claim=1`));
      await expect.poll(async () => (await reference.get()).get('status'), { timeout: 30_000 }).toBe('acknowledged');
      const events = getFirestore().collection(paths.events(requestId));
      await expect
        .poll(async () => (await events.get()).docs.map((doc) => doc.id).sort(), { timeout: 30_000 })
        .toEqual(expect.arrayContaining(['notified-open', 'notified-ack']));
      await signIn(admin.page, DEMO_ACCOUNTS.admin.email, /\/admin$/);
      return requestId;
    })();
    return accepted;
  }

  it('a call from Анна, accepted by Иван: created, validated, notified (to staff and to her), acknowledged', async () => {
    expect(await acceptedCall()).toMatch(/^[A-Za-z0-9]{20}$/);
  }, 180_000);

  /** Opens the request's journal in the admin's language (chosen on the device, as the menu does). */
  async function openJournal(requestId: string, language: 'ru' | 'en'): Promise<string> {
    const { page } = admin;
    await page.evaluate((chosen) => localStorage.setItem('sos.locale', chosen), language);
    await page.goto(appUrl(`/admin/requests/${requestId}`));
    await event(page, 'acknowledged').waitFor({ timeout: 20_000 });
    await expect.poll(() => event(page, 'notified').count()).toBeGreaterThanOrEqual(2);
    return ((await page.getByTestId('timeline').textContent()) ?? '').replace(/\s+/g, ' ');
  }

  function expectNoIdsOrBackendWords(journal: string, requestId: string): void {
    expect(journal).not.toContain(requestId);
    for (const uid of UIDS) expect(journal).not.toContain(uid);
    expect(journal).not.toMatch(BACKEND_WORDS);
  }

  // The staff push may be pushed or grouped with one a minute earlier (the throttle): either reads in words.
  it('in Russian: names, sources and push counts in words', async () => {
    const requestId = await acceptedCall();
    const journal = await openJournal(requestId, 'ru');
    await screenshot(admin.page, 'admin-journal-ru');
    expect(await detail(admin.page, 'created')).toBe([t('timeline.type.created'), ANNA, t('admin.source.emergency')].join(' · '));
    expect(await detail(admin.page, 'acknowledged')).toBe([t('timeline.type.acknowledged'), IVAN].join(' · '));
    const notified = (await event(admin.page, 'notified').locator('.what').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
    const counts = countsShape(t, '[а-я ]+');
    const toStaff = `${messageShape(t, 'timeline.type.notified')} · ${messageShape(t, 'journal.batch.open')}`;
    const toHer = `${messageShape(t, 'timeline.type.notified')} · ${messageShape(t, 'journal.batch.ack')}`;
    expect(notified).toContainEqual(expect.stringMatching(new RegExp(`^${toStaff}( · ${counts})+$`)));
    expect(notified).toContainEqual(
      expect.stringMatching(new RegExp(`^${toHer} · ${pushedShape(t, t('journal.people.one', { count: 1 }))}( · [а-я ]+: \\d+)*$`)),
    );
    expectNoIdsOrBackendWords(journal, requestId);
    expect(await admin.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expectNoPageErrors(admin);
  }, 180_000);

  it('in English: the same events in English', async () => {
    const requestId = await acceptedCall();
    const journal = await openJournal(requestId, 'en');
    await screenshot(admin.page, 'admin-journal-en');
    expect(await detail(admin.page, 'created')).toBe([tEn('timeline.type.created'), ANNA, tEn('admin.source.emergency')].join(' · '));
    expect(await detail(admin.page, 'acknowledged')).toBe([tEn('timeline.type.acknowledged'), IVAN].join(' · '));
    const notified = ((await event(admin.page, 'notified').first().locator('.what').textContent()) ?? '').replace(/\s+/g, ' ').trim();
    const toStaff = `${messageShape(tEn, 'timeline.type.notified')} · ${messageShape(tEn, 'journal.batch.open')}`;
    expect(notified).toMatch(new RegExp(`^${toStaff}( · ${countsShape(tEn, '[a-z ]+')})+$`));
    // None of the Russian words of these events.
    const russianKeys = [
      'timeline.type.created',
      'timeline.type.acknowledged',
      'timeline.type.notified',
      'journal.batch.open',
      'admin.source.emergency',
    ] as const;
    // Words of the Russian counts: people, devices, no device, devices removed.
    const deviceWords = ['journal.people.few', 'journal.devices.many', 'journal.noDevice', 'journal.delivery.token_removed'] as const;
    expect(journal).not.toMatch(new RegExp([...russianKeys, ...deviceWords].map((key) => messageShape(t, key)).join('|')));
    expectNoIdsOrBackendWords(journal, requestId);
    expect(await admin.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expectNoPageErrors(admin);
  }, 180_000);

  it('downloads the day’s journal as CSV: a row per request of the day, each with the status the journal shows', async () => {
    const requestId = await acceptedCall();
    const { page } = admin;
    await page.evaluate(() => localStorage.setItem('sos.locale', 'ru'));
    await page.goto(appUrl('/admin'));
    await page.locator(`[data-testid="admin-request"][data-request-id="${requestId}"]`).waitFor({ timeout: 20_000 });
    const shown = new Map(
      await page.getByTestId('admin-request').evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-request-id'), row.getAttribute('data-status')])),
    );
    await page.getByTestId('journal-export').locator('summary').click();
    // From today to today, in the location's zone (the form's default end).
    const day = await page.getByTestId('export-to').inputValue();
    await page.getByTestId('export-from').fill(day);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-download').click()]);
    expect(download.suggestedFilename()).toBe(`sos-journal-demo-bc-${day}_${day}.csv`);
    const file = await readFile(await download.path());
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = csvRows(file.toString('utf8'));
    expect(header).toEqual(journalHeader('ru'));
    await expect.poll(() => page.getByTestId('export-started').textContent()).toBe(t('journalExport.started', { count: rows.length }));

    // Exactly the location's requests of the day, each with the status the journal shows.
    const { startMillis, endMillis } = dayRangeMillis(DEMO_LOCATIONS['demo-bc']!.timezone, day, day);
    const ofTheDay = await getFirestore()
      .collection(paths.sosRequests())
      .where('locationId', '==', 'demo-bc')
      .where('createdAt', '>=', Timestamp.fromMillis(startMillis))
      .where('createdAt', '<', Timestamp.fromMillis(endMillis))
      .get();
    expect(rows.map(([id]) => id).sort()).toEqual(ofTheDay.docs.map((doc) => doc.id).sort());
    const cells = (row: string[], ...columns: JournalColumn[]) => columns.map((column) => row[JOURNAL_COLUMNS.indexOf(column)]);
    const statusLabels = new Map(SOS_STATUSES.map((known) => [known, t(`status.${known}`)]));
    // Each row says its request's status; those the journal lists (the active and recent ones) say what it shows.
    const stored = new Map(ofTheDay.docs.map((doc) => [doc.id, doc.get('status') as SosStatus]));
    expect(rows.map((row) => cells(row, 'id', 'status'))).toEqual(rows.map((row) => [row[0], statusLabels.get(stored.get(row[0] ?? '') as SosStatus)]));
    const listed = rows.filter(([id]) => shown.has(id ?? null));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.map((row) => cells(row, 'id', 'status'))).toEqual(listed.map((row) => [row[0], statusLabels.get(shown.get(row[0] ?? null) as SosStatus)]));
    const call = rows.find(([id]) => id === requestId) ?? [];
    expect(cells(call, 'status', 'kind', 'ackBy', 'ackChannel')).toEqual([t('status.acknowledged'), t('kinds.emergency'), IVAN, t('journal.channel.app')]);
    expectNoPageErrors(admin);
  }, 180_000);
});
