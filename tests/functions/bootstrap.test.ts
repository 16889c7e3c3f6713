// `npm run bootstrap` as an operator runs it, against the emulators: the first location and its admin,
// and bad arguments that change nothing.
import './setup';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { doc, getDoc } from 'firebase/firestore';
import { paths, peoplePaths } from '@sos/model';
import { SITE_PASSWORD } from './fixtures';
import { signIn } from './clients';

const ROOT = resolve(import.meta.dirname, '../..');

function runBootstrap(args: string[]): { status: number | null; stdout: string; stderr: string } {
  // The command `npm run bootstrap` runs (tsx, from node_modules/.bin as npm finds it, not through npx, which took half
  // a second more per run), in the environment emulators:exec gives (emulator hosts, SOS_PORT_OFFSET).
  // No metadata server here: the sandbox's proxy answers its probe with 403, which Node prints as a warning beside the
  // script's own line, sooner or later depending on the machine's load.
  const env = { ...process.env, METADATA_SERVER_DETECTION: 'none' };
  const result = spawnSync(resolve(ROOT, 'node_modules/.bin/tsx'), ['scripts/bootstrap.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function locationsNamed(name: string) {
  return (await getFirestore().collection('locations').where('name', '==', name).get()).docs;
}

async function accountExists(email: string): Promise<boolean> {
  return getAuth()
    .getUserByEmail(email)
    .then(
      () => true,
      (error: { code?: string }) => {
        if (error.code === 'auth/user-not-found') return false;
        throw error;
      },
    );
}

const unique = () => randomUUID().slice(0, 8);

describe('npm run bootstrap', () => {
  it('creates the location and a new account as its admin: claims, users/{uid}, locations.admins', async () => {
    const email = `manager-${unique()}@bootstrap.test`;
    const name = `Бизнес-центр ${unique()}`;
    // The phone as a person types it; stored as E.164.
    const run = runBootstrap(['--email', email, '--location', name, '--staff-phone', '8 (342) 258-00-78', '--timezone', 'Asia/Yekaterinburg']);
    expect(run.stderr).not.toContain('bootstrap:');
    expect(run.status).toBe(0);

    const [location] = await locationsNamed(name);
    expect(location).toBeDefined();
    const user = await getAuth().getUserByEmail(email);
    expect(location?.data()).toEqual({
      name,
      staffPhone: '+73422580078',
      responseMinutes: 10,
      ackSeconds: 60,
      timezone: 'Asia/Yekaterinburg',
      admins: [user.uid],
    });
    expect(user.customClaims).toEqual({ role: 'admin', locationIds: [location?.id] });
    const profile = (await getFirestore().doc(paths.user(user.uid)).get()).data();
    expect(profile).toMatchObject({ locationIds: [location?.id], homeLocationId: location?.id, displayName: email.split('@')[0] });
    expect(profile?.claimsUpdatedAt).toBeDefined();
    // In the People list, as an accepted invitation would put them.
    const member = (await getFirestore().doc(peoplePaths.member(location!.id, user.uid)).get()).data();
    expect(member).toMatchObject({ name: email.split('@')[0], phone: '', role: 'admin', locale: 'ru' });
    // On the roster off duty, so the admin can claim a call under a name the admins keep.
    const roster = (await getFirestore().doc(paths.staffMember(location!.id, user.uid)).get()).data();
    expect(roster).toEqual({ name: email.split('@')[0], phone: '', onDuty: false, tier: 1 });
    expect(run.stdout).toContain(`${email} (${user.uid}) is its admin (new account)`);
    expect(run.stdout).toMatch(/Set the password: http:\/\/\S+/);
  });

  it('makes an existing account admin of the new location, keeping its other locations, and the rules let it in', async () => {
    const email = `staff-${unique()}@bootstrap.test`;
    const name = `ЖК ${unique()}`;
    // A location the account already belongs to (only its id matters here).
    const earlier = `loc-${unique()}`;
    const existing = await getAuth().createUser({ email, password: SITE_PASSWORD, displayName: 'Охранник Петров' });
    await getAuth().setCustomUserClaims(existing.uid, { role: 'staff', locationIds: [earlier] });
    await getFirestore()
      .doc(paths.user(existing.uid))
      .set({ displayName: 'Охранник Петров', phone: '+79990000000', locationIds: [earlier], homeLocationId: earlier });

    const run = runBootstrap(['--email', email, '--location', name, '--staff-phone', '+73422000000']);
    expect(run.status).toBe(0);

    const [location] = await locationsNamed(name);
    const locationId = location?.id ?? '';
    expect(location?.data().admins).toEqual([existing.uid]);
    expect((await getAuth().getUser(existing.uid)).customClaims).toEqual({ role: 'admin', locationIds: [earlier, locationId] });
    expect((await getFirestore().doc(paths.user(existing.uid)).get()).data()).toMatchObject({
      displayName: 'Охранник Петров',
      phone: '+79990000000',
      locationIds: [earlier, locationId],
      homeLocationId: earlier,
    });
    // A fresh sign-in carries the new claims: the rules let the new admin read the new location.
    const session = await signIn(email);
    try {
      expect((await getDoc(doc(session.db, paths.location(locationId)))).data()?.name).toBe(name);
    } finally {
      await session.close();
    }
    expect(run.stdout).not.toContain('Set the password');
  });

  it('refuses a second location of the same name and changes nothing', async () => {
    const name = `Склад ${unique()}`;
    expect(runBootstrap(['--email', `a-${unique()}@bootstrap.test`, '--location', name, '--staff-phone', '+73422580078']).status).toBe(0);
    const secondEmail = `b-${unique()}@bootstrap.test`;
    const again = runBootstrap(['--email', secondEmail, '--location', name, '--staff-phone', '+73422580078']);
    expect(again.status).toBe(1);
    expect(again.stderr.trim()).toMatch(new RegExp(`^bootstrap: a location named "${name}" already exists \\(\\w+\\); nothing changed$`));
    expect(await locationsNamed(name)).toHaveLength(1);
    expect(await accountExists(secondEmail)).toBe(false);
  });

  describe('bad arguments: one line that says why, a non-zero exit, nothing changed', () => {
    const cases: { what: string; args: (email: string, name: string) => string[]; error: RegExp }[] = [
      { what: 'no email', args: (_email, name) => ['--location', name, '--staff-phone', '+73422580078'], error: /^bootstrap: --email is required; usage: / },
      {
        what: 'a phone that is not a phone in any form',
        args: (email, name) => ['--email', email, '--location', name, '--staff-phone', '258-00'],
        error: /^bootstrap: --staff-phone "258-00" is not a phone number/,
      },
      {
        what: 'an unknown project',
        args: (email, name) => ['--email', email, '--location', name, '--staff-phone', '+73422580078', '--project', 'no-such-project-sos'],
        error: /^bootstrap: cannot reach project "no-such-project-sos"/,
      },
      {
        what: 'an unknown option',
        args: (email, name) => ['--email', email, '--location', name, '--phone', '+73422580078'],
        error: /^bootstrap: Unknown option '--phone'/,
      },
    ];
    for (const { what, args, error } of cases) {
      it(what, async () => {
        const email = `nobody-${unique()}@bootstrap.test`;
        const name = `Нет ${unique()}`;
        const run = runBootstrap(args(email, name));
        expect(run.status).not.toBe(0);
        expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(error)]);
        expect(await locationsNamed(name)).toEqual([]);
        expect(await accountExists(email)).toBe(false);
      });
    }
  });
});
