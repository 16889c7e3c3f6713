// The web layer against the emulators, in Node: accounts with claims (Auth emulator REST API, as the
// owner), data written past the rules (rules-unit-testing), and waiting for a reactive state.
import { initializeTestEnvironment, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { doc, getDoc, setDoc, writeBatch, type DocumentData } from 'firebase/firestore';
import { watch, type WatchSource } from 'vue';
import type { Claims } from '@sos/model';

export const PROJECT_ID = 'demo-sos';
const HOST = '127.0.0.1';
const AUTH_URL = `http://${HOST}:${__EMULATOR_PORTS__.auth}/identitytoolkit.googleapis.com/v1/projects/${PROJECT_ID}`;
export const PASSWORD = 'web-test-1';

/** A name no other test file (or earlier run against the same emulators) uses. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}

async function asOwner(path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${AUTH_URL}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer owner' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`Auth emulator ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** Creates an email account with role claims; returns its uid. */
export async function createAccount(email: string, claims: Claims, displayName = email): Promise<string> {
  const created = await asOwner('/accounts', { email, password: PASSWORD, displayName, emailVerified: true });
  const uid = String(created.localId);
  await asOwner('/accounts:update', { localId: uid, customAttributes: JSON.stringify(claims) });
  return uid;
}

let environment: Promise<RulesTestEnvironment> | null = null;

function admin(): Promise<RulesTestEnvironment> {
  environment ??= initializeTestEnvironment({
    projectId: PROJECT_ID,
    firestore: { host: HOST, port: __EMULATOR_PORTS__.firestore },
  });
  return environment;
}

/** Writes a document as the backend would (rules do not apply). */
export async function seedDoc(path: string, data: DocumentData): Promise<void> {
  await (await admin()).withSecurityRulesDisabled((context) => setDoc(doc(context.firestore(), path), data));
}

/** Writes many documents in one batch, as the backend would. */
export async function seedDocs(documents: Record<string, DocumentData>): Promise<void> {
  await (
    await admin()
  ).withSecurityRulesDisabled(async (context) => {
    const batch = writeBatch(context.firestore());
    for (const [path, data] of Object.entries(documents)) batch.set(doc(context.firestore(), path), data);
    await batch.commit();
  });
}

/** Reads a document as the backend would. */
export async function readDoc(path: string): Promise<DocumentData | undefined> {
  let data: DocumentData | undefined;
  await (
    await admin()
  ).withSecurityRulesDisabled(async (context) => {
    data = (await getDoc(doc(context.firestore(), path))).data();
  });
  return data;
}

export async function closeHarness(): Promise<void> {
  await (await environment)?.cleanup();
  environment = null;
}

/** Resolves with the first value of `source` that `accepts`, or rejects after `timeoutMs`. */
export function until<T>(source: WatchSource<T>, accepts: (value: T) => boolean, timeoutMs = 20_000, what = 'state'): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let last: T | undefined;
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(last)}`));
    }, timeoutMs);
    const stop = watch(
      source,
      (value) => {
        last = value;
        if (!accepts(value)) return;
        clearTimeout(timer);
        queueMicrotask(() => stop());
        resolve(value);
      },
      { immediate: true, deep: true },
    );
  });
}
