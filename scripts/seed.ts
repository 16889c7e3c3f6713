// `npm run seed`: writes the demo data into the running emulators. Idempotent: fixed ids, set() not add().
import { pathToFileURL } from 'node:url';
import { initializeApp, getApps } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { Timestamp, getFirestore } from 'firebase-admin/firestore';
import { paths, peoplePaths, reachPaths, shiftPaths } from '@sos/model';
import { DEMO_ACCOUNTS, DEMO_LOCATIONS, DEMO_OBJECTS, DEMO_PASSWORD, DEMO_SHIFTS, type DemoAccount } from './demo-data';
import { emulatorHosts } from './emulatorPorts.mjs';
import { seedHistory } from './seed-history';

export const PROJECT_ID = 'demo-sos';

/** Points the Admin SDK at the local emulators (ports moved by SOS_PORT_OFFSET) unless the environment already does. */
export function useEmulators(projectId = PROJECT_ID): void {
  const hosts = emulatorHosts();
  process.env.FIRESTORE_EMULATOR_HOST ??= hosts.firestore;
  process.env.FIREBASE_AUTH_EMULATOR_HOST ??= hosts.auth;
  process.env.GCLOUD_PROJECT ??= projectId;
  if (getApps().length === 0) initializeApp({ projectId });
}

async function upsertAccount(account: DemoAccount): Promise<void> {
  const auth = getAuth();
  const profile = { email: account.email, password: DEMO_PASSWORD, displayName: account.displayName, emailVerified: true };
  try {
    await auth.updateUser(account.uid, profile);
  } catch (error) {
    if ((error as { code?: string }).code !== 'auth/user-not-found') throw error;
    await auth.createUser({ uid: account.uid, ...profile });
  }
  await auth.setCustomUserClaims(account.uid, { role: account.role, locationIds: account.locationIds });
}

export async function seed(): Promise<void> {
  useEmulators();
  const db = getFirestore();
  const batch = db.batch();
  const accounts = Object.values(DEMO_ACCOUNTS) as DemoAccount[];
  for (const [locationId, location] of Object.entries(DEMO_LOCATIONS)) {
    // Escalation also pushes the location's admins.
    const admins = accounts.filter((a) => a.role === 'admin' && a.locationIds.includes(locationId)).map((a) => a.uid);
    batch.set(db.doc(paths.location(locationId)), { ...location, admins });
  }
  for (const { id, locationId, ...object } of DEMO_OBJECTS) {
    batch.set(db.doc(paths.object(locationId, id)), object);
    if (object.qrToken) batch.set(db.doc(paths.qrCode(object.qrToken)), { locationId, objectId: id, active: true });
  }
  for (const account of accounts) {
    batch.set(db.doc(paths.user(account.uid)), {
      displayName: account.displayName,
      phone: account.phone,
      locationIds: account.locationIds,
      homeLocationId: account.homeLocationId,
    });
    // The admins' "People" list; a fixed date keeps the seed idempotent.
    for (const locationId of account.locationIds) {
      batch.set(db.doc(peoplePaths.member(locationId, account.uid)), {
        name: account.displayName,
        phone: account.phone,
        role: account.role,
        joinedAt: Timestamp.fromMillis(Date.UTC(2026, 0, 1)),
      });
    }
    if (account.staff) {
      for (const locationId of account.locationIds) {
        batch.set(db.doc(paths.staffMember(locationId, account.uid)), {
          name: account.displayName,
          phone: account.phone,
          ...account.staff,
        });
      }
    }
    if (account.role === 'staff') {
      // One push device each (the emulated transport records its deliveries): the demo's staff are reachable whenever
      // they are on duty (by their switch or their shifts), so a demo request is not escalated at once as "nobody on duty".
      const seededAt = Timestamp.fromMillis(Date.UTC(2026, 0, 1));
      batch.set(db.doc(paths.device(account.uid, 'demo-device')), { token: `demo-${account.uid}`, createdAt: seededAt, lastSeenAt: seededAt });
    }
    for (const [contactId, { kind, address }] of Object.entries(account.contacts ?? {})) {
      const verifiedAt = Timestamp.fromMillis(Date.UTC(2026, 0, 1));
      batch.set(db.doc(reachPaths.contact(account.uid, contactId)), { kind, address, verified: true, verifiedAt, createdAt: verifiedAt });
    }
  }
  for (const { id, locationId, ...shift } of DEMO_SHIFTS) batch.set(db.doc(shiftPaths.shift(locationId, id)), shift);
  await Promise.all([batch.commit(), ...accounts.map(upsertAccount)]);
}

/** Writes a location's demo shifts back as seeded, for a test that cleared them. */
export async function restoreDemoShifts(locationId: string): Promise<void> {
  useEmulators();
  const db = getFirestore();
  await Promise.all(
    DEMO_SHIFTS.filter((shift) => shift.locationId === locationId).map(({ id, locationId: at, ...shift }) => db.doc(shiftPaths.shift(at, id)).set(shift)),
  );
}

// Run as a script (`npm run seed`, `npm start`): the demo data and its three months of statistics history; the test
// suites call seed() alone, so they write no history.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  seed()
    .then(() => seedHistory(getFirestore()))
    .then((history) => {
      console.log(
        'Demo data seeded: 2 locations, %d objects, %d accounts, %d shifts; statistics history: %d days, %d calls.',
        DEMO_OBJECTS.length,
        Object.keys(DEMO_ACCOUNTS).length,
        DEMO_SHIFTS.length,
        history.days,
        history.requests,
      );
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error('Seeding failed. Are the emulators running (npm start)?\n', error);
      process.exit(1);
    });
}
