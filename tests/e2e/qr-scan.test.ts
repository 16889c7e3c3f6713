// Issue: help at a known place — the camera reads an SOS QR code, the plan shows the place, «Нужна помощь».
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Request } from 'playwright-core';
import QRCode from 'qrcode';
import { getFirestore } from 'firebase-admin/firestore';
import { paths, type SosRequest } from '@sos/model';
import { useEmulators } from '../../scripts/seed';
import { writeQrVideo } from './fakeCamera';
import { EMULATOR_HOSTS } from '../helpers/emulators';
import { appUrl, expectNoPageErrors, launchBrowser, openPhone, screenshot, signIn, type PhonePage } from './browser';
import { t } from './messages';

const TEST_RESULTS = resolve(import.meta.dirname, '../../test-results');
const EMULATOR_ORIGINS = Object.values(EMULATOR_HOSTS).map((hostPort) => `http://${hostPort}`);
const CAFE_TOKEN = 'qr-bc-a-1-cafe';

describe('QR code: camera → plan → «Нужна помощь»', () => {
  let cameraBrowser: Browser;
  let plainBrowser: Browser;
  let resident: PhonePage;
  const requests: string[] = [];
  /** Documents this file creates in the shared demo location, removed afterwards. */
  const created: string[] = [];

  beforeAll(async () => {
    useEmulators();
    const video = resolve(TEST_RESULTS, 'fake-camera-cafe.y4m');
    writeQrVideo(appUrl(`/q/${CAFE_TOKEN}`), video);
    cameraBrowser = await launchBrowser({
      extraArgs: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
    });
    plainBrowser = await launchBrowser();
    resident = await openPhone(cameraBrowser);
    await resident.context.grantPermissions(['camera'], { origin: appUrl() });
    // What the page loads; the service worker's precache of every file (for offline) is not the page's bundle.
    resident.context.on('request', (request: Request) => {
      if (!request.serviceWorker()) requests.push(request.url());
    });
  });

  afterAll(async () => {
    await Promise.all(created.map((path) => getFirestore().doc(path).delete()));
    await cameraBrowser?.close();
    await plainBrowser?.close();
  });

  it('resident scans a code with the camera, sees the place on the plan and calls for help there', async () => {
    const { page } = resident;
    await signIn(page, 'resident@demo.test', /\/$/);
    // The scanner and its wasm are not part of the main bundle: nothing of them loads before /scan.
    expect(requests.filter((url) => /ScanPage|zxing/.test(url))).toEqual([]);
    await page.getByRole('button', { name: t('app.menu') }).click();
    await page
      .locator('#app-menu')
      .getByRole('link', { name: t('nav.scanner') })
      .click();
    await page.waitForURL(/\/scan$/);
    await page.getByText(t('scan.cameraOn')).waitFor({ timeout: 15_000 });
    const cameraOnAt = Date.now();

    await page.waitForURL(new RegExp(`/q/${CAFE_TOKEN}$`), { timeout: 20_000 });
    const seenByTestMs = Date.now() - cameraOnAt;
    const decodeMs = await page.evaluate(() => performance.getEntriesByName('sos-scan:camera-to-code')[0]?.duration ?? null);
    expect(decodeMs).not.toBeNull();

    // The plan of the parent (1 этаж) with the cafe marked where demo-data places it.
    await page.getByTestId('qr-place').getByText('Кафе · 1 этаж').waitFor();
    const plan = page.getByTestId('plan-view');
    await plan.waitFor();
    await expect(plan.locator('img').getAttribute('src')).resolves.toBe('/plans/demo-bc-floor-1.svg');
    await expect(plan.locator('img').getAttribute('alt')).resolves.toBe(t('plan.alt', { title: '1 этаж', markers: 'Кафе' }));
    await expect(plan.locator('img').evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).resolves.toBe(true);
    const marker = plan.getByTestId('plan-marker');
    await expect(marker.count()).resolves.toBe(1);
    await expect(marker.innerText()).resolves.toBe('Кафе');
    await expect(marker.evaluate((node: HTMLElement) => [node.style.left, node.style.top])).resolves.toEqual(['55%', '25%']);
    await screenshot(page, 'qr-01-plan');

    await page.getByRole('button', { name: t('qr.needHelp') }).click();
    await page.waitForURL(/\/sos\/[\w-]+$/);
    const requestId = page.url().split('/').pop() ?? '';
    await page.getByTestId('countdown').waitFor({ timeout: 15_000 });
    await page.getByTestId('plan-view').getByTestId('plan-marker').getByText('Кафе').waitFor();
    await screenshot(page, 'qr-02-countdown');

    const stored = (await getFirestore().doc(paths.sosRequest(requestId)).get()).data() as SosRequest;
    expect(stored).toMatchObject({ source: 'qr', objectId: 'bc-a-1-cafe', qrToken: CAFE_TOKEN, status: 'open' });
    expect(stored.plan).toEqual({ url: '/plans/demo-bc-floor-1.svg', width: 1000, height: 600, marker: { x: 0.55, y: 0.25 } });

    // zxing's wasm came from the app itself, and nothing left the app or the local emulators.
    const ours = new URL(appUrl()).origin;
    expect(requests.some((url) => url.startsWith(`${ours}/assets/zxing_reader`) && url.endsWith('.wasm'))).toBe(true);
    const foreign = requests.filter((url) => {
      if (url.startsWith('data:') || url.startsWith('blob:')) return false;
      const origin = new URL(url).origin;
      return origin !== ours && !EMULATOR_ORIGINS.includes(origin);
    });
    expect(foreign).toEqual([]);

    console.log(`[timing] camera start → decoded QR code: ${Math.round(decodeMs ?? 0)} ms in the page (${seenByTestMs} ms as the test saw it)`);
    expectNoPageErrors(resident);
  });

  it('without a camera the scanner says why and reads a photo of the code instead, refusing foreign codes', async () => {
    const noCamera = await openPhone(plainBrowser);
    const { page } = noCamera;
    await signIn(page, 'resident@demo.test', /\/$/);
    await page.goto(appUrl('/scan'));
    await page.getByTestId('camera-error').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('sos-button').isVisible()).resolves.toBe(true);
    await screenshot(page, 'qr-03-no-camera');

    const foreignPhoto = resolve(TEST_RESULTS, 'photo-foreign-qr.png');
    await QRCode.toFile(foreignPhoto, 'https://example.com/q/qr-bc-a-1-cafe', { width: 360 });
    await page.getByTestId('scan-photo').setInputFiles(foreignPhoto);
    await page.getByTestId('scan-notice').getByText(t('scan.foreign')).waitFor();

    const ourPhoto = resolve(TEST_RESULTS, 'photo-lobby-qr.png');
    await QRCode.toFile(ourPhoto, appUrl('/q/qr-bc-a-1-lobby'), { width: 360 });
    await page.getByTestId('scan-photo').setInputFiles(ourPhoto);
    await page.waitForURL(/\/q\/qr-bc-a-1-lobby$/);
    await page.getByTestId('qr-place').getByText('Холл и ресепшен · 1 этаж').waitFor();
    expectNoPageErrors(noCamera);
    await noCamera.context.close();
  });

  it('a revoked code says so live, an unknown code says so, and the emergency call is still offered', async () => {
    const db = getFirestore();
    const suffix = Date.now().toString(36);
    const objectId = `e2e-revoked-${suffix}`;
    const token = `e2e-revoked-token-${suffix}`;
    await db.doc(paths.object('demo-bc', objectId)).set({
      name: 'Склад E2E',
      kind: 'room',
      parentId: 'bc-a-2',
      plan: null,
      position: { x: 0.9, y: 0.8 },
      qrToken: token,
      selectable: false,
    });
    await db.doc(paths.qrCode(token)).set({ locationId: 'demo-bc', objectId, active: true });
    created.push(paths.object('demo-bc', objectId), paths.qrCode(token));

    const phone = await openPhone(plainBrowser);
    const { page } = phone;
    await signIn(page, 'resident@demo.test', /\/$/);
    await page.goto(appUrl(`/q/${token}`));
    await page.getByTestId('qr-place').getByText('Склад E2E · 2 этаж').waitFor();

    // The admin revokes it (code inactive, object without a code): the open screen follows.
    const batch = db.batch();
    batch.update(db.doc(paths.qrCode(token)), { active: false });
    batch.update(db.doc(paths.object('demo-bc', objectId)), { qrToken: null });
    await batch.commit();
    await page.getByTestId('qr-problem').getByText(t('qr.revoked')).waitFor({ timeout: 15_000 });
    await expect(page.getByRole('button', { name: t('qr.needHelp') }).count()).resolves.toBe(0);
    await page.reload();
    await page.getByTestId('qr-problem').getByText(t('qr.revoked')).waitFor();
    await screenshot(page, 'qr-04-revoked');

    await page.goto(appUrl('/q/no-such-code-e2e'));
    await page.getByTestId('qr-problem').getByText(t('qr.unknown')).waitFor();
    await page.getByRole('button', { name: t('sos.emergency') }).click();
    await page.waitForURL(/\/sos\/[\w-]+$/);
    await page.getByTestId('countdown').waitFor({ timeout: 15_000 });
    expectNoPageErrors(phone);
    await phone.context.close();
  });
});
