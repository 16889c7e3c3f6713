// Issue 13 "Scale of one admin": someone serving 12 locations (12 × 4 active statuses = 48
// disjunctions, past Firestore's 30 per query) sees the requests of all of them live on /admin and /staff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { getAuth } from 'firebase-admin/auth';
import { FieldValue, getFirestore } from 'firebase-admin/firestore';
import { paths, type SosRequest } from '@sos/model';
import { DEMO_LOCATIONS, DEMO_PASSWORD } from '../../scripts/demo-data';
import { useEmulators } from '../../scripts/seed';
import { expectNoPageErrors, launchBrowser, openPhone, screenshot, signIn, type PhonePage } from './browser';
import { t } from './messages';

const LOCATION_COUNT = 12;
const run = Date.now().toString(36);
const locationIds = Array.from({ length: LOCATION_COUNT }, (_, index) => `scale-${run}-${String(index + 1).padStart(2, '0')}`);
const adminUid = `scale-admin-${run}`;
const adminEmail = `scale-admin-${run}@demo.test`;
const residentUid = `scale-resident-${run}`;
/** Two digits, so no name is part of another ("Площадка 1" would be inside "Площадка 10"). */
const placeName = (index: number) => `Площадка ${String(index + 1).padStart(2, '0')}`;

async function seedManyLocations(): Promise<void> {
  const db = getFirestore();
  const batch = db.batch();
  locationIds.forEach((locationId, index) => {
    batch.set(db.doc(paths.location(locationId)), { ...DEMO_LOCATIONS['demo-bc'], name: placeName(index), admins: [adminUid] });
  });
  batch.set(db.doc(paths.user(adminUid)), { displayName: 'Админ двенадцати', phone: '+79120000012', locationIds, homeLocationId: locationIds[0] });
  batch.set(db.doc(paths.user(residentUid)), { displayName: 'Житель всех', phone: '+79120000013', locationIds, homeLocationId: locationIds[0] });
  await batch.commit();
  const auth = getAuth();
  await auth.createUser({ uid: adminUid, email: adminEmail, password: DEMO_PASSWORD, displayName: 'Админ двенадцати', emailVerified: true });
  await auth.setCustomUserClaims(adminUid, { role: 'admin', locationIds });
  await auth.createUser({ uid: residentUid, email: `scale-resident-${run}@demo.test`, password: DEMO_PASSWORD });
  await auth.setCustomUserClaims(residentUid, { role: 'resident', locationIds });
}

/** One emergency request per location, written as the resident's phone would (the trigger opens it). */
async function createRequestInEach(): Promise<string[]> {
  const db = getFirestore();
  return Promise.all(
    locationIds.map(async (locationId) => {
      const reference = db.collection(paths.sosRequests()).doc();
      await reference.set({
        uid: residentUid,
        locationId,
        objectId: null,
        source: 'emergency',
        description: null,
        repeatOf: null,
        status: 'new',
        createdAt: FieldValue.serverTimestamp(),
      });
      return reference.id;
    }),
  );
}

const shownIds = (phone: PhonePage, selector: string) =>
  phone.page.locator(selector).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-request-id') ?? ''));

describe('one admin serving 12 locations', () => {
  let browser: Browser;
  let admin: PhonePage;
  let staff: PhonePage;

  beforeAll(async () => {
    useEmulators();
    await seedManyLocations();
    browser = await launchBrowser();
    [admin, staff] = await Promise.all([openPhone(browser), openPhone(browser)]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('sees a new request of every location live on /admin and /staff', { timeout: 120_000 }, async () => {
    await signIn(admin.page, adminEmail, /\/admin$/);
    await admin.page.getByRole('heading', { name: t('admin.title') }).waitFor();
    await signIn(staff.page, adminEmail, /\/admin$/);
    await staff.page.goto(staff.page.url().replace(/\/admin$/, '/staff'));
    await staff.page.getByRole('heading', { name: t('staff.title') }).waitFor();
    // Both screens are open before the requests exist: they must arrive through the listeners.
    await admin.page.getByText(t('admin.empty')).waitFor();

    const requestIds = await createRequestInEach();
    const db = getFirestore();
    // 12 creates at once go through the create trigger one by one on a busy emulator: allow for it.
    await expect
      .poll(
        async () => {
          const snapshots = await Promise.all(requestIds.map((id) => db.doc(paths.sosRequest(id)).get()));
          return snapshots.map((snapshot) => (snapshot.data() as SosRequest | undefined)?.status);
        },
        { timeout: 45_000 },
      )
      .toEqual(requestIds.map(() => 'open'));

    await expect.poll(async () => (await shownIds(admin, '[data-testid="admin-request"]')).sort()).toEqual([...requestIds].sort());
    await expect.poll(async () => (await shownIds(staff, '[data-testid="staff-request"]')).sort()).toEqual([...requestIds].sort());
    // Every location's name shows, so each row came with its own location.
    const adminText = await admin.page.getByTestId('admin-requests').innerText();
    for (let index = 0; index < LOCATION_COUNT; index += 1) expect(adminText).toContain(placeName(index));
    await screenshot(admin.page, 'scale-01-admin-12-locations');
    await screenshot(staff.page, 'scale-02-staff-12-locations');
    expectNoPageErrors(admin);
    expectNoPageErrors(staff);
  });
});
