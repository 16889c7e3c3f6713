// Client-SDK sessions for the functions suites: each actor signs in on its own app, as the web app does.
import { randomUUID } from 'node:crypto';
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInAnonymously, signInWithEmailAndPassword, type Auth, type UserCredential } from 'firebase/auth';
import { connectFirestoreEmulator, doc, getFirestore, serverTimestamp, setDoc, updateDoc, type Firestore } from 'firebase/firestore';
import { connectFunctionsEmulator, getFunctions, httpsCallable } from 'firebase/functions';
import { acknowledgeWrite, paths, sosRequestCreate, type SosKind, type SosSource } from '@sos/model';
import { SITE_PASSWORD } from './fixtures';
import { EMULATOR_HOSTS, PROJECT_ID, hostAndPort } from '../helpers/emulators';

export interface ClientSession {
  uid: string;
  db: Firestore;
  /** A callable, called as the web app calls it (httpsCallable, signed in). */
  call<T = unknown>(name: string, data?: unknown): Promise<T>;
  close(): Promise<void>;
}

/** A client app signed in by `signInWith`, connected to the emulators as the web app is. */
async function openSession(name: string, signInWith: (auth: Auth) => Promise<UserCredential>): Promise<ClientSession> {
  const app: FirebaseApp = initializeApp({ projectId: PROJECT_ID, apiKey: 'demo-key' }, `functions-${name}-${randomUUID()}`);
  const auth = getAuth(app);
  connectAuthEmulator(auth, `http://${EMULATOR_HOSTS.auth}`, { disableWarnings: true });
  const db = getFirestore(app);
  const { host, port } = hostAndPort(EMULATOR_HOSTS.firestore);
  connectFirestoreEmulator(db, host, port);
  const functions = getFunctions(app, 'us-central1');
  const functionsHost = hostAndPort(EMULATOR_HOSTS.functions);
  connectFunctionsEmulator(functions, functionsHost.host, functionsHost.port);
  const { user } = await signInWith(auth);
  const call = async <T>(callable: string, data?: unknown) => (await httpsCallable<unknown, T>(functions, callable)(data)).data;
  return { uid: user.uid, db, call, close: () => deleteApp(app) };
}

export function signIn(email: string, password = SITE_PASSWORD): Promise<ClientSession> {
  return openSession(email, (auth) => signInWithEmailAndPassword(auth, email, password));
}

/** A visitor's phone: signed in anonymously, as the QR screen does. */
export function signInAsVisitor(): Promise<ClientSession> {
  return openSession('visitor', (auth) => signInAnonymously(auth));
}

/** A fresh request id, made on the client as the web app does (tasks ids allow [A-Za-z0-9_-]). */
export const newRequestId = (): string => `t-${randomUUID()}`;

export interface RequestDraft {
  locationId: string;
  source?: SosSource;
  kind?: SosKind;
  silent?: boolean;
  objectId?: string | null;
  description?: string | null;
  repeatOf?: string | null;
  qrToken?: string;
}

/** Creates a request exactly as the resident's client does (through the rules). */
export async function createRequest(session: ClientSession, draft: RequestDraft, requestId = newRequestId()): Promise<string> {
  const payload = sosRequestCreate({ ...draft, uid: session.uid, source: draft.source ?? 'emergency' }, serverTimestamp());
  await setDoc(doc(session.db, paths.sosRequest(requestId)), payload);
  return requestId;
}

/** Staff claim a request as the staff app does. */
export async function acknowledge(session: ClientSession, requestId: string, name: string): Promise<void> {
  await updateDoc(doc(session.db, paths.sosRequest(requestId)), { ...acknowledgeWrite(session.uid, name, serverTimestamp()) });
}

/** The error code (without `functions/`) and the refusal reason of a failed call. */
export async function failure(promise: Promise<unknown>): Promise<{ code: string; reason: string | undefined }> {
  try {
    await promise;
  } catch (error) {
    const raw = error as { code?: string; details?: { reason?: string } };
    return { code: (raw.code ?? '').replace(/^functions\//, ''), reason: raw.details?.reason };
  }
  throw new Error('the call succeeded');
}
