// createLocation against the emulators, called as the web app calls it: an admin adds a building and becomes its
// admin (claims, profile, roster, membership, the location), a retry makes nothing new, and everyone else and bad
// input are refused with a reason (and the field at fault).
import './setup';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAuth as getAdminAuth } from 'firebase-admin/auth';
import { deleteApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInAnonymously, signInWithEmailAndPassword, type Auth } from 'firebase/auth';
import { connectFirestoreEmulator, doc, getFirestore, updateDoc, type Firestore } from 'firebase/firestore';
import { connectFunctionsEmulator, getFunctions, httpsCallable, type Functions } from 'firebase/functions';
import { paths, type CreateLocationResult, type Role } from '@sos/model';
import { peopleRefs, refs } from '../../functions/src/firestore';
import { newLocationId } from '../../functions/src/locations/decisions';
import { EMULATOR_HOSTS, hostAndPort } from '../helpers/emulators';
import { emulatorClientApp } from './clients';

const PASSWORD = 'sos-locations-1';
const apps: FirebaseApp[] = [];

interface Caller {
  uid: string;
  auth: Auth;
  db: Firestore;
  call<T = unknown>(data: unknown): Promise<T>;
}

function client(): { auth: Auth; db: Firestore; functions: Functions } {
  const app = emulatorClientApp('locations');
  apps.push(app);
  const auth = getAuth(app);
  connectAuthEmulator(auth, `http://${EMULATOR_HOSTS.auth}`, { disableWarnings: true });
  const db = getFirestore(app);
  const firestore = hostAndPort(EMULATOR_HOSTS.firestore);
  connectFirestoreEmulator(db, firestore.host, firestore.port);
  const functions = getFunctions(app, 'us-central1');
  const { host, port } = hostAndPort(EMULATOR_HOSTS.functions);
  connectFunctionsEmulator(functions, host, port);
  return { auth, db, functions };
}

function caller({ auth, db, functions }: ReturnType<typeof client>): Caller {
  const createLocation = httpsCallable(functions, 'createLocation');
  return { uid: auth.currentUser?.uid ?? '', auth, db, call: async <T>(data: unknown) => (await createLocation(data)).data as T };
}

/** A real Auth account with a profile and claims, signed in on its own client. */
async function person(name: string, claims: { role: Role; locationIds: string[] }): Promise<Caller> {
  const uid = `loc-${randomUUID()}`;
  await getAdminAuth().createUser({ uid, email: `${uid}@locations.test`, password: PASSWORD, displayName: name });
  await getAdminAuth().setCustomUserClaims(uid, claims);
  await peopleRefs
    .profile(uid)
    .set({ displayName: name, phone: '+79120000321', locationIds: claims.locationIds, homeLocationId: claims.locationIds[0] ?? null });
  const session = client();
  await signInWithEmailAndPassword(session.auth, `${uid}@locations.test`, PASSWORD);
  return caller(session);
}

/** The error code, the reason and the field of a refused call. */
async function refusal(promise: Promise<unknown>): Promise<{ code: string; reason?: string; field?: string; problem?: string }> {
  try {
    await promise;
  } catch (error) {
    const raw = error as { code?: string; details?: { reason?: string; field?: string; problem?: string } };
    return { code: (raw.code ?? '').replace(/^functions\//, ''), ...raw.details };
  }
  throw new Error('the call succeeded');
}

const settings = { name: 'Корпус Б', staffPhone: '+7 342 258-00-79', responseMinutes: 15, ackSeconds: 90, timezone: 'Asia/Yekaterinburg' };
const newRequestId = () => `r-${randomUUID()}`;

let home: string;
let admin: Caller;
beforeAll(async () => {
  home = `loc-home-${randomUUID()}`;
  await refs
    .location(home)
    .set({ name: 'Корпус А', staffPhone: '+73422580078', responseMinutes: 10, ackSeconds: 60, timezone: 'Asia/Yekaterinburg', admins: [] });
  admin = await person('Ольга Админова', { role: 'admin', locationIds: [home] });
  await refs.location(home).update({ admins: [admin.uid] });
}, 30_000);
afterAll(async () => {
  await Promise.all(apps.map((app) => deleteApp(app)));
});

describe('createLocation', () => {
  it('the admin creates a building and becomes its admin: claims, profile, roster, membership, the location', async () => {
    const requestId = newRequestId();
    const { locationId } = await admin.call<CreateLocationResult>({ requestId, settings });
    expect(locationId).toBe(newLocationId(admin.uid, requestId));

    expect((await refs.location(locationId).get()).data()).toEqual({
      ...settings,
      staffPhone: '+73422580079',
      admins: [admin.uid],
      createdBy: admin.uid,
    });
    expect((await getAdminAuth().getUser(admin.uid)).customClaims).toEqual({ role: 'admin', locationIds: [home, locationId] });
    expect((await peopleRefs.profile(admin.uid).get()).data()).toMatchObject({ locationIds: [home, locationId], homeLocationId: home });
    expect((await refs.staffMember(locationId, admin.uid).get()).data()).toEqual({ name: 'Ольга Админова', phone: '+79120000321', onDuty: false, tier: 1 });
    expect((await peopleRefs.member(locationId, admin.uid).get()).data()).toMatchObject({ name: 'Ольга Админова', role: 'admin', locale: 'ru' });

    // With a fresh token the rules let them change the new building's settings.
    await admin.auth.currentUser?.getIdToken(true);
    await updateDoc(doc(admin.db, paths.location(locationId)), { responseMinutes: 20 });
    expect((await refs.location(locationId).get()).get('responseMinutes')).toBe(20);

    // The same request again (a retry after a lost answer) makes nothing new; one whose claims write failed gets them.
    await getAdminAuth().setCustomUserClaims(admin.uid, { role: 'admin', locationIds: [home] });
    await expect(admin.call({ requestId, settings: { ...settings, name: 'Корпус Б, ещё раз' } })).resolves.toEqual({ locationId });
    expect((await refs.location(locationId).get()).get('name')).toBe('Корпус Б');
    expect((await getAdminAuth().getUser(admin.uid)).customClaims).toEqual({ role: 'admin', locationIds: [home, locationId] });
  });

  it.each([
    ['a resident', 'resident'],
    ['a staff member', 'staff'],
  ] as const)('%s is refused and nothing is made', async (_label, role) => {
    const someone = await person('Иван Петров', { role, locationIds: [home] });
    const requestId = newRequestId();
    expect(await refusal(someone.call({ requestId, settings }))).toEqual({ code: 'permission-denied', reason: 'not-admin' });
    expect((await refs.location(newLocationId(someone.uid, requestId)).get()).exists).toBe(false);
  });

  it('a visitor at a QR code and a signed-out caller are refused', async () => {
    const visitorSession = client();
    await signInAnonymously(visitorSession.auth);
    expect(await refusal(caller(visitorSession).call({ requestId: newRequestId(), settings }))).toMatchObject({ code: 'unauthenticated' });
    expect(await refusal(caller(client()).call({ requestId: newRequestId(), settings }))).toMatchObject({ code: 'unauthenticated' });
  });

  it.each([
    ['a response time over 240 minutes', { responseMinutes: 500 }, 'responseMinutes', 'out-of-range'],
    ['an escalation timer under 10 s', { ackSeconds: 5 }, 'ackSeconds', 'out-of-range'],
    ['an unknown time zone', { timezone: 'Europe/Atlantis' }, 'timezone', 'unknown-time-zone'],
    ['a phone that is not a phone', { staffPhone: 'позвонить' }, 'staffPhone', 'invalid-phone'],
    ['no name', { name: '  ' }, 'name', 'required'],
  ])('bad input is refused with its field: %s', async (_label, change, field, problem) => {
    const requestId = newRequestId();
    expect(await refusal(admin.call({ requestId, settings: { ...settings, ...change } }))).toEqual({
      code: 'invalid-argument',
      reason: 'invalid-settings',
      field,
      problem,
    });
    expect((await refs.location(newLocationId(admin.uid, requestId)).get()).exists).toBe(false);
  });

  it('a call without a request id is refused', async () => {
    expect(await refusal(admin.call({ settings }))).toEqual({ code: 'invalid-argument', reason: 'invalid-request' });
  });
});
