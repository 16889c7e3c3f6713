// Issue 19, floor plans: the admin uploads a floor's plan (a PDF is refused beside the field), places a room on it and
// issues the room's QR code; a visitor at that code sees the uploaded plan, drawn by the first-paint shell and by the app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { getFirestore } from 'firebase-admin/firestore';
import { MAX_PLAN_SIDE, paths, planPaths, uploadedPlanOf, type LocationObject, type PlanDocument } from '@sos/model';
import { useEmulators } from '../../scripts/seed';
import { appUrl, expectNoPageErrors, launchBrowser, openPhone, screenshot, signIn, type PhonePage } from './browser';
import { messageShape, t } from './messages';

/** How long the emulator may take to have a write the screen already shows, or functions to follow it. */
const SERVER = { timeout: 30_000 };
const LOCATION = 'demo-bc';
const suffix = Date.now().toString(36);
const FLOOR = `e2e-plan-floor-${suffix}`;
const ROOM = `e2e-plan-room-${suffix}`;
const PLAN_SIZE = { width: 320, height: 200 };

describe('floor plans: upload, place, scan', () => {
  let browser: Browser;
  let admin: PhonePage;
  let visitor: PhonePage;

  const objectDoc = async (objectId: string) => (await getFirestore().doc(paths.object(LOCATION, objectId)).get()).data() as LocationObject;
  const planDoc = async () => (await getFirestore().doc(planPaths.plan(LOCATION, FLOOR)).get()).data() as PlanDocument | undefined;

  beforeAll(async () => {
    useEmulators();
    const db = getFirestore();
    await Promise.all([
      db
        .doc(paths.object(LOCATION, FLOOR))
        .set({ name: `Этаж E2E ${suffix}`, kind: 'floor', parentId: 'bc-a', plan: null, position: null, qrToken: null, selectable: false }),
      db
        .doc(paths.object(LOCATION, ROOM))
        .set({ name: 'Кладовая E2E', kind: 'room', parentId: FLOOR, plan: null, position: null, qrToken: null, selectable: false }),
    ]);
    browser = await launchBrowser();
    admin = await openPhone(browser);
    // A first visit at the wall: nothing cached, no account.
    visitor = await openPhone(browser);
  });

  afterAll(async () => {
    // Keep the shared demo location as seeded: the test's objects, their plan and codes go.
    const db = getFirestore();
    const codes = await db.collection(paths.qrCodes()).where('objectId', '==', ROOM).get();
    await Promise.all([
      ...codes.docs.map((code) => code.ref.delete()),
      db.doc(planPaths.plan(LOCATION, FLOOR)).delete(),
      db.doc(paths.object(LOCATION, ROOM)).delete(),
      db.doc(paths.object(LOCATION, FLOOR)).delete(),
    ]);
    await browser?.close();
  });

  it('the admin uploads a PNG plan on a floor and places a room on it; a visitor at the room’s code sees that plan', async () => {
    const { page } = admin;
    await signIn(page, 'admin@demo.test', /\/admin$/);
    await page.getByRole('link', { name: t('locations.tab') }).click();
    const floorRow = page.locator(`[data-object-id="${FLOOR}"]`);
    await floorRow.getByRole('button', { name: t('locations.plans.upload') }).click();
    const panel = page.getByTestId('plan-upload');
    const file = panel.getByLabel(t('locations.plans.file'));

    const problem = panel.locator('.field-error');

    // A PDF, and an SVG with a script: the message beside the field, nothing to save.
    await file.setInputFiles({ name: 'plan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n') });
    await problem.getByText(t('locations.plans.problems.pdf')).waitFor();
    await expect(file.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(panel.getByTestId('plan-save').isDisabled()).resolves.toBe(true);
    const scripted = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>parent.alert(1)</script><rect width="10" height="10"/></svg>';
    await file.setInputFiles({ name: 'plan.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(scripted) });
    await problem.getByText(t('locations.plans.problems.unsafe-svg', { side: MAX_PLAN_SIDE })).waitFor();

    // PNGs drawn in the page: a floor with two rooms. One too wide is scaled down to the longest side before any upload.
    const drawPng = (size: { width: number; height: number }) =>
      page.evaluate(({ width, height }) => {
        const canvas = document.createElement('canvas');
        Object.assign(canvas, { width, height });
        const context = canvas.getContext('2d');
        if (!context) throw new Error('no 2d canvas');
        context.fillStyle = '#fff';
        context.fillRect(0, 0, width, height);
        context.strokeStyle = '#111827';
        context.lineWidth = 4;
        context.strokeRect(10, 10, width / 2 - 15, height - 20);
        context.strokeRect(width / 2 + 5, 10, width / 2 - 15, height - 20);
        return canvas.toDataURL('image/png').split(',')[1] ?? '';
      }, size);
    await file.setInputFiles({ name: 'wide.png', mimeType: 'image/png', buffer: Buffer.from(await drawPng({ width: 4096, height: 1024 }), 'base64') });
    await panel
      .getByTestId('plan-status')
      .getByText(new RegExp(messageShape(t, 'locations.plans.ready', { width: MAX_PLAN_SIDE, height: 512 })))
      .waitFor();
    await expect(problem.count()).resolves.toBe(0);
    await file.setInputFiles({ name: 'floor.png', mimeType: 'image/png', buffer: Buffer.from(await drawPng(PLAN_SIZE), 'base64') });
    await panel
      .getByTestId('plan-status')
      .getByText(new RegExp(messageShape(t, 'locations.plans.ready', PLAN_SIZE)))
      .waitFor();
    await panel.getByTestId('plan-save').click();
    await panel.getByTestId('plan-status').getByText(t('locations.plans.saved')).waitFor();
    await expect.poll(async () => (await objectDoc(FLOOR)).plan, SERVER).toEqual(uploadedPlanOf(LOCATION, FLOOR, PLAN_SIZE));
    expect(await planDoc()).toMatchObject({ contentType: 'image/png', ...PLAN_SIZE });
    await floorRow.getByRole('button', { name: t('locations.plans.replace') }).waitFor();
    await screenshot(page, 'plans-01-uploaded');

    // Place the room at 30 % × 40 % of the new plan.
    await page
      .locator(`[data-object-id="${ROOM}"]`)
      .getByRole('button', { name: t('locations.place') })
      .click();
    const placing = page.getByTestId('placing');
    const placingImage = placing.locator('img.plan-image');
    await expect
      .poll(() => placingImage.evaluate((image: HTMLImageElement) => image.src.startsWith('blob:') && image.complete && image.naturalWidth))
      .toBe(PLAN_SIZE.width);
    const frame = placing.locator('.plan-frame');
    await frame.scrollIntoViewIfNeeded();
    const box = await frame.boundingBox();
    if (!box) throw new Error('the plan is not drawn');
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.4);
    await expect.poll(async () => (await objectDoc(ROOM)).position?.x ?? -1, SERVER).toBeCloseTo(0.3, 2);

    // Its QR code.
    await page.getByRole('link', { name: t('qr.tab') }).click();
    const qrRow = page.locator(`[data-testid="qr-row"][data-object-id="${ROOM}"]`);
    await qrRow.getByRole('button', { name: t('qr.issue') }).click();
    await qrRow.getByTestId('qr-image').waitFor();
    const token = await qrRow.getByTestId('qr-token').innerText();
    await screenshot(page, 'plans-02-code');
    expectNoPageErrors(admin);

    // The visitor's first paint, the app's scripts held back: the shell reads the plan over REST and draws it.
    const wall = visitor.page;
    await expect.poll(async () => (await planDoc())?.public, SERVER).toBe(true);
    await visitor.context.route('**/assets/*.js', (route) => route.abort());
    await wall.goto(appUrl(`/q/${token}`));
    const shellPlan = wall.getByTestId('shell-plan').getByRole('img');
    await expect
      .poll(
        () => shellPlan.evaluate((image: HTMLImageElement) => image.src.startsWith('data:image/png;base64,') && image.complete && image.naturalWidth),
        SERVER,
      )
      .toBe(PLAN_SIZE.width);

    // The app itself: signed in anonymously, it draws the same plan from the plan's document, with the room marked.
    await visitor.context.unroute('**/assets/*.js');
    await wall.reload();
    const plan = wall.getByTestId('qr-plan').getByTestId('plan-view');
    await expect
      .poll(() => plan.locator('img').evaluate((image: HTMLImageElement) => image.src.startsWith('blob:') && image.complete && image.naturalWidth), SERVER)
      .toBe(PLAN_SIZE.width);
    const marker = plan.getByTestId('plan-marker');
    await expect(marker.innerText()).resolves.toBe('Кладовая E2E');
    await expect(marker.evaluate((node: HTMLElement) => [Math.round(parseFloat(node.style.left)), Math.round(parseFloat(node.style.top))])).resolves.toEqual([
      30, 40,
    ]);
    await screenshot(wall, 'plans-03-visitor');
    // The routed scripts failed to load on purpose while the shell was alone; nothing else failed.
    expect(visitor.pageErrors.filter((error) => !/Failed to fetch dynamically imported module|Importing a module script failed/.test(error.message))).toEqual(
      [],
    );
  });
});
