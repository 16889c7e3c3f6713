// The people callables against the emulators, called as the web app calls them (web SDK httpsCallable,
// real Auth emulator users): every callable's happy path, each error code, replays and the last admin.
import './setup';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAuth as getAdminAuth } from 'firebase-admin/auth';
import { Timestamp } from 'firebase-admin/firestore';
import { deleteApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInAnonymously, signInWithEmailAndPassword, type Auth } from 'firebase/auth';
import { connectFunctionsEmulator, getFunctions, httpsCallable, type Functions } from 'firebase/functions';
import type { Role } from '@sos/model';
import { peopleRefs, refs } from '../../functions/src/firestore';
import { EMULATOR_HOSTS, hostAndPort } from '../helpers/emulators';
import { emulatorClientApp, failure } from './clients';

const PASSWORD = 'sos-people-1';
const apps: FirebaseApp[] = [];

interface Caller {
  uid: string;
  auth: Auth;
  call<T = unknown>(name: string, data: unknown): Promise<T>;
}

function clientApp(): { auth: Auth; functions: Functions } {
  const app = emulatorClientApp('people');
  apps.push(app);
  const auth = getAuth(app);
  connectAuthEmulator(auth, `http://${EMULATOR_HOSTS.auth}`, { disableWarnings: true });
  const functions = getFunctions(app, 'us-central1');
  const { host, port } = hostAndPort(EMULATOR_HOSTS.functions);
  connectFunctionsEmulator(functions, host, port);
  return { auth, functions };
}

function caller(auth: Auth, functions: Functions): Caller {
  return {
    uid: auth.currentUser?.uid ?? '',
    auth,
    call: async <T>(name: string, data: unknown) => (await httpsCallable<unknown, T>(functions, name)(data)).data,
  };
}

/** A real Auth emulator account with a profile, optionally with claims, signed in on its own client. */
async function person(name: string, claims?: { role: Role; locationIds: string[] }): Promise<Caller> {
  const uid = `p-${randomUUID()}`;
  await getAdminAuth().createUser({ uid, email: `${uid}@people.test`, password: PASSWORD, displayName: name });
  if (claims) await getAdminAuth().setCustomUserClaims(uid, claims);
  await peopleRefs.profile(uid).set({
    displayName: name,
    phone: '+79120000123',
    locationIds: claims?.locationIds ?? [],
    homeLocationId: claims?.locationIds[0] ?? null,
  });
  const { auth, functions } = clientApp();
  await signInWithEmailAndPassword(auth, `${uid}@people.test`, PASSWORD);
  return caller(auth, functions);
}

async function anonymousVisitor(): Promise<Caller> {
  const { auth, functions } = clientApp();
  await signInAnonymously(auth);
  return caller(auth, functions);
}

function signedOut(): Caller {
  const { auth, functions } = clientApp();
  return caller(auth, functions);
}

async function claimsOf(uid: string) {
  return (await getAdminAuth().getUser(uid)).customClaims ?? {};
}

async function newLocation(): Promise<string> {
  const locationId = `loc-people-${randomUUID()}`;
  await refs.location(locationId).set({
    name: 'People test',
    staffPhone: '+73422580078',
    responseMinutes: 10,
    ackSeconds: 60,
    timezone: 'Europe/Moscow',
    admins: [],
  });
  return locationId;
}

/** A location with its admin (in `admins`, and a member), plus a second location with its own admin. */
async function site() {
  const [home, elsewhere] = await Promise.all([newLocation(), newLocation()]);
  const [admin, foreignAdmin] = await Promise.all([
    person('Ольга Админова', { role: 'admin', locationIds: [home] }),
    person('Foreign Admin', { role: 'admin', locationIds: [elsewhere] }),
  ]);
  await Promise.all([
    refs.location(home).update({ admins: [admin.uid] }),
    refs.location(elsewhere).update({ admins: [foreignAdmin.uid] }),
    peopleRefs.member(home, admin.uid).set({ name: 'Ольга Админова', phone: '+79120000123', role: 'admin', joinedAt: Timestamp.now() }),
  ]);
  return { home, elsewhere, admin, foreignAdmin };
}

type Site = Awaited<ReturnType<typeof site>>;
let s: Site;
beforeAll(async () => {
  s = await site();
}, 60_000);
afterAll(async () => {
  await Promise.all(apps.map((app) => deleteApp(app)));
});

const invite = (by: Caller, data: Record<string, unknown>) => by.call<{ code: string; url: string; expiresAt: string }>('createInvite', data);

/** Someone who joins the site with a staff or resident invitation. */
async function joined(role: 'staff' | 'resident', name = 'Иван Петров'): Promise<Caller> {
  const { code } = await invite(s.admin, { locationId: s.home, role });
  const member = await person(name);
  await member.call('acceptInvite', { code });
  return member;
}

describe('createInvite', () => {
  it('an admin creates an invitation: an unguessable code, its link and expiry, stored for functions only', async () => {
    const before = Date.now();
    const result = await invite(s.admin, { locationId: s.home, role: 'staff', maxUses: 3, expiresInHours: 2 });
    expect(result.code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(result.code, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(result.url).toMatch(new RegExp(`^https?://[^/]+/join/${result.code}$`));
    const expiresAt = Date.parse(result.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 2 * 3_600_000 - 1000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 2 * 3_600_000 + 1000);
    const stored = (await peopleRefs.invite(result.code).get()).data();
    expect(stored).toMatchObject({ locationId: s.home, role: 'staff', createdBy: s.admin.uid, maxUses: 3, uses: 0, revoked: false, acceptedBy: [] });
    expect(stored?.expiresAt.toMillis()).toBe(expiresAt);
  });

  // Which drafts are refused (role, uses, hours) is decideCreateInvite's, unit-tested case by case.
  it('refuses an invitation with the admin role (invalid-argument, invalid-role)', async () => {
    expect(await failure(invite(s.admin, { locationId: s.home, role: 'admin' }))).toEqual({ code: 'invalid-argument', reason: 'invalid-role' });
  });

  it('refuses residents, staff and the admin of another location (permission-denied)', async () => {
    const [resident, staff] = await Promise.all([joined('resident', 'Resident'), joined('staff', 'Staff')]);
    for (const who of [resident, staff, s.foreignAdmin]) {
      expect((await failure(invite(who, { locationId: s.home, role: 'resident' }))).code).toBe('permission-denied');
    }
  });

  it('refuses anonymous visitors and signed-out callers (unauthenticated)', async () => {
    for (const who of [await anonymousVisitor(), signedOut()]) {
      expect((await failure(invite(who, { locationId: s.home, role: 'resident' }))).code).toBe('unauthenticated');
    }
  });
});

describe('acceptInvite', () => {
  it('a new staff member joins: claims, profile, roster entry off duty, member, one use; the same call again changes nothing', async () => {
    const { code } = await invite(s.admin, { locationId: s.home, role: 'staff', maxUses: 5 });
    const guard = await person('Иван Петров');
    expect(await guard.call('acceptInvite', { code })).toEqual({ locationId: s.home, role: 'staff' });

    expect(await claimsOf(guard.uid)).toEqual({ role: 'staff', locationIds: [s.home] });
    const token = await guard.auth.currentUser?.getIdTokenResult(true);
    expect(token?.claims).toMatchObject({ role: 'staff', locationIds: [s.home] });
    const profile = (await peopleRefs.profile(guard.uid).get()).data();
    expect(profile).toMatchObject({ displayName: 'Иван Петров', locationIds: [s.home], homeLocationId: s.home });
    expect(profile?.claimsUpdatedAt).toBeInstanceOf(Timestamp);
    expect((await refs.staffMember(s.home, guard.uid).get()).data()).toEqual({
      name: 'Иван Петров',
      phone: '+79120000123',
      onDuty: false,
      tier: 1,
    });
    expect((await peopleRefs.member(s.home, guard.uid).get()).data()).toMatchObject({ name: 'Иван Петров', role: 'staff' });
    expect((await peopleRefs.invite(code).get()).data()).toMatchObject({ uses: 1, acceptedBy: [guard.uid] });

    const stamp = profile?.claimsUpdatedAt?.toMillis();
    const profileUpdate = (await peopleRefs.profile(guard.uid).get()).updateTime?.toMillis();
    expect(profileUpdate).toBeGreaterThan(0);
    expect(await guard.call('acceptInvite', { code })).toEqual({ locationId: s.home, role: 'staff' });
    expect((await peopleRefs.invite(code).get()).data()).toMatchObject({ uses: 1, acceptedBy: [guard.uid] });
    const again = await peopleRefs.profile(guard.uid).get();
    expect(again.data()?.claimsUpdatedAt?.toMillis()).toBe(stamp);
    expect(again.updateTime?.toMillis()).toBe(profileUpdate);
  });

  it('accepting again finishes a join whose claims were never written, without using the code again', async () => {
    const { code } = await invite(s.admin, { locationId: s.home, role: 'staff' });
    const guard = await person('Crash Test');
    await guard.call('acceptInvite', { code });
    // As if the function died between its transaction and the claims.
    await getAdminAuth().setCustomUserClaims(guard.uid, null);
    expect(await guard.call('acceptInvite', { code })).toEqual({ locationId: s.home, role: 'staff' });
    expect(await claimsOf(guard.uid)).toEqual({ role: 'staff', locationIds: [s.home] });
    expect((await peopleRefs.invite(code).get()).data()).toMatchObject({ uses: 1, acceptedBy: [guard.uid] });
  });

  it('a removed member cannot rejoin with the code they already used', async () => {
    const { code } = await invite(s.admin, { locationId: s.home, role: 'staff', maxUses: 5 });
    const guard = await person('Rejoiner');
    await guard.call('acceptInvite', { code });
    await s.admin.call('removeMember', { locationId: s.home, uid: guard.uid });
    expect(await guard.call('acceptInvite', { code })).toEqual({ locationId: s.home, role: 'staff' });
    expect(await claimsOf(guard.uid)).toEqual({ role: 'resident', locationIds: [] });
    expect((await peopleRefs.invite(code).get()).data()?.uses).toBe(1);
  });

  it('a resident invitation adds the location without a roster entry', async () => {
    const resident = await joined('resident', 'Анна');
    expect(await claimsOf(resident.uid)).toEqual({ role: 'resident', locationIds: [s.home] });
    expect((await refs.staffMember(s.home, resident.uid).get()).exists).toBe(false);
  });

  it('never lowers a role: an admin accepting a resident code of their location stays admin', async () => {
    const { code } = await invite(s.admin, { locationId: s.home, role: 'resident' });
    expect(await s.admin.call('acceptInvite', { code })).toEqual({ locationId: s.home, role: 'resident' });
    expect(await claimsOf(s.admin.uid)).toEqual({ role: 'admin', locationIds: [s.home] });
  });

  it('an unknown code → not-found; a malformed one → invalid-argument', async () => {
    const someone = await person('Someone');
    expect(await failure(someone.call('acceptInvite', { code: 'A'.repeat(32) }))).toEqual({ code: 'not-found', reason: 'unknown-code' });
    expect(await failure(someone.call('acceptInvite', { code: 'short' }))).toEqual({ code: 'invalid-argument', reason: 'invalid-code' });
  });

  it('revoked, expired and used-up codes → failed-precondition with the reason', async () => {
    const revoked = await invite(s.admin, { locationId: s.home, role: 'resident' });
    await s.admin.call('revokeInvite', { code: revoked.code });
    const expired = await invite(s.admin, { locationId: s.home, role: 'resident' });
    await peopleRefs.invite(expired.code).update({ expiresAt: Timestamp.fromMillis(Date.now() - 1000) });
    const usedUp = await invite(s.admin, { locationId: s.home, role: 'resident' });
    const first = await person('First');
    await first.call('acceptInvite', { code: usedUp.code });

    const late = await person('Late');
    expect(await failure(late.call('acceptInvite', { code: revoked.code }))).toEqual({ code: 'failed-precondition', reason: 'revoked' });
    expect(await failure(late.call('acceptInvite', { code: expired.code }))).toEqual({ code: 'failed-precondition', reason: 'expired' });
    expect(await failure(late.call('acceptInvite', { code: usedUp.code }))).toEqual({ code: 'failed-precondition', reason: 'used-up' });
    expect(await claimsOf(late.uid)).toEqual({});
    expect((await peopleRefs.invite(usedUp.code).get()).data()?.uses).toBe(1);

    // The join page, asking before anyone has an account, is told the same; who used the code up still sees it named.
    const stranger = signedOut();
    expect(await failure(stranger.call('describeInvite', { code: revoked.code }))).toEqual({ code: 'failed-precondition', reason: 'revoked' });
    expect(await failure(stranger.call('describeInvite', { code: expired.code }))).toEqual({ code: 'failed-precondition', reason: 'expired' });
    expect(await failure(stranger.call('describeInvite', { code: usedUp.code }))).toEqual({ code: 'failed-precondition', reason: 'used-up' });
    expect(await failure(stranger.call('describeInvite', { code: 'A'.repeat(32) }))).toEqual({ code: 'not-found', reason: 'unknown-code' });
    expect(await first.call('describeInvite', { code: usedUp.code })).toEqual({ locationName: 'People test', role: 'resident' });
  });

  it('anonymous visitors and signed-out callers cannot join (unauthenticated)', async () => {
    const { code } = await invite(s.admin, { locationId: s.home, role: 'resident' });
    for (const who of [await anonymousVisitor(), signedOut()]) {
      expect((await failure(who.call('acceptInvite', { code }))).code).toBe('unauthenticated');
    }
    expect((await peopleRefs.invite(code).get()).data()?.uses).toBe(0);
  });
});

describe('describeInvite', () => {
  it('names the location and the role to anyone holding the code, signed out or a visitor, and uses nothing', async () => {
    const { code } = await invite(s.admin, { locationId: s.home, role: 'staff' });
    for (const who of [signedOut(), await anonymousVisitor()]) {
      expect(await who.call('describeInvite', { code })).toEqual({ locationName: 'People test', role: 'staff' });
    }
    expect(await failure(signedOut().call('describeInvite', { code: 'short' }))).toEqual({ code: 'invalid-argument', reason: 'invalid-code' });
    expect((await peopleRefs.invite(code).get()).data()).toMatchObject({ uses: 0, acceptedBy: [] });
  });
});

describe('setMemberRole and removeMember', () => {
  it('an admin promotes staff to admin and demotes them to resident (off the roster); the location’s admins follow', async () => {
    const member = await joined('staff', 'Пётр');
    await s.admin.call('setMemberRole', { locationId: s.home, uid: member.uid, role: 'admin' });
    expect(await claimsOf(member.uid)).toEqual({ role: 'admin', locationIds: [s.home] });
    expect((await refs.location(s.home).get()).data()?.admins).toContain(member.uid);
    expect((await peopleRefs.member(s.home, member.uid).get()).data()?.role).toBe('admin');

    await s.admin.call('setMemberRole', { locationId: s.home, uid: member.uid, role: 'resident' });
    expect(await claimsOf(member.uid)).toEqual({ role: 'resident', locationIds: [s.home] });
    expect((await refs.location(s.home).get()).data()?.admins).not.toContain(member.uid);
    expect((await refs.staffMember(s.home, member.uid).get()).exists).toBe(false);

    await s.admin.call('setMemberRole', { locationId: s.home, uid: member.uid, role: 'staff' });
    expect((await refs.staffMember(s.home, member.uid).get()).data()).toMatchObject({ onDuty: false, tier: 1 });
  });

  it('a resident promoted to admin goes on the roster off duty, under the name they joined with (admins claim calls too)', async () => {
    const member = await joined('resident', 'Ольга Новикова');
    expect((await refs.staffMember(s.home, member.uid).get()).exists).toBe(false);
    await s.admin.call('setMemberRole', { locationId: s.home, uid: member.uid, role: 'admin' });
    expect((await refs.staffMember(s.home, member.uid).get()).data()).toMatchObject({ name: 'Ольга Новикова', onDuty: false, tier: 1 });
  });

  it('an admin removes a member: claims, roster entry and membership go; their requests stay', async () => {
    const member = await joined('staff', 'Уходящий');
    const requestId = `t-${randomUUID()}`;
    await refs.sosRequest(requestId).set({
      uid: member.uid,
      locationId: s.home,
      objectId: null,
      source: 'emergency',
      description: null,
      repeatOf: null,
      status: 'resolved',
      createdAt: Timestamp.now(),
    });
    expect(await s.admin.call('removeMember', { locationId: s.home, uid: member.uid })).toEqual({ removed: true });
    expect(await claimsOf(member.uid)).toEqual({ role: 'resident', locationIds: [] });
    expect((await refs.staffMember(s.home, member.uid).get()).exists).toBe(false);
    expect((await peopleRefs.member(s.home, member.uid).get()).exists).toBe(false);
    expect((await peopleRefs.profile(member.uid).get()).data()).toMatchObject({ locationIds: [], homeLocationId: null });
    expect((await refs.sosRequest(requestId).get()).exists).toBe(true);
    // Removing again is harmless.
    expect(await s.admin.call('removeMember', { locationId: s.home, uid: member.uid })).toEqual({ removed: true });
  });

  it('the last admin cannot demote or remove themselves (failed-precondition); with a second admin they can leave', async () => {
    const own = await site();
    expect(await failure(own.admin.call('setMemberRole', { locationId: own.home, uid: own.admin.uid, role: 'staff' }))).toEqual({
      code: 'failed-precondition',
      reason: 'last-admin',
    });
    expect(await failure(own.admin.call('removeMember', { locationId: own.home, uid: own.admin.uid }))).toEqual({
      code: 'failed-precondition',
      reason: 'last-admin',
    });
    expect(await claimsOf(own.admin.uid)).toEqual({ role: 'admin', locationIds: [own.home] });

    const { code } = await invite(own.admin, { locationId: own.home, role: 'staff' });
    const second = await person('Second');
    await second.call('acceptInvite', { code });
    await own.admin.call('setMemberRole', { locationId: own.home, uid: second.uid, role: 'admin' });
    await own.admin.call('removeMember', { locationId: own.home, uid: own.admin.uid });
    expect(await claimsOf(own.admin.uid)).toEqual({ role: 'resident', locationIds: [] });
    expect((await refs.location(own.home).get()).data()?.admins).toEqual([second.uid]);
  });

  it('residents, staff and the admin of another location cannot change members (permission-denied)', async () => {
    const [resident, staff] = await Promise.all([joined('resident', 'R'), joined('staff', 'S')]);
    for (const who of [resident, staff, s.foreignAdmin]) {
      expect((await failure(who.call('setMemberRole', { locationId: s.home, uid: staff.uid, role: 'admin' }))).code).toBe('permission-denied');
      expect((await failure(who.call('removeMember', { locationId: s.home, uid: resident.uid }))).code).toBe('permission-denied');
    }
    expect(await claimsOf(staff.uid)).toEqual({ role: 'staff', locationIds: [s.home] });
    expect(await claimsOf(resident.uid)).toEqual({ role: 'resident', locationIds: [s.home] });
  });

  it('refuses a bad role (invalid-argument), a non-member (not-found) and anonymous callers (unauthenticated)', async () => {
    const member = await joined('resident', 'M');
    const outsider = await person('Outsider');
    expect(await failure(s.admin.call('setMemberRole', { locationId: s.home, uid: member.uid, role: 'owner' }))).toEqual({
      code: 'invalid-argument',
      reason: 'invalid-role',
    });
    expect(await failure(s.admin.call('setMemberRole', { locationId: s.home, uid: outsider.uid, role: 'staff' }))).toEqual({
      code: 'not-found',
      reason: 'not-a-member',
    });
    const visitor = await anonymousVisitor();
    expect((await failure(visitor.call('removeMember', { locationId: s.home, uid: member.uid }))).code).toBe('unauthenticated');
    expect((await failure(visitor.call('setMemberRole', { locationId: s.home, uid: member.uid, role: 'admin' }))).code).toBe('unauthenticated');
  });
});

describe('revokeInvite', () => {
  it('an admin revokes an invitation; revoking again is harmless', async () => {
    const { code } = await invite(s.admin, { locationId: s.home, role: 'staff' });
    expect(await s.admin.call('revokeInvite', { code })).toEqual({ revoked: true });
    expect((await peopleRefs.invite(code).get()).data()?.revoked).toBe(true);
    expect(await s.admin.call('revokeInvite', { code })).toEqual({ revoked: true });
  });

  it('refuses staff and the admin of another location (permission-denied), unknown codes (not-found), anonymous callers', async () => {
    const { code } = await invite(s.admin, { locationId: s.home, role: 'staff' });
    const staff = await joined('staff', 'S2');
    for (const who of [staff, s.foreignAdmin]) {
      expect((await failure(who.call('revokeInvite', { code }))).code).toBe('permission-denied');
    }
    expect((await failure(s.admin.call('revokeInvite', { code: 'B'.repeat(32) }))).code).toBe('not-found');
    expect((await failure((await anonymousVisitor()).call('revokeInvite', { code }))).code).toBe('unauthenticated');
    expect((await peopleRefs.invite(code).get()).data()?.revoked).toBe(false);
  });
});
