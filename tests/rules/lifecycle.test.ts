// The request lifecycle's rules, generated from the transition table in @sos/model: for every status change and
// every actor, the rules allow the update exactly when the table has that change for that actor, with its fields.
// A row added to the table without a rule, or a rule without a row, fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { doc, serverTimestamp, updateDoc, type DocumentData } from 'firebase/firestore';
import {
  SOS_STATUSES,
  TRANSITIONS,
  clientTransitionsInto,
  findTransition,
  type SosStatus,
  type Transition,
  type TransitionActor,
  type TransitionFieldKind,
} from '@sos/model';
import { ACTORS, ACTOR_LABELS, HOME, startRulesHarness, type RulesHarness } from '../helpers/rulesEnv';
import { SERVER_FIELDS, storedRequest } from './fixtures';

/** The actors of a request's life, and which side of the table each one is. */
const LIFECYCLE_ACTORS = {
  resident: 'requester',
  staff: 'staff',
  admin: 'staff',
  foreignStaff: null,
  otherResident: null,
} as const satisfies Partial<Record<keyof typeof ACTORS, TransitionActor | null>>;
type LifecycleActor = keyof typeof LIFECYCLE_ACTORS;
const ACTOR_NAMES = Object.keys(LIFECYCLE_ACTORS) as LifecycleActor[];

function fieldValue(kind: TransitionFieldKind, field: string, actor: LifecycleActor): unknown {
  switch (kind) {
    case 'actor-uid':
      return ACTORS[actor].uid;
    case 'actor-name':
      return 'Ivan';
    case 'server-time':
      return serverTimestamp();
    case 'note':
      return 'Done';
    case 'decided':
      return SERVER_FIELDS[field];
  }
}

/** The write of a row as `actor` would make it: the new status and each of the row's fields. */
function rowWrite(row: Pick<Transition, 'to' | 'sets'>, actor: LifecycleActor): DocumentData {
  const fields = Object.entries(row.sets).map(([field, kind]) => [field, fieldValue(kind, field, actor)]);
  return { status: row.to, ...Object.fromEntries(fields) };
}

/**
 * What `actor` writes to move `from → to`: the row's fields when the table has the change; otherwise the fields
 * of a row into `to` (a client's first, as a near miss), or the bare status when nothing leads there.
 */
function attempt(from: SosStatus, to: SosStatus, actor: LifecycleActor): DocumentData {
  const row = findTransition(from, to) ?? clientTransitionsInto(to)[0] ?? TRANSITIONS.find((r) => r.to === to);
  return row ? rowWrite(row, actor) : { status: to };
}

const allows = (from: SosStatus, to: SosStatus, actor: LifecycleActor): boolean => {
  const side = LIFECYCLE_ACTORS[actor];
  return side !== null && findTransition(from, to)?.actor === side;
};

interface Case {
  id: string;
  from: SosStatus;
  to: SosStatus;
  actor: LifecycleActor;
  write: DocumentData;
  allowed: boolean;
  /** How a field case bends the row's write. */
  variant?: string;
}

const pairCases: Case[] = SOS_STATUSES.flatMap((from) =>
  SOS_STATUSES.flatMap((to) =>
    ACTOR_NAMES.map((actor) => ({ id: `${from}-${to}-${actor}`, from, to, actor, write: attempt(from, to, actor), allowed: allows(from, to, actor) })),
  ),
);

/** Each allowed write with one of its row's fields left out, or with a field no row of it writes. */
const fieldCases: Case[] = pairCases
  .filter((c) => c.allowed)
  .flatMap((c) => [
    ...Object.keys(c.write)
      .filter((field) => field !== 'status')
      .map((field) => {
        const write = Object.fromEntries(Object.entries(c.write).filter(([key]) => key !== field));
        return { ...c, id: `${c.id}-without-${field}`, write, allowed: false, variant: `without ${field}` };
      }),
    {
      ...c,
      id: `${c.id}-with-description`,
      write: { ...c.write, description: 'changed on the way' },
      allowed: false,
      variant: 'changing the description too',
    },
  ]);

let h: RulesHarness;
beforeAll(async () => {
  h = await startRulesHarness('demo-sos-rules-lifecycle');
  await h.clear();
  const cases = [...pairCases, ...fieldCases];
  await h.seed(Object.fromEntries(cases.map((c) => [`sosRequests/${c.id}`, storedRequest(c.from)])));
  // A claim carries the claimer's roster name (the rules compare them).
  await h.seed(
    Object.fromEntries(ACTOR_NAMES.map((actor) => [`locations/${HOME}/staff/${ACTORS[actor].uid}`, { name: 'Ivan', phone: '', onDuty: true, tier: 1 }])),
  );
});
afterAll(() => h.cleanup());

const label = (c: Case) => `${ACTOR_LABELS[c.actor]} ${c.allowed ? 'may' : 'may not'} move ${c.from} → ${c.to}${c.variant ? ` ${c.variant}` : ''}`;

async function check(c: Case): Promise<void> {
  const write = updateDoc(doc(h.db(c.actor), 'sosRequests', c.id), c.write);
  await (c.allowed ? assertSucceeds(write) : assertFails(write));
}

describe('the lifecycle table is the rules', () => {
  it.each(pairCases.map((c) => [label(c), c] as const))('%s', async (_label, c) => {
    await check(c);
  });
});

describe('a transition writes exactly its row’s fields', () => {
  it.each(fieldCases.map((c) => [label(c), c] as const))('%s', async (_label, c) => {
    await check(c);
  });
});

describe('the generated cases cover the table', () => {
  it('every client row is tried by an actor it allows, every backend row by none', () => {
    const allowedFor = (row: Transition) => pairCases.filter((c) => c.from === row.from && c.to === row.to && c.allowed).map((c) => c.actor);
    for (const row of TRANSITIONS) {
      if (row.actor === 'function') expect(allowedFor(row)).toEqual([]);
      else expect(allowedFor(row).length).toBeGreaterThan(0);
    }
  });
});
