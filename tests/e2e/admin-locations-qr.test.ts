// Issue: help at a known place — the admin's side: object tree, placing on the plan, QR codes, the print sheet; and
// (issue 19) a manager adds a second building and sets it up: its phone and times, a bad value refused at its field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { ACK_SECONDS, RESPONSE_MINUTES, paths, type Location, type LocationObject, type QrCode } from '@sos/model';
import { DEMO_PASSWORD } from '../../scripts/demo-data';
import { useEmulators } from '../../scripts/seed';
import { expectNoPageErrors, launchBrowser, openPhone, screenshot, signIn, type PhonePage } from './browser';
import { t } from './messages';

/** How long the emulator may take to have a write the screen already shows. */
const SERVER = { timeout: 10_000 };

describe('admin: locations and QR codes', () => {
  let browser: Browser;
  let admin: PhonePage;
  const name = `Серверная E2E ${Date.now().toString(36)}`;
  let objectId = '';

  const objectDoc = async () => (await getFirestore().doc(paths.object('demo-bc', objectId)).get()).data() as LocationObject;
  const codeDoc = async (token: string) => (await getFirestore().doc(paths.qrCode(token)).get()).data() as QrCode;

  beforeAll(async () => {
    useEmulators();
    browser = await launchBrowser();
    admin = await openPhone(browser);
    admin.page.on('dialog', (dialog) => void dialog.accept());
  });

  afterAll(async () => {
    // Keep the shared demo location as seeded: the test's object and its codes go.
    if (objectId) {
      const db = getFirestore();
      const codes = await db.collection(paths.qrCodes()).where('objectId', '==', objectId).get();
      await Promise.all([...codes.docs.map((code) => code.ref.delete()), db.doc(paths.object('demo-bc', objectId)).delete()]);
    }
    await browser?.close();
  });

  it('adds an object, places it on the plan, renames and moves it, then issues, reissues, revokes and prints its QR code', async () => {
    const { page } = admin;
    await signIn(page, 'admin@demo.test', /\/admin$/);
    await page.getByRole('link', { name: t('locations.tab') }).click();
    await page.waitForURL(/\/admin\/locations$/);
    await page.locator('[data-object-id="bc-a-1-cafe"]').getByText('Кафе').waitFor();

    // Add a room on the first floor.
    const form = page.getByTestId('add-object');
    await form.getByLabel(t('locations.name')).fill(name);
    await form.getByLabel(t('locations.kind')).selectOption('room');
    await form.getByLabel(t('locations.parent')).selectOption({ label: 'Корпус А / 1 этаж' });
    await form.getByRole('button', { name: t('locations.add') }).click();
    const row = page.getByTestId('object-row').filter({ hasText: name });
    await row.waitFor();
    objectId = (await row.getAttribute('data-object-id')) ?? '';
    expect(objectId).not.toBe('');
    await expect.poll(() => objectDoc(), SERVER).toMatchObject({ name, kind: 'room', parentId: 'bc-a-1', selectable: true, position: null, qrToken: null });

    // Place it by clicking the floor plan at 80 % × 70 %.
    await row.getByRole('button', { name: t('locations.place') }).click();
    const placing = page.getByTestId('placing');
    const frame = placing.locator('.plan-frame');
    await placing.locator('img').waitFor();
    await frame.scrollIntoViewIfNeeded();
    const box = await frame.boundingBox();
    if (!box) throw new Error('the plan is not drawn');
    await page.mouse.click(box.x + box.width * 0.8, box.y + box.height * 0.7);
    await row.getByText(t('locations.placed'), { exact: true }).waitFor();
    // The screen shows the local write at once; the server has it a moment later.
    await expect.poll(async () => (await objectDoc()).position?.x ?? -1, SERVER).toBeCloseTo(0.8, 2);
    await expect.poll(async () => (await objectDoc()).position?.y ?? -1, SERVER).toBeCloseTo(0.7, 2);
    const marker = placing.locator(`[data-marker-id="${objectId}"]`);
    await marker.getByText(name).waitFor();
    await expect(marker.evaluate((node: HTMLElement) => node.classList.contains('highlight'))).resolves.toBe(true);
    await expect(marker.evaluate((node: HTMLElement) => [Math.round(parseFloat(node.style.left)), Math.round(parseFloat(node.style.top))])).resolves.toEqual([
      80, 70,
    ]);
    await screenshot(page, 'admin-01-placed');

    // Rename and move to the second floor: the position was on the old plan, so it is cleared.
    await row.getByRole('button', { name: t('locations.edit') }).click();
    const editForm = page.getByTestId('object-row').filter({ has: page.getByTestId('edit-name') });
    await editForm.getByTestId('edit-name').fill(`${name} (2)`);
    await editForm.getByTestId('edit-parent').selectOption({ label: 'Корпус А / 2 этаж' });
    await editForm.getByRole('button', { name: t('locations.save') }).click();
    const renamed = page.locator(`[data-object-id="${objectId}"]`);
    await renamed.getByText(`${name} (2)`).waitFor();
    await renamed.getByText(t('locations.notPlaced'), { exact: true }).waitFor();
    await expect.poll(() => objectDoc(), SERVER).toMatchObject({ name: `${name} (2)`, parentId: 'bc-a-2', position: null });

    // QR codes: issue, reissue (old one stops working), revoke, issue again.
    await page.getByRole('link', { name: t('qr.tab') }).click();
    await page.waitForURL(/\/admin\/qr$/);
    const qrRow = page.locator(`[data-testid="qr-row"][data-object-id="${objectId}"]`);
    await qrRow.getByRole('button', { name: t('qr.issue') }).click();
    const tokenCell = qrRow.getByTestId('qr-token');
    await tokenCell.waitFor();
    const first = await tokenCell.innerText();
    expect(first).toMatch(/^[A-Za-z0-9_-]{24}$/);
    await qrRow.getByTestId('qr-image').waitFor();
    await expect.poll(() => objectDoc(), SERVER).toMatchObject({ qrToken: first });
    // The admin writes exactly these three fields; functions then add the code's public place (what its screen shows).
    await expect
      .poll(() => codeDoc(first), { timeout: 30_000 })
      .toMatchObject({ locationId: 'demo-bc', objectId, active: true, place: { objectName: `${name} (2)`, parentName: '2 этаж' } });
    expect(Object.keys((await codeDoc(first)) ?? {}).sort()).toEqual(['active', 'locationId', 'objectId', 'place']);

    await qrRow.getByRole('button', { name: t('qr.reissue') }).click();
    await expect.poll(() => tokenCell.innerText(), SERVER).not.toBe(first);
    const second = await tokenCell.innerText();
    await expect.poll(() => codeDoc(first), SERVER).toMatchObject({ active: false });
    await expect.poll(() => codeDoc(second), SERVER).toMatchObject({ active: true, objectId });

    await qrRow.getByRole('button', { name: t('qr.revoke') }).click();
    await qrRow.getByText(t('qr.none')).waitFor();
    await expect.poll(() => objectDoc(), SERVER).toMatchObject({ qrToken: null });
    await expect.poll(() => codeDoc(second), SERVER).toMatchObject({ active: false });
    await qrRow.getByRole('button', { name: t('qr.issue') }).click();
    await tokenCell.waitFor();
    const third = await tokenCell.innerText();
    await screenshot(page, 'admin-02-qr-codes');

    // The print sheet: one label per working code, printed without the app's chrome.
    await page.getByTestId('print-sheet').click();
    await page.waitForURL(/\/admin\/qr\/print$/);
    const label = page.getByTestId('qr-label').filter({ hasText: `${name} (2)` });
    await label.getByText(t('qr.labelCall')).waitFor();
    await label.getByTestId('qr-image').waitFor();
    await expect(label.getByTestId('qr-image').getAttribute('alt')).resolves.toBe(t('qr.imageAlt', { name: `${name} (2)` }));
    await expect(page.getByTestId('qr-label').count()).resolves.toBeGreaterThanOrEqual(2);
    await page.evaluate(() => {
      window.printed = 0;
      window.print = () => void window.printed++;
    });
    await page.getByTestId('print').click();
    await expect(page.evaluate(() => window.printed)).resolves.toBe(1);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.app-header').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('print').isVisible()).resolves.toBe(false);
    await expect(label.isVisible()).resolves.toBe(true);
    await screenshot(page, 'admin-03-print-sheet');
    await page.emulateMedia({ media: 'screen' });
    await expect.poll(() => codeDoc(third), SERVER).toMatchObject({ active: true });
    expectNoPageErrors(admin);
  });
});

describe('admin: a second building', () => {
  let browser: Browser;
  let manager: PhonePage;
  // An admin of the demo building of their own, so the shared demo admin's claims stay as seeded.
  const run = Date.now().toString(36);
  const uid = `e2e-manager-${run}`;
  const email = `${uid}@demo.test`;
  const name = `Корпус E2E ${run}`;
  const db = () => getFirestore();
  const created = async () => (await db().collection(paths.locations()).where('createdBy', '==', uid).get()).docs;
  const createdData = async () => (await created()).map((snapshot) => snapshot.data() as Location);

  beforeAll(async () => {
    useEmulators();
    await getAuth().createUser({ uid, email, password: DEMO_PASSWORD, displayName: 'Марина Управляющая', emailVerified: true });
    await getAuth().setCustomUserClaims(uid, { role: 'admin', locationIds: ['demo-bc'] });
    await db()
      .doc(paths.user(uid))
      .set({ displayName: 'Марина Управляющая', phone: '+79120000044', locationIds: ['demo-bc'], homeLocationId: 'demo-bc' });
    browser = await launchBrowser();
    // The narrowest phone the app is made for.
    manager = await openPhone(browser, { viewport: { width: 360, height: 780 } });
  });

  afterAll(async () => {
    // The building (with its roster and membership), then the account: nothing of this test stays in the demo data.
    await Promise.all((await created()).map((snapshot) => db().recursiveDelete(snapshot.ref)));
    await Promise.all([
      db().doc(paths.user(uid)).delete(),
      getAuth()
        .deleteUser(uid)
        .catch(() => undefined),
    ]);
    await browser?.close();
  });

  it('adds a building, a bad value first refused at its field; sets its phone and times; every picker lists it', async () => {
    const { page } = manager;
    await signIn(page, email, /\/admin$/);
    await page.getByRole('link', { name: t('locations.tab') }).click();
    await page.waitForURL(/\/admin\/locations$/);
    const settings = page.getByTestId('location-settings');
    await expect.poll(() => settings.getByLabel(t('locations.settings.name')).inputValue()).toBe('Бизнес-центр «Демо»');

    // «Добавить здание» with an arrival time out of bounds: the message is under that field, focus is on it, nothing is made.
    const add = page.getByTestId('add-building');
    await add.locator('summary', { hasText: t('locations.addBuilding.open') }).click();
    await add.getByLabel(t('locations.settings.name')).fill(name);
    await add.getByLabel(t('locations.settings.staffPhone')).fill('+7 342 258-00-79');
    await add.getByLabel(t('locations.settings.responseMinutes')).fill(String(RESPONSE_MINUTES.max + 1));
    await add.getByLabel(t('locations.settings.timezone')).fill('Europe/Moscow');
    await add.getByRole('button', { name: t('locations.addBuilding.submit') }).click();
    const responseField = add.getByLabel(t('locations.settings.responseMinutes'));
    await expect.poll(() => responseField.getAttribute('aria-invalid')).toBe('true');
    const responseError = page.locator('#new-location-responseMinutes-error');
    await expect(responseError.innerText()).resolves.toBe(t('locations.settings.errors.out-of-range', { ...RESPONSE_MINUTES }));
    await expect(responseField.getAttribute('aria-describedby')).resolves.toContain('new-location-responseMinutes-error');
    await expect(responseField.evaluate((node) => node === document.activeElement)).resolves.toBe(true);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
    await screenshot(page, 'admin-04-add-building-refused');
    expect(await created()).toHaveLength(0);

    await responseField.fill('15');
    await add.getByRole('button', { name: t('locations.addBuilding.submit') }).click();
    await page.getByTestId('add-building-message').getByText(t('locations.addBuilding.created', { name })).waitFor();
    await expect
      .poll(createdData)
      .toEqual([{ name, staffPhone: '+73422580079', responseMinutes: 15, ackSeconds: 60, timezone: 'Europe/Moscow', admins: [uid], createdBy: uid }]);
    // The new claims are in: the picker offers both buildings, with the new one chosen.
    const picker = page.getByLabel(t('adminFilters.location'));
    await expect.poll(() => picker.locator('option:checked').innerText()).toBe(name);

    // Its settings: a claim time under the bound is refused next to its field and saves nothing; then phone and times are saved.
    await expect.poll(() => settings.getByLabel(t('locations.settings.name')).inputValue()).toBe(name);
    await settings.getByLabel(t('locations.settings.ackSeconds')).fill(String(ACK_SECONDS.min - 1));
    await settings.getByRole('button', { name: t('locations.settings.save') }).click();
    await page
      .locator('#location-settings-ackSeconds-error')
      .getByText(t('locations.settings.errors.out-of-range', { ...ACK_SECONDS }))
      .waitFor();
    expect((await createdData())[0]?.ackSeconds).toBe(60);
    await settings.getByLabel(t('locations.settings.staffPhone')).fill('+7 (342) 258-00-80');
    await settings.getByLabel(t('locations.settings.responseMinutes')).fill('20');
    await settings.getByLabel(t('locations.settings.ackSeconds')).fill('45');
    await settings.getByRole('button', { name: t('locations.settings.save') }).click();
    await page.getByTestId('location-settings-message').getByText(t('locations.settings.saved')).waitFor();
    await expect.poll(createdData).toMatchObject([{ staffPhone: '+73422580080', responseMinutes: 20, ackSeconds: 45 }]);
    await expect(page.locator('#location-settings-ackSeconds-error').count()).resolves.toBe(0);
    await screenshot(page, 'admin-05-building-settings');

    // People follows the claims too.
    await page.getByRole('link', { name: t('people.tab') }).click();
    await page.waitForURL(/\/admin\/people$/);
    await expect.poll(() => page.getByLabel(t('adminFilters.location')).locator('option').allInnerTexts()).toContain(name);
    expectNoPageErrors(manager);
  });
});
