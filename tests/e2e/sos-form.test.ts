// Issue: help at a known place — the SOS form: errors at the fields and nothing sent, then a valid request end to end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { paths, type SosRequest } from '@sos/model';
import { useEmulators } from '../../scripts/seed';
import { DEMO_PASSWORD } from '../../scripts/demo-data';
import { appUrl, expectNoPageErrors, launchBrowser, openPhone, screenshot, signIn, type PhonePage } from './browser';
import { t } from './messages';

// A resident of its own, so counting their requests is not disturbed by other tests.
const FORM_RESIDENT = { uid: 'e2e-form-resident', email: 'form-resident@e2e.test', name: 'Мария Формина' };

describe('SOS form', () => {
  let browser: Browser;
  let phone: PhonePage;

  const requestsOfResident = async () => (await getFirestore().collection(paths.sosRequests()).where('uid', '==', FORM_RESIDENT.uid).get()).docs;

  beforeAll(async () => {
    useEmulators();
    const auth = getAuth();
    await auth.deleteUser(FORM_RESIDENT.uid).catch(() => undefined);
    await auth.createUser({ uid: FORM_RESIDENT.uid, email: FORM_RESIDENT.email, password: DEMO_PASSWORD, displayName: FORM_RESIDENT.name });
    await auth.setCustomUserClaims(FORM_RESIDENT.uid, { role: 'resident', locationIds: ['demo-bc'] });
    await getFirestore()
      .doc(paths.user(FORM_RESIDENT.uid))
      .set({ displayName: FORM_RESIDENT.name, phone: '+79120000099', locationIds: ['demo-bc'], homeLocationId: 'demo-bc' });
    const old = await requestsOfResident();
    await Promise.all(old.map((document) => document.ref.delete()));
    browser = await launchBrowser();
    phone = await openPhone(browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the errors at the fields and sends nothing, then sends a valid request with its place on the plan', async () => {
    const { page } = phone;
    await signIn(page, FORM_RESIDENT.email, /\/$/);
    await page.goto(appUrl('/sos'));
    const place = page.getByLabel(t('sos.location'));
    const description = page.getByLabel(t('sos.describe'));
    const submit = page.getByRole('button', { name: t('sos.submit') });
    // The dropdown is filled from the location's selectable objects, labelled by path.
    await place.locator('option', { hasText: 'Корпус А / 2 этаж / Переговорная 204' }).waitFor({ state: 'attached' });
    await expect(place.locator('option').first().innerText()).resolves.toBe(t('sos.notSelected'));

    await submit.click();
    await expect(page.locator('#sos-object-error').innerText()).resolves.toBe(t('errors.required'));
    await expect(page.locator('#sos-description-error').innerText()).resolves.toBe(t('errors.required'));
    await expect(place.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(description.getAttribute('aria-invalid')).resolves.toBe('true');
    // Focus goes to the first invalid field.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('sos-object');
    await screenshot(page, 'form-01-required');

    // Blank text is no description; an over-long one is refused with the limit named.
    await place.selectOption({ label: 'Корпус А / 2 этаж / Переговорная 204' });
    await description.fill('   ');
    await submit.click();
    await expect(page.locator('#sos-description-error').innerText()).resolves.toBe(t('errors.required'));
    await expect(page.locator('#sos-object-error').count()).resolves.toBe(0);
    await description.fill('а'.repeat(1001));
    await expect(page.locator('#sos-description-counter').innerText()).resolves.toBe(t('sos.counter', { count: 1001, max: 1000 }));
    await submit.click();
    await expect(page.locator('#sos-description-error').innerText()).resolves.toBe(t('errors.too-long', { max: 1000 }));
    expect(new URL(page.url()).pathname).toBe('/sos');
    await screenshot(page, 'form-02-too-long');

    await description.fill('Человеку плохо, лежит у окна');
    await expect(page.locator('#sos-description-counter').innerText()).resolves.toBe(t('sos.counter', { count: 28, max: 1000 }));
    await submit.click();
    await page.waitForURL(/\/sos\/[\w-]+$/);
    const requestId = page.url().split('/').pop() ?? '';
    await page.getByTestId('countdown').waitFor({ timeout: 15_000 });
    const marker = page.getByTestId('plan-view').getByTestId('plan-marker');
    await marker.getByText('Переговорная 204').waitFor();
    await expect(marker.evaluate((node: HTMLElement) => [node.style.left, node.style.top])).resolves.toEqual(['20%', '25%']);
    await expect(page.getByTestId('plan-view').locator('img').getAttribute('src')).resolves.toBe('/plans/demo-bc-floor-2.svg');
    await screenshot(page, 'form-03-countdown-plan');

    // The three refused submits sent nothing: the resident has exactly this one request.
    const sent = await requestsOfResident();
    expect(sent.map((document) => document.id)).toEqual([requestId]);
    expect(sent[0]?.data() as SosRequest).toMatchObject({
      source: 'form',
      objectId: 'bc-a-2-204',
      description: 'Человеку плохо, лежит у окна',
      status: 'open',
      objectName: 'Переговорная 204',
    });
    expectNoPageErrors(phone);
  });
});
