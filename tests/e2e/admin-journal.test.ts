// Issue 9: the admin «Журнал» of a request speaks the admin's language (ru, en), names people instead
// of uids, shows no request or device ids and no backend English, and fits 360 px without sideways scroll.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getFirestore } from 'firebase-admin/firestore';
import { paths } from '@sos/model';
import { useEmulators } from '../../scripts/seed';
import { DEMO_ACCOUNTS } from '../../scripts/demo-data';
import { appUrl, callForHelp, expectNoPageErrors, launchBrowser, openPhone, screenshot, signIn, type PhonePage } from './browser';
import { messageShape, t, tEn } from './messages';

const NARROW = { width: 360, height: 640 };
const UIDS = Object.values(DEMO_ACCOUNTS).map((account) => account.uid);
/** Words of the backend's own notes (functions/src/notify/pushBatch.ts), never meant for a reader. */
const BACKEND_WORDS = /pushed|recipient\(s\)|device\(s\)|no devices|grouped|round \d|esc-|arr-|msg-/;

const event = (page: Page, type: string) => page.locator(`[data-testid="timeline-event"][data-type="${type}"]`);
const detail = async (page: Page, type: string) => ((await event(page, type).first().locator('.what').textContent()) ?? '').replace(/\s+/g, ' ').trim();
const ANNA = DEMO_ACCOUNTS.resident.displayName;
const IVAN = DEMO_ACCOUNTS.staff.displayName;
/** What a journal line's count part may read: pushes, no device, or a delivery or grouping count. */
const countsShape = (translate: typeof t, words: string) =>
  `(${messageShape(translate, 'journal.pushed')}|${messageShape(translate, 'journal.noDevices')}|${words}: \\d+)`;

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
    const afterPush = `(${messageShape(t, 'journal.noDevices')}|[а-я ]+: \\d+)`;
    expect(notified).toContainEqual(
      expect.stringMatching(new RegExp(`^${toHer} · ${messageShape(t, 'journal.pushed', { pushed: 1, recipients: 1 })}( · ${afterPush})+$`)),
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
    // «устройств» is in three of them: pushes, no device, devices removed.
    const deviceWords = ['journal.pushed', 'journal.noDevices', 'journal.delivery.token_removed'] as const;
    expect(journal).not.toMatch(new RegExp([...russianKeys, ...deviceWords].map((key) => messageShape(t, key)).join('|')));
    expectNoIdsOrBackendWords(journal, requestId);
    expect(await admin.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expectNoPageErrors(admin);
  }, 180_000);
});
