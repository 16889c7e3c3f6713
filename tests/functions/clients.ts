// Client-SDK sessions for the functions suites: each actor signs in on its own app, as the web app does.
import { randomUUID } from 'node:crypto';
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInAnonymously, signInWithEmailAndPassword, type Auth, type UserCredential } from 'firebase/auth';
import {
  collection,
  connectFirestoreEmulator,
  doc,
  getDoc,
  getFirestore,
  increment,
  serverTimestamp,
  setDoc,
  updateDoc,
  writeBatch,
  type Firestore,
} from 'firebase/firestore';
import { connectFunctionsEmulator, getFunctions, httpsCallable } from 'firebase/functions';
import { acknowledgeWrite, messageRateWrite, paths, sosRequestCreate, type MessageRate, type MessageRole, type SosKind, type SosSource } from '@sos/model';
import { initializeEmulatorAppCheck } from '../../web/src/firebase/emulatorAppCheck';
import { SITE_PASSWORD } from './fixtures';
import { EMULATOR_HOSTS, PROJECT_ID, hostAndPort } from '../helpers/emulators';

export interface ClientSession {
  uid: string;
  db: Firestore;
  /** A callable, called as the web app calls it (httpsCallable, signed in). */
  call<T = unknown>(name: string, data?: unknown): Promise<T>;
  /** The session's Auth ID token, for a call made over plain HTTP. */
  idToken(): Promise<string>;
  close(): Promise<void>;
}

/** A client app named `name` with the web app's App Check on the emulators (the callables enforce it); not signed in. */
export function emulatorClientApp(name: string): FirebaseApp {
  const app = initializeApp({ projectId: PROJECT_ID, apiKey: 'demo-key' }, `${name}-${randomUUID()}`);
  initializeEmulatorAppCheck(app);
  return app;
}

/** A client app signed in by `signInWith`, connected to the emulators as the web app is. */
async function openSession(name: string, signInWith: (auth: Auth) => Promise<UserCredential>): Promise<ClientSession> {
  const app = emulatorClientApp(`functions-${name}`);
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
  return { uid: user.uid, db, call, idToken: () => user.getIdToken(), close: () => deleteApp(app) };
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

/** What a callable answers over plain HTTP (the callable protocol): its result, or its error. */
export interface CallableAnswer {
  status: number;
  body: { result?: unknown; error?: { status?: string; message?: string; details?: { reason?: string } } };
}

/** A callable called over plain HTTP with only the headers given (`Authorization`, `X-Firebase-AppCheck`). */
export async function postToCallable(name: string, data: unknown, headers: Record<string, string> = {}): Promise<CallableAnswer> {
  const response = await fetch(`http://${EMULATOR_HOSTS.functions}/${PROJECT_ID}/us-central1/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ data }),
  });
  return { status: response.status, body: (await response.json()) as CallableAnswer['body'] };
}

/** Writes a message as the apps do, with the bump of the writer's rate document in the same batch; returns its id. */
export async function sendMessage(session: ClientSession, requestId: string, role: MessageRole, text: string): Promise<string> {
  const messageRef = doc(collection(session.db, paths.messages(requestId)));
  const rateRef = doc(session.db, paths.messageRate(requestId, session.uid));
  const rate = (await getDoc(rateRef)).data() as MessageRate | undefined;
  const bump = messageRateWrite(rate ?? null, messageRef.id, serverTimestamp(), increment(1));
  const batch = writeBatch(session.db);
  batch.set(messageRef, { uid: session.uid, role, text, at: serverTimestamp() });
  if (bump.op === 'set') batch.set(rateRef, bump.data);
  else batch.update(rateRef, bump.data);
  await batch.commit();
  return messageRef.id;
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
