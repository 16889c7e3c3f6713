// `npm run bootstrap -- --email <e> --location "<name>" --staff-phone <phone> [--project <id>] [--timezone <IANA>]`:
// creates a location and makes that (existing or new) account its admin, with the Admin SDK.
// Without --project (or with a demo- project) it targets the running emulators; otherwise the real
// project through application default credentials (`gcloud auth application-default login`).
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { applicationDefault, getApps, initializeApp } from 'firebase-admin/app';
import { getAuth, type UserRecord } from 'firebase-admin/auth';
import { FieldValue, getFirestore } from 'firebase-admin/firestore';
import { normalizePhone, paths, peoplePaths, type Locale, type Location } from '@sos/model';
import { PROJECT_ID as EMULATOR_PROJECT_ID, useEmulators } from './seed';

export interface BootstrapRequest {
  email: string;
  locationName: string;
  staffPhone: string;
  timezone: string;
  /** null: the running emulators. */
  project: string | null;
}

export const USAGE = 'usage: npm run bootstrap -- --email <e> --location "<name>" --staff-phone <phone> [--project <id>] [--timezone <IANA zone>]';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Google Cloud project ids: 6–30 characters, lowercase letters, digits and hyphens, starting with a letter.
const PROJECT = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
/** New locations start with the demo's timers; admins change them on /admin/locations. */
const NEW_LOCATION_TIMERS = { responseMinutes: 10, ackSeconds: 60 };

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The command line as a request, or the one line that says what is wrong with it. */
export function parseBootstrapArgs(argv: string[]): { ok: true; value: BootstrapRequest } | { ok: false; problem: string } {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        email: { type: 'string' },
        location: { type: 'string' },
        'staff-phone': { type: 'string' },
        project: { type: 'string' },
        timezone: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return { ok: false, problem: (error as Error).message.split('\n')[0] ?? 'bad arguments' };
  }
  const email = values.email?.trim() ?? '';
  const locationName = values.location?.trim() ?? '';
  const typedPhone = values['staff-phone']?.trim() ?? '';
  const timezone = values.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const project = values.project ?? null;
  if (!email) return { ok: false, problem: '--email is required' };
  if (!EMAIL.test(email)) return { ok: false, problem: `--email "${email}" is not an e-mail address` };
  if (!locationName) return { ok: false, problem: "--location is required (the location's name)" };
  if (locationName.length > 200) return { ok: false, problem: '--location is longer than 200 characters' };
  if (!typedPhone) return { ok: false, problem: '--staff-phone is required' };
  // As people type it («8 342 258-00-78», «+7 (342) 258-00-78»), stored as E.164.
  const staffPhone = normalizePhone(typedPhone);
  if (!staffPhone) return { ok: false, problem: `--staff-phone "${typedPhone}" is not a phone number (e.g. +73422580078)` };
  if (!isTimeZone(timezone)) return { ok: false, problem: `--timezone "${timezone}" is not an IANA time zone (e.g. Europe/Moscow)` };
  if (project !== null && !PROJECT.test(project)) return { ok: false, problem: `--project "${project}" is not a Google Cloud project id` };
  return { ok: true, value: { email: email.toLowerCase(), locationName, staffPhone, timezone, project } };
}

/** Admin SDK on the emulators, or on the real project with application default credentials. */
export function connect(project: string | null): string {
  if (project === null || project.startsWith('demo-')) {
    // No Google metadata server to ask on the emulators (its failed lookup would print a warning).
    process.env.METADATA_SERVER_DETECTION ??= 'none';
    useEmulators(project ?? EMULATOR_PROJECT_ID);
    return project ?? EMULATOR_PROJECT_ID;
  }
  // Never let emulator settings of this shell send a real bootstrap to the emulators, or the reverse.
  delete process.env.FIRESTORE_EMULATOR_HOST;
  delete process.env.FIREBASE_AUTH_EMULATOR_HOST;
  if (getApps().length === 0) initializeApp({ projectId: project, credential: applicationDefault() });
  return project;
}

class BootstrapError extends Error {}

async function ensureReachable(project: string): Promise<void> {
  try {
    // Reads both services the bootstrap writes to, before anything is written.
    await Promise.all([getAuth().listUsers(1), getFirestore().collection('locations').limit(1).get()]);
  } catch (error) {
    const reason = ((error as Error).message ?? String(error)).split('\n')[0];
    throw new BootstrapError(`cannot reach project "${project}" (does it exist, and may these credentials use it?): ${reason}`);
  }
}

async function findOrCreateAccount(email: string): Promise<{ user: UserRecord; created: boolean }> {
  try {
    return { user: await getAuth().getUserByEmail(email), created: false };
  } catch (error) {
    if ((error as { code?: string }).code !== 'auth/user-not-found') throw error;
    return { user: await getAuth().createUser({ email }), created: true };
  }
}

export interface BootstrapResult {
  locationId: string;
  uid: string;
  createdAccount: boolean;
  /** For a new account: where its owner sets a password. */
  passwordLink: string | null;
}

export async function bootstrap(request: BootstrapRequest): Promise<BootstrapResult> {
  const project = connect(request.project);
  await ensureReachable(project);
  const db = getFirestore();
  const sameName = await db.collection('locations').where('name', '==', request.locationName).limit(1).get();
  const existing = sameName.docs[0];
  if (existing) throw new BootstrapError(`a location named "${request.locationName}" already exists (${existing.id}); nothing changed`);

  const location = db.collection('locations').doc();
  const { user, created } = await findOrCreateAccount(request.email);
  const claims = user.customClaims ?? {};
  const locationIds = [...new Set([...((claims.locationIds as string[] | undefined) ?? []), location.id])];
  // admin is the highest role, so raising to it never lowers anything.
  await getAuth().setCustomUserClaims(user.uid, { ...claims, role: 'admin', locationIds });

  const profileRef = db.doc(paths.user(user.uid));
  const profile = (await profileRef.get()).data() as { displayName?: string; phone?: string; homeLocationId?: string | null; locale?: Locale } | undefined;
  const displayName = profile?.displayName ?? user.displayName ?? request.email.split('@')[0];
  const phone = profile?.phone ?? user.phoneNumber ?? '';
  const newLocation: Location = {
    name: request.locationName,
    staffPhone: request.staffPhone,
    ...NEW_LOCATION_TIMERS,
    timezone: request.timezone,
    admins: [user.uid],
  };
  const batch = db.batch();
  batch.set(location, newLocation);
  batch.set(
    profileRef,
    {
      displayName,
      phone,
      locationIds,
      homeLocationId: profile?.homeLocationId ?? location.id,
      // The client listens to this and refreshes its token, so the new claims apply at once.
      claimsUpdatedAt: FieldValue.serverTimestamp(),
    },
    { merge: true },
  );
  // Like an accepted invitation: the admin is in the People list, and their own requests read this document.
  batch.set(db.doc(peoplePaths.member(location.id, user.uid)), {
    name: displayName,
    phone,
    locale: profile?.locale ?? 'ru',
    role: 'admin',
    joinedAt: FieldValue.serverTimestamp(),
  });
  // On the roster off duty, as every admin is: a claim carries the roster name.
  batch.set(db.doc(paths.staffMember(location.id, user.uid)), { name: displayName, phone, onDuty: false, tier: 1 });
  await batch.commit();
  const passwordLink = created ? await getAuth().generatePasswordResetLink(request.email) : null;
  return { locationId: location.id, uid: user.uid, createdAccount: created, passwordLink };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const parsed = parseBootstrapArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`bootstrap: ${parsed.problem}; ${USAGE}`);
    process.exit(2);
  }
  const request = parsed.value;
  bootstrap(request)
    .then((result) => {
      console.log(
        `Location «${request.locationName}» (${result.locationId}) created; ${request.email} (${result.uid}) is its admin` +
          `${result.createdAccount ? ' (new account)' : ''}, on ${request.project ?? 'the emulators'}.`,
      );
      if (result.passwordLink) console.log(`Set the password: ${result.passwordLink}`);
      process.exit(0);
    })
    .catch((error: unknown) => {
      const message = error instanceof BootstrapError ? error.message : ((error as Error).message ?? String(error)).split('\n')[0];
      console.error(`bootstrap: ${message}`);
      process.exit(1);
    });
}
