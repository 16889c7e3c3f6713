// Rules tests: one test environment per file (own project id), the cast of actors, seeding.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initializeTestEnvironment, type RulesTestContext, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { doc, setLogLevel, writeBatch, type DocumentData, type Firestore } from 'firebase/firestore';
import type { Role } from '@sos/model';
import { EMULATOR_HOSTS, PROJECT_ID, hostAndPort } from './emulators';

export const RULES_PATH = fileURLToPath(new URL('../../firestore.rules', import.meta.url));
/** Where tests/rules/coverage-report.ts saves the rule coverage of each project id noted there (`<id>.project`). */
export const RULES_COVERAGE_DIR = fileURLToPath(new URL('../../test-results/rules-coverage/', import.meta.url));
export const PROJECT_ID_SUFFIX = '.project';

/** The location every fixture belongs to, and one its actors have nothing to do with. */
export const HOME = 'loc-home';
export const ELSEWHERE = 'loc-elsewhere';

export interface Actor {
  uid: string;
  role: Role;
  locationIds: string[];
}

export const ACTORS = {
  resident: { uid: 'resident-1', role: 'resident', locationIds: [HOME] },
  otherResident: { uid: 'resident-2', role: 'resident', locationIds: [HOME] },
  foreignResident: { uid: 'resident-3', role: 'resident', locationIds: [ELSEWHERE] },
  staff: { uid: 'staff-1', role: 'staff', locationIds: [HOME] },
  otherStaff: { uid: 'staff-2', role: 'staff', locationIds: [HOME] },
  foreignStaff: { uid: 'staff-3', role: 'staff', locationIds: [ELSEWHERE] },
  admin: { uid: 'admin-1', role: 'admin', locationIds: [HOME] },
  foreignAdmin: { uid: 'admin-2', role: 'admin', locationIds: [ELSEWHERE] },
} as const satisfies Record<string, Actor>;

export type ActorName = keyof typeof ACTORS | 'anonymous';

/** How a test names an actor: "staff of another location cannot …". */
export const ACTOR_LABELS: Record<ActorName, string> = {
  resident: 'the resident',
  otherResident: 'another resident',
  foreignResident: 'a resident of another location',
  staff: 'staff',
  otherStaff: 'other staff of the location',
  foreignStaff: 'staff of another location',
  admin: 'the admin',
  foreignAdmin: 'an admin of another location',
  anonymous: 'an unauthenticated visitor',
};

/** Cases for `it.each`: `[label, actorName]`. */
export function actorCases(names: readonly ActorName[]): [string, ActorName][] {
  return names.map((name) => [ACTOR_LABELS[name], name]);
}

export interface RulesHarness {
  env: RulesTestEnvironment;
  /** The client Firestore of an actor; one instance per actor, reused across tests. */
  db(actor: ActorName): Firestore;
  /**
   * A client Firestore for any claims (fuzzing uses ad-hoc actors). `lane` gives the same actor
   * separate instances: a client pipelines its pending writes, and when one is denied the SDK
   * blames the oldest pending write, so writes that must each get their own verdict run one at
   * a time per instance.
   */
  dbFor(actor: Actor | null, lane?: number): Firestore;
  /** Writes documents with the rules off: `{ 'path/to/doc': data }`. */
  seed(docs: Record<string, DocumentData>): Promise<void>;
  clear(): Promise<void>;
  cleanup(): Promise<void>;
}

function isModularFirestore(value: unknown): value is Firestore {
  return typeof value === 'object' && value !== null && 'type' in value && value.type === 'firestore' && 'app' in value;
}

/** The modular Firestore of a test context: the context hands out the compat instance, which wraps it. */
export function modularFirestore(context: RulesTestContext): Firestore {
  const compat: object = context.firestore();
  const modular = '_delegate' in compat ? compat._delegate : undefined;
  if (!isModularFirestore(modular)) throw new Error('the rules test context has no modular Firestore inside its compat instance');
  return modular;
}

/**
 * A test environment on the running emulator with `firestore.rules` loaded for `projectId`.
 * Each rules test file passes its own `demo-sos-rules-*` id, so files run in parallel and never
 * touch `demo-sos` (which has live triggers and the demo data). Its rule coverage goes into the report
 * (tests/rules/coverage-report.ts) unless `coverage` is false.
 */
export async function startRulesHarness(projectId: string, { coverage = true } = {}): Promise<RulesHarness> {
  if (!projectId.startsWith('demo-sos-rules-') || projectId === PROJECT_ID) {
    throw new Error(`rules tests need their own demo-sos-rules-* project id, got ${projectId}`);
  }
  if (coverage) {
    mkdirSync(RULES_COVERAGE_DIR, { recursive: true });
    writeFileSync(join(RULES_COVERAGE_DIR, `${projectId}${PROJECT_ID_SUFFIX}`), '');
  }
  // Every denied write logs a stream warning; the assertions already say what was denied.
  setLogLevel('error');
  const env = await initializeTestEnvironment({
    projectId,
    firestore: { ...hostAndPort(EMULATOR_HOSTS.firestore), rules: readFileSync(RULES_PATH, 'utf8') },
  });
  const instances = new Map<string, Firestore>();
  const dbFor = (actor: Actor | null, lane = 0): Firestore => {
    const key = `${actor ? `${actor.uid}|${actor.role}|${actor.locationIds.join(',')}` : 'anonymous'}#${lane}`;
    let db = instances.get(key);
    if (!db) {
      const context = actor ? env.authenticatedContext(actor.uid, { role: actor.role, locationIds: [...actor.locationIds] }) : env.unauthenticatedContext();
      db = modularFirestore(context);
      instances.set(key, db);
    }
    return db;
  };
  return {
    env,
    dbFor,
    db: (name) => dbFor(name === 'anonymous' ? null : ACTORS[name]),
    seed: (docs) =>
      env.withSecurityRulesDisabled(async (context) => {
        const db = modularFirestore(context);
        const entries = Object.entries(docs);
        for (let i = 0; i < entries.length; i += 400) {
          const batch = writeBatch(db);
          for (const [path, data] of entries.slice(i, i + 400)) batch.set(doc(db, path), data);
          await batch.commit();
        }
      }),
    clear: () => env.clearFirestore(),
    cleanup: () => env.cleanup(),
  };
}
