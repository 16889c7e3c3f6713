// A fresh site per suite for the response loop: its own location, roster, admins and devices (Admin SDK),
// so pushes, throttles and escalation timers never mix with the demo data (the browser suite's) or other suites.
// Why unique ids and not a project id per suite (as tests/rules has): the Functions emulator registers its
// Firestore triggers and task queues for the project the emulators run under only (firebase-tools'
// functionsEmulator posts them to /emulator/v1/projects/demo-sos/…), so a suite on another project id
// would write requests that no trigger ever sees.
import { randomUUID } from 'node:crypto';
import { getAuth } from 'firebase-admin/auth';
import { Timestamp } from 'firebase-admin/firestore';
import type { Role, StaffMember } from '@sos/model';
import { peopleRefs, refs, db } from '../../functions/src/firestore';
import { UNREGISTERED_TEST_TOKEN_PREFIX } from '../../functions/src/push/emulatedTransport';

export const SITE_PASSWORD = 'sos-functions-1';

export interface Person {
  uid: string;
  email: string;
  name: string;
}

export interface ResponseSite {
  locationId: string;
  locationName: string;
  otherLocationId: string;
  resident: Person;
  tier1: Person;
  tier1OffDuty: Person;
  tier2: Person;
  admin: Person;
  otherStaff: Person;
}

async function account(person: Person, role: Role, locationIds: string[]): Promise<void> {
  await getAuth().createUser({ uid: person.uid, email: person.email, password: SITE_PASSWORD, displayName: person.name });
  await getAuth().setCustomUserClaims(person.uid, { role, locationIds });
}

async function device(uid: string, deviceId: string, token: string): Promise<void> {
  const now = Timestamp.now();
  await refs.device(uid, deviceId).set({ token, createdAt: now, lastSeenAt: now });
}

/**
 * tier1 (on duty) has a live device `ok` and a dead one `dead` (token prefix makes the emulated transport
 * answer "unregistered"); everyone else has one live device `d1`.
 */
export async function createResponseSite(ackSeconds: number, responseMinutes = 10): Promise<ResponseSite> {
  const prefix = `t${randomUUID().slice(0, 8)}`;
  const person = (role: string, name: string): Person => ({ uid: `${prefix}-${role}`, email: `${prefix}-${role}@functions.test`, name });
  const site: ResponseSite = {
    locationId: `${prefix}-site`,
    locationName: `Площадка ${prefix}`,
    otherLocationId: `${prefix}-other`,
    resident: person('resident', 'Жилец Тестовый'),
    tier1: person('tier1', 'Охранник Первый'),
    tier1OffDuty: person('tier1off', 'Охранник Свободный'),
    tier2: person('tier2', 'Инженер Второй'),
    admin: person('admin', 'Админ Площадки'),
    otherStaff: person('other', 'Охранник Соседний'),
  };
  const location = (name: string, admins: string[]) => ({
    name,
    staffPhone: '+73420000000',
    responseMinutes,
    ackSeconds,
    timezone: 'Asia/Yekaterinburg',
    admins,
  });
  const staffDoc = (p: Person, onDuty: boolean, tier: StaffMember['tier']): StaffMember => ({ name: p.name, phone: '+79000000000', onDuty, tier });

  const batch = db.batch();
  batch.set(refs.location(site.locationId), location(site.locationName, [site.admin.uid]));
  batch.set(refs.location(site.otherLocationId), location(`Соседи ${prefix}`, []));
  batch.set(refs.user(site.resident.uid), {
    displayName: site.resident.name,
    phone: '+79001112233',
    locationIds: [site.locationId],
    homeLocationId: site.locationId,
  });
  // Tier 1's profile (the same name as on the roster, which is the name a claim carries).
  batch.set(refs.user(site.tier1.uid), {
    displayName: site.tier1.name,
    phone: '+79000000000',
    locationIds: [site.locationId],
    homeLocationId: site.locationId,
  });
  // Membership documents as invitations write them (a new request reads the requester's).
  const member = (p: Person, phone: string, role: Role) => ({ name: p.name, phone, role, joinedAt: Timestamp.now() });
  batch.set(peopleRefs.member(site.locationId, site.resident.uid), member(site.resident, '+79001112233', 'resident'));
  batch.set(peopleRefs.member(site.locationId, site.tier1.uid), member(site.tier1, '+79000000000', 'staff'));
  batch.set(refs.staff(site.locationId).doc(site.tier1.uid), staffDoc(site.tier1, true, 1));
  batch.set(refs.staff(site.locationId).doc(site.tier1OffDuty.uid), staffDoc(site.tier1OffDuty, false, 1));
  batch.set(refs.staff(site.locationId).doc(site.tier2.uid), staffDoc(site.tier2, true, 2));
  batch.set(refs.staff(site.otherLocationId).doc(site.otherStaff.uid), staffDoc(site.otherStaff, true, 1));
  await batch.commit();

  await Promise.all([
    account(site.resident, 'resident', [site.locationId]),
    account(site.tier1, 'staff', [site.locationId]),
    account(site.admin, 'admin', [site.locationId]),
    device(site.tier1.uid, 'ok', `token-${site.tier1.uid}`),
    device(site.tier1.uid, 'dead', `${UNREGISTERED_TEST_TOKEN_PREFIX}${site.tier1.uid}`),
    ...[site.tier1OffDuty, site.tier2, site.admin, site.otherStaff, site.resident].map((p) => device(p.uid, 'd1', `token-${p.uid}`)),
  ]);
  return site;
}

/** Another resident of the site, with a profile and one live device `d1` (a request of their own is not throttled by the first resident's). */
export async function addResident(site: ResponseSite, role: string, name: string): Promise<Person> {
  const resident: Person = { uid: `${site.resident.uid}-${role}`, email: site.resident.email.replace('-resident@', `-resident-${role}@`), name };
  await refs.user(resident.uid).set({ displayName: name, phone: '+79001112244', locationIds: [site.locationId], homeLocationId: site.locationId });
  await Promise.all([account(resident, 'resident', [site.locationId]), device(resident.uid, 'd1', `token-${resident.uid}`)]);
  return resident;
}

/** `uid/deviceId → status` of a request's deliveries in one batch. */
export async function deliveriesOf(requestId: string, batch: string): Promise<Record<string, string>> {
  const snapshot = await refs.deliveries(requestId).where('batch', '==', batch).get();
  return Object.fromEntries(snapshot.docs.map((d) => [`${d.data().uid}/${d.data().deviceId}`, d.data().status]));
}

/** Ids and update times of a request's deliveries: equal before and after a replay means nothing changed. */
export async function deliveryFingerprint(requestId: string): Promise<string[]> {
  const snapshot = await refs.deliveries(requestId).get();
  return snapshot.docs.map((d) => `${d.id}@${d.updateTime.toMillis()}`).sort();
}
