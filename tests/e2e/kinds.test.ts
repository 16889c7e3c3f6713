// Issue 23 on screen: a resident at 360 px picks a kind of help on the form (or taps one on the QR screen, which
// sends it at once), staff see it first in their queue marked urgent; «Позвонить 112» on an urgent request tells the
// staff card; a silent call (held 2 s) shows no countdown, makes no sound, and its staff card says not to call back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { FieldValue, getFirestore } from 'firebase-admin/firestore';
import { DEFAULT_EMERGENCY_NUMBER, FORM_KINDS, SILENT_HOLD_MS, paths, sosRequestCreate, type SosRequest } from '@sos/model';
import { DEMO_ACCOUNTS } from '../../scripts/demo-data';
import { useEmulators } from '../../scripts/seed';
import { appUrl, expectNoPageErrors, launchBrowser, openPhone, screenshot, signIn, type PhonePage } from './browser';
import { t } from './messages';

const NARROW = { width: 360, height: 640 };
const PLACE = 'Корпус А / 2 этаж / Переговорная 204';
const REQUEST_URL = /\/sos\/[A-Za-z0-9]{20}$/;

const staffCard = (page: Page, requestId: string) => page.locator(`[data-testid="staff-request"][data-request-id="${requestId}"]`);
const requestRef = (requestId: string) => getFirestore().doc(paths.sosRequest(requestId));
const statusOf = async (requestId: string) => (await requestRef(requestId).get()).get('status') as unknown;

/** What the page did that makes a sound or a vibration, counted by the spy of `spyOnSounds`. */
const soundsMade = (page: Page) => page.evaluate(() => (window as unknown as { sosSoundsMade: string[] }).sosSoundsMade);

describe('kinds of help, 112 and the silent call', () => {
  let browser: Browser;
  let resident: PhonePage;
  let staff: PhonePage;
  const made: string[] = [];
  let lowPriority: Promise<string> | undefined;
  let fire: Promise<string> | undefined;

  beforeAll(async () => {
    useEmulators();
    // Иван on duty, as seeded (the roster test takes him off and back).
    await getFirestore().doc(paths.staffMember('demo-bc', DEMO_ACCOUNTS.staff.uid)).update({ onDuty: true });
    browser = await launchBrowser();
    [resident, staff] = await Promise.all([openPhone(browser, { viewport: NARROW }), openPhone(browser)]);
    // Every vibration, Web Audio context and media play of the resident's pages is recorded.
    await resident.context.addInitScript(() => {
      const made: string[] = [];
      (window as unknown as { sosSoundsMade: string[] }).sosSoundsMade = made;
      navigator.vibrate = () => {
        made.push('vibrate');
        return true;
      };
      const NativeAudioContext = window.AudioContext;
      window.AudioContext = class extends NativeAudioContext {
        constructor(options?: AudioContextOptions) {
          made.push('audio');
          super(options);
        }
      };
      HTMLMediaElement.prototype.play = () => {
        made.push('media');
        return Promise.resolve();
      };
    });
    // One at a time: two cold sign-ins at once starve a busy 2-core machine.
    await signIn(resident.page, 'resident@demo.test', /\/$/);
    await signIn(staff.page, 'staff@demo.test', /\/staff$/);
  });

  afterAll(async () => {
    await Promise.all(
      made.map((id) =>
        requestRef(id)
          .update({ status: 'cancelled' })
          .catch(() => undefined),
      ),
    );
    await browser?.close();
  });

  /** A request of the lowest priority («Другое»), written as the resident's phone would; made once, opened by the backend. */
  function lowPriorityRequest(): Promise<string> {
    lowPriority ??= (async () => {
      const reference = getFirestore().collection(paths.sosRequests()).doc();
      made.push(reference.id);
      const input = {
        uid: DEMO_ACCOUNTS.resident.uid,
        locationId: 'demo-bc',
        source: 'form',
        kind: 'other',
        objectId: 'bc-a-2-204',
        description: 'Не работает кулер',
      } as const;
      await reference.set(sosRequestCreate(input, FieldValue.serverTimestamp()));
      await expect.poll(() => statusOf(reference.id), { timeout: 30_000 }).toBe('open');
      return reference.id;
    })();
    return lowPriority;
  }

  /** The resident at 360 px picks «Пожар или дым» on the form and sends it; made once, opened by the backend. */
  function fireRequest(): Promise<string> {
    fire ??= sendFireRequest();
    return fire;
  }

  async function sendFireRequest(): Promise<string> {
    const { page } = resident;
    await page.goto(appUrl('/sos'));
    const fireButton = page.getByRole('button', { name: t('kinds.fire') });
    await fireButton.waitFor();
    // Every offered kind is a large button with its label as its name, and nothing scrolls sideways at 360 px.
    for (const kind of FORM_KINDS) {
      const box = await page
        .getByTestId('sos-kinds')
        .getByRole('button', { name: t(`kinds.${kind}`) })
        .boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(44);
      expect(box?.width).toBeGreaterThanOrEqual(44);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    await fireButton.click();
    await expect(fireButton.getAttribute('aria-pressed')).resolves.toBe('true');
    await page.getByLabel(t('sos.location')).selectOption({ label: PLACE });
    await page.getByLabel(t('sos.describe')).fill('Пахнет дымом из щитовой');
    await screenshot(page, 'kinds-01-form-fire');
    await page.getByRole('button', { name: t('sos.submit') }).click();
    await page.waitForURL(REQUEST_URL);
    const requestId = page.url().split('/').pop() ?? '';
    made.push(requestId);
    await expect.poll(() => statusOf(requestId), { timeout: 30_000 }).toBe('open');
    expect((await requestRef(requestId).get()).data() as SosRequest).toMatchObject({ source: 'form', kind: 'fire', objectId: 'bc-a-2-204' });
    return requestId;
  }

  it('a resident at 360 px picks «Пожар или дым» and sends; staff see it first in the open queue, marked urgent', async () => {
    // An older request of the lowest priority: the fire must still come first.
    const olderId = await lowPriorityRequest();
    const requestId = await fireRequest();

    await staff.page.goto(appUrl('/staff'));
    const openQueue = staff.page.getByTestId('staff-open').getByTestId('staff-request');
    await staffCard(staff.page, requestId).waitFor({ timeout: 20_000 });
    await staffCard(staff.page, olderId).waitFor({ timeout: 20_000 });
    await expect.poll(() => openQueue.first().getAttribute('data-request-id')).toBe(requestId);
    const card = staffCard(staff.page, requestId);
    await expect(card.getAttribute('data-priority')).resolves.toBe('urgent');
    await expect(card.getAttribute('data-kind')).resolves.toBe('fire');
    await expect(card.getByTestId('kind-label').innerText()).resolves.toContain(t('kinds.fire'));
    await expect(staffCard(staff.page, olderId).getAttribute('data-priority')).resolves.toBe('normal');
    await screenshot(staff.page, 'kinds-02-staff-queue');
    expectNoPageErrors(resident);
    expectNoPageErrors(staff);
  });

  it('the resident taps «Позвонить 112» on the urgent request and the staff card shows «Заявитель позвонил 112»', async () => {
    const requestId = await fireRequest();
    const { page } = resident;
    await page.goto(appUrl(`/sos/${requestId}`));
    const call = page.getByTestId('call-112');
    await call.waitFor({ timeout: 15_000 });
    await expect(call.innerText()).resolves.toContain(t('countdown.call112', { number: DEFAULT_EMERGENCY_NUMBER }));
    await expect(call.getAttribute('href')).resolves.toBe(`tel:${DEFAULT_EMERGENCY_NUMBER}`);
    // Beside the staff phone.
    await page.getByTestId('staff-phone').waitFor();
    const box = await call.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);

    await call.click();
    await page
      .getByTestId('called-112-recorded')
      .getByText(t('countdown.called112', { number: DEFAULT_EMERGENCY_NUMBER }))
      .waitFor({ timeout: 15_000 });
    await expect.poll(async () => (await requestRef(requestId).get()).get('called112At') !== undefined).toBe(true);
    await screenshot(page, 'kinds-03-called-112');

    await staff.page.goto(appUrl('/staff'));
    await staffCard(staff.page, requestId).getByTestId('called-112').getByText(t('staff.called112')).waitFor({ timeout: 20_000 });
    await screenshot(staff.page, 'kinds-04-staff-called-112');
    expectNoPageErrors(resident);
    expectNoPageErrors(staff);
  });

  it('a non-urgent request offers no 112', async () => {
    const olderId = await lowPriorityRequest();
    const { page } = resident;
    await page.goto(appUrl(`/sos/${olderId}`));
    await page.getByTestId('countdown').waitFor({ timeout: 15_000 });
    await page.getByTestId('staff-phone').waitFor();
    expect(await page.getByTestId('call-112').count()).toBe(0);
  });

  it('on the QR screen, where the place is known, a kind tap sends at once; a leak is high priority, with no 112', async () => {
    const { page } = resident;
    await page.goto(appUrl('/q/qr-bc-a-2-204'));
    await page.getByTestId('qr-place').getByText('Переговорная 204').waitFor();
    const kinds = page.getByTestId('qr-kinds');
    await kinds.getByRole('button', { name: t('kinds.leak') }).waitFor();
    // «Нужна помощь» stays the call for anything else («Другое»).
    await page.getByRole('button', { name: t('qr.needHelp') }).waitFor();
    expect(await kinds.getByRole('button', { name: t('kinds.other') }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, 'kinds-05-qr-kinds');

    await kinds.getByRole('button', { name: t('kinds.leak') }).click();
    await page.waitForURL(REQUEST_URL);
    const requestId = page.url().split('/').pop() ?? '';
    made.push(requestId);
    await expect.poll(() => statusOf(requestId), { timeout: 30_000 }).toBe('open');
    expect((await requestRef(requestId).get()).data() as SosRequest).toMatchObject({ source: 'qr', kind: 'leak', objectId: 'bc-a-2-204' });
    await page.getByTestId('countdown').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('call-112').count()).toBe(0);

    await staff.page.goto(appUrl('/staff'));
    const card = staffCard(staff.page, requestId);
    await card.waitFor({ timeout: 20_000 });
    await expect(card.getAttribute('data-priority')).resolves.toBe('high');
    await expect(card.getAttribute('data-kind')).resolves.toBe('leak');
    expectNoPageErrors(resident);
    expectNoPageErrors(staff);
  });

  it('a silent call: a short press sends nothing; held 2 s it shows no countdown, makes no sound, and staff must not call back', async () => {
    const { page } = resident;
    await page.goto(appUrl('/sos'));
    const hold = page.getByTestId('silent-hold');
    await hold.waitFor();
    await expect(hold.getAttribute('aria-describedby')).resolves.toBeTruthy();
    const hint = page.getByTestId('silent-hint');

    // A tap, and a press of Space, are released long before 2 s: nothing is sent.
    await hold.click();
    await hint.getByText(t('sos.silentCancelled', { seconds: SILENT_HOLD_MS / 1000 })).waitFor();
    await hold.focus();
    await page.keyboard.press(' ');
    await hint.getByText(t('sos.silentCancelled', { seconds: SILENT_HOLD_MS / 1000 })).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sos');

    const box = await hold.boundingBox();
    if (!box) throw new Error('the silent call button is not on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const pressedAt = Date.now();
    await page.mouse.down();
    await page.locator('[data-testid="silent-hold"][data-state="holding"]').waitFor();
    await hint.getByText(t('sos.silentHolding', { seconds: SILENT_HOLD_MS / 1000 })).waitFor();
    await page.waitForURL(REQUEST_URL, { timeout: SILENT_HOLD_MS + 10_000 });
    expect(Date.now() - pressedAt).toBeGreaterThanOrEqual(SILENT_HOLD_MS);
    await page.mouse.up();
    const requestId = page.url().split('/').pop() ?? '';
    made.push(requestId);

    // Before and after the server answers: «Запрос отправлен», no clock.
    await page.getByTestId('silent-sent').getByText(t('countdown.silentSent'), { exact: true }).waitFor();
    expect(await page.getByTestId('provisional-clock').count()).toBe(0);
    await expect.poll(() => statusOf(requestId), { timeout: 30_000 }).toBe('open');
    expect((await requestRef(requestId).get()).data() as SosRequest).toMatchObject({ source: 'emergency', kind: 'emergency', silent: true });
    await expect.poll(async () => (await requestRef(requestId).get()).get('deadlineAt') !== undefined).toBe(true);
    await page.getByTestId('silent-sent').waitFor();
    expect(await page.getByTestId('countdown').count()).toBe(0);
    expect(await soundsMade(page)).toEqual([]);
    await screenshot(page, 'kinds-07-silent-sent');

    await staff.page.goto(appUrl('/staff'));
    const card = staffCard(staff.page, requestId);
    await card.getByTestId('silent-call').getByText(t('staff.silentCall')).waitFor({ timeout: 20_000 });
    await expect(card.getAttribute('data-priority')).resolves.toBe('urgent');
    // No call-back link on a silent call.
    expect(await card.locator('a[href^="tel:"]').count()).toBe(0);
    await screenshot(staff.page, 'kinds-08-staff-silent');
    expectNoPageErrors(resident);
    expectNoPageErrors(staff);
  });
});
