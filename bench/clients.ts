// Bench actors: real client SDK instances (one Firebase app per signed-in user), like phones.
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword } from 'firebase/auth';
import { connectFirestoreEmulator, getFirestore, type Firestore } from 'firebase/firestore';
import { getAuth as getAdminAuth } from 'firebase-admin/auth';
import { Timestamp, getFirestore as getAdminFirestore } from 'firebase-admin/firestore';
import { paths, peoplePaths, type Role } from '@sos/model';
import { EMULATOR_HOSTS, PROJECT_ID, hostAndPort } from '../tests/helpers/emulators';
import { initializeEmulatorAppCheck } from '../web/src/firebase/emulatorAppCheck';

export const BENCH_LOCATION = 'bench-loc';
const PASSWORD = 'bench-pass-1';
let appCount = 0;

export interface Client {
  uid: string;
  app: FirebaseApp;
  db: Firestore;
}

export async function ensureAccount(uid: string, role: Role, locationIds: string[]): Promise<void> {
  const auth = getAdminAuth();
  const email = `${uid}@bench.test`;
  try {
    await auth.updateUser(uid, { email, password: PASSWORD });
  } catch {
    await auth.createUser({ uid, email, password: PASSWORD, displayName: uid });
  }
  await auth.setCustomUserClaims(uid, { role, locationIds });
  const db = getAdminFirestore();
  const batch = db.batch();
  batch.set(db.doc(paths.user(uid)), { displayName: uid, phone: '+79990000000', locationIds, homeLocationId: locationIds[0] ?? null });
  // As an invitation would: the membership document a new request reads.
  for (const locationId of locationIds) {
    batch.set(db.doc(peoplePaths.member(locationId, uid)), { name: uid, phone: '+79990000000', role, joinedAt: Timestamp.now() });
  }
  await batch.commit();
}

export async function signedInClient(uid: string): Promise<Client> {
  appCount += 1;
  const app = initializeApp({ projectId: PROJECT_ID, apiKey: 'demo-api-key' }, `bench-${appCount}`);
  // As the app's: the chaos run's openMyRequest calls need App Check, which the callables enforce.
  initializeEmulatorAppCheck(app);
  const auth = getAuth(app);
  connectAuthEmulator(auth, `http://${EMULATOR_HOSTS.auth}`, { disableWarnings: true });
  const db = getFirestore(app);
  const { host, port } = hostAndPort(EMULATOR_HOSTS.firestore);
  connectFirestoreEmulator(db, host, port);
  await signInWithEmailAndPassword(auth, `${uid}@bench.test`, PASSWORD);
  return { uid, app, db };
}

export async function closeClients(clients: Client[]): Promise<void> {
  await Promise.all(clients.map((client) => deleteApp(client.app)));
}

/**
 * Whether a bench write went through. Under the bench's load the Firestore emulator has garbled a gRPC stream (a
 * "message larger than max" of gigabytes, then a write whose data its rules could not read): such a write is counted
 * as refused and reported, not allowed to end the whole run.
 */
export async function writtenOrCounted(sent: Promise<void>): Promise<boolean> {
  try {
    await sent;
    return true;
  } catch (error) {
    console.warn(`a bench write was refused by the emulator: ${(error as Error).message.split('\n')[0]}`);
    return false;
  }
}
