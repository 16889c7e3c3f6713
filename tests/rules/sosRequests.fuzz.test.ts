// Seeded fuzzing of sosRequests writes: the rules' verdict on each generated payload must match a model
// of the contract: creates as PRODUCT.md "Data contract" says, updates as the lifecycle table in @sos/model says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Timestamp, deleteField, doc, serverTimestamp, setDoc, updateDoc, type DocumentData, type Firestore } from 'firebase/firestore';
import {
  FORM_KINDS,
  MAX_ACK_BY_NAME_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  MAX_RESOLUTION_LENGTH,
  SOS_KINDS,
  SOS_REQUEST_CLIENT_FIELDS,
  SOS_SOURCES,
  SOS_STATUSES,
  TRANSITIONS,
  clientTransitionsInto,
  isSosKind,
  kindFitsSource,
  transitionFields,
  type SosSource,
  type SosStatus,
  type TransitionFieldKind,
} from '@sos/model';
import { ACTORS, ELSEWHERE, HOME, startRulesHarness, type Actor, type RulesHarness } from '../helpers/rulesEnv';
import { SERVER_FIELDS, storedRequest } from './fixtures';

const SEED = 42;
const CREATE_RUNS = 1000;
const UPDATE_RUNS = 600;
const LANES = 4;

let h: RulesHarness;
beforeAll(async () => {
  // No coverage report: 1600 random documents made it 400 MB, most of the suite's time, for rules the
  // example-based files (sosRequests, lifecycle) already cover and report.
  h = await startRulesHarness('demo-sos-rules-requests-fuzz', { coverage: false });
  await h.clear();
});
afterAll(() => h.cleanup());

// ---- the model: what the contract allows, written from PRODUCT.md, not from the rules ----

/** The one sentinel every generated "server time" uses, so the model can recognise it. */
const SERVER_TIME = serverTimestamp();
const DELETE = deleteField();
/** Ids (objects, requests, QR tokens) are short, non-empty strings. */
const ID_MAX = 128;

type Payload = Record<string, unknown>;

const isId = (v: unknown): boolean => typeof v === 'string' && v.length > 0 && v.length <= ID_MAX;
const isPlainMap = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};
const inRange = (v: unknown, min: number, max: number): boolean => typeof v === 'number' && v >= min && v <= max;

function isGeo(v: unknown): boolean {
  if (!isPlainMap(v)) return false;
  const keys = Object.keys(v).sort();
  return keys.join() === 'accuracy,lat,lng' && inRange(v.lat, -90, 90) && inRange(v.lng, -180, 180) && inRange(v.accuracy, 0, Number.POSITIVE_INFINITY);
}

/** The resident's fields at create; `kind` (an older app), `silent`, `qrToken` and `geo` may be left out. */
const OPTIONAL_ON_CREATE = ['kind', 'silent', 'qrToken', 'geo'] as const;
type RequiredOnCreate = Exclude<(typeof SOS_REQUEST_CLIENT_FIELDS)[number], (typeof OPTIONAL_ON_CREATE)[number]>;
const isRequiredOnCreate = (field: string): field is RequiredOnCreate => !(OPTIONAL_ON_CREATE as readonly string[]).includes(field);
const REQUIRED_ON_CREATE = SOS_REQUEST_CLIENT_FIELDS.filter(isRequiredOnCreate);

/**
 * Signed-in users create requests only in their own name, for a location they belong to, with
 * exactly the resident's fields, status `new` and `createdAt` = server time. A form needs an
 * object and a description; a qr request needs an object and the scanned token. The kind fits the
 * source, and only a one-tap call may be silent.
 */
function contractAllowsCreate(p: Payload, actor: Actor | null, requestId: string): boolean {
  if (!actor) return false;
  const clientFields: readonly string[] = SOS_REQUEST_CLIENT_FIELDS;
  if (!Object.keys(p).every((k) => clientFields.includes(k))) return false;
  if (!REQUIRED_ON_CREATE.every((k) => k in p)) return false;
  if (p.uid !== actor.uid) return false;
  if (typeof p.locationId !== 'string' || !actor.locationIds.includes(p.locationId)) return false;
  if (p.status !== 'new' || p.createdAt !== SERVER_TIME) return false;
  const source = p.source;
  if (!(SOS_SOURCES as readonly unknown[]).includes(source)) return false;
  if ('kind' in p && !(isSosKind(p.kind) && kindFitsSource(p.kind, source as SosSource))) return false;
  if ('silent' in p && !(source === 'emergency' && typeof p.silent === 'boolean')) return false;
  if (p.objectId !== null && !isId(p.objectId)) return false;
  if (source !== 'emergency' && p.objectId === null) return false;
  const description = p.description;
  if (description !== null && !(typeof description === 'string' && description.length <= MAX_DESCRIPTION_LENGTH)) {
    return false;
  }
  if (source === 'form' && !(typeof description === 'string' && description.trim() !== '')) return false;
  if (p.repeatOf !== null && (!isId(p.repeatOf) || p.repeatOf === requestId)) return false;
  const qrToken = 'qrToken' in p ? p.qrToken : null;
  if (source === 'qr' ? !isId(qrToken) : qrToken !== null) return false;
  if ('geo' in p && !isGeo(p.geo)) return false;
  return true;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === SERVER_TIME || b === SERVER_TIME) return false; // a new server time differs from anything stored
  if (a instanceof Timestamp || b instanceof Timestamp) {
    return a instanceof Timestamp && b instanceof Timestamp && a.isEqual(b);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  if (isPlainMap(a) || isPlainMap(b)) {
    if (!isPlainMap(a) || !isPlainMap(b)) return false;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => k in a && k in b && sameValue(a[k], b[k]));
  }
  return a === b;
}

function applyPatch(before: Payload, patch: Payload): Payload {
  const after: Payload = { ...before };
  for (const [k, v] of Object.entries(patch)) {
    if (v === DELETE) delete after[k];
    else after[k] = v;
  }
  return after;
}

/** Whether a field written by a transition holds what its kind in the lifecycle table requires. */
function fieldHolds(kind: TransitionFieldKind, value: unknown, actor: Actor): boolean {
  switch (kind) {
    case 'actor-uid':
      return value === actor.uid;
    case 'server-time':
      return value === SERVER_TIME;
    case 'actor-name':
      return typeof value === 'string' && value.length > 0 && value.length <= MAX_ACK_BY_NAME_LENGTH && value === rosterNameOf(actor.uid);
    case 'note':
      return typeof value === 'string' && value.length <= MAX_RESOLUTION_LENGTH;
    case 'decided':
      return false;
  }
}

/**
 * The lifecycle table decides: a client row for this status change, taken by its actor (the requester; staff or
 * admins of the request's location), touching only the row's fields, each holding what its kind requires.
 */
function contractAllowsUpdate(before: Payload, patch: Payload, actor: Actor | null): boolean {
  if (!actor) return false;
  const after = applyPatch(before, patch);
  const row = TRANSITIONS.find((r) => r.from === before.status && r.to === after.status);
  if (!row || row.actor === 'function') return false;
  const locationSide =
    (actor.role === 'staff' || actor.role === 'admin') && typeof before.locationId === 'string' && actor.locationIds.includes(before.locationId);
  if (row.actor === 'requester' ? actor.uid !== before.uid : !locationSide) return false;
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changed = [...keys].filter((k) => !(k in before && k in after && sameValue(before[k], after[k])));
  const fields: readonly string[] = transitionFields(row);
  if (!changed.every((k) => fields.includes(k))) return false;
  return Object.entries(row.sets).every(([field, kind]) => fieldHolds(kind, after[field], actor));
}

// ---- the generators ----

const FUZZ_ACTORS: Record<string, Actor | null> = {
  resident: ACTORS.resident,
  otherResident: ACTORS.otherResident,
  foreignResident: ACTORS.foreignResident,
  multiResident: { uid: 'resident-multi', role: 'resident', locationIds: [HOME, ELSEWHERE] },
  homelessResident: { uid: 'resident-none', role: 'resident', locationIds: [] },
  staff: ACTORS.staff,
  otherStaff: ACTORS.otherStaff,
  foreignStaff: ACTORS.foreignStaff,
  admin: ACTORS.admin,
  foreignAdmin: ACTORS.foreignAdmin,
  anonymous: null,
};
const actorOf = (name: string): Actor | null => FUZZ_ACTORS[name] ?? null;
const uidOf = (name: string): string => actorOf(name)?.uid ?? 'nobody';
/** Each actor's roster name at the location (`locations/{id}/staff/{uid}.name`): the only name their claim may carry. */
function rosterNameOf(uid: string): string {
  return `Name of ${uid}`;
}
const ALL_UIDS = [...Object.keys(FUZZ_ACTORS).map(uidOf), 'demo-resident', ''];

/** Replaced by the request's own id when the payload is written. */
const SELF = '<self>';

const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,30}$/);
const badId = fc.oneof(fc.constant(''), fc.string({ minLength: ID_MAX + 1, maxLength: ID_MAX + 8 }));
const shortText = fc.string({ maxLength: 40 });
const nearLimit = (max: number) => fc.string({ minLength: max - 3, maxLength: max });
const overLimit = (max: number) => fc.string({ minLength: max + 1, maxLength: max + 5 });
const blank = fc.stringMatching(/^[ \t\n]{0,6}$/);
const nonBlank = shortText.filter((s) => s.trim() !== '');
const clientTime = fc.integer({ min: -86_400_000, max: 86_400_000 }).map((offset) => Timestamp.fromMillis(Date.now() + offset));
const wrongTime = fc.oneof(
  clientTime,
  fc.date({ min: new Date(2000, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true }),
  fc.constant(new Date().toISOString()),
  fc.integer(),
  fc.constant(null),
);
const geo = fc.record({
  lat: fc.double({ min: -90, max: 90, noNaN: true }),
  lng: fc.double({ min: -180, max: 180, noNaN: true }),
  accuracy: fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 5000, noNaN: true })),
});
const badGeo = fc.oneof(
  geo.map((g) => ({ ...g, lat: g.lat + 180.5 })),
  geo.map((g) => ({ ...g, lat: g.lat - 180.5 })),
  geo.map((g) => ({ ...g, lng: g.lng + 360.5 })),
  geo.map((g) => ({ ...g, lng: g.lng - 360.5 })),
  geo.map((g) => ({ ...g, accuracy: -1 - g.accuracy })),
  geo.map((g) => ({ ...g, altitude: 100 })),
  geo.map(({ lat, lng }) => ({ lat, lng })),
  geo.map((g) => ({ ...g, lat: String(g.lat) })),
  fc.constant({ lat: Number.NaN, lng: 0, accuracy: 1 }),
  fc.constant([58, 56]),
);
/** Anything a client could put in a field: every Firestore type, valid or not for the field. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  shortText,
  id,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(shortText, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('a', 'x', 'lat', 'url', 'name'), fc.oneof(shortText, fc.integer()), { maxKeys: 3 }),
  clientTime,
  fc.constant(SERVER_TIME),
  fc.constantFrom(...SOS_STATUSES, ...SOS_SOURCES, ...SOS_KINDS),
);
const extraField = fc.oneof(
  fc.constantFrom('priority', 'Status', 'createdBy', 'role', 'locationIds', 'requestId', 'id'),
  fc.stringMatching(/^[a-z][a-zA-Z]{0,11}$/),
);
const anyField = fc.oneof(fc.constantFrom(...SOS_REQUEST_CLIENT_FIELDS), fc.constantFrom(...Object.keys(SERVER_FIELDS)), extraField);

/** A payload the resident's app could legitimately send, for `actorName`. */
const validCreate = (actorName: string) => {
  const actor = actorOf(actorName);
  const locations = actor?.locationIds.length ? actor.locationIds : [HOME];
  const common = {
    uid: fc.constant(uidOf(actorName)),
    locationId: fc.constantFrom(...locations),
    repeatOf: fc.option(id, { nil: null }),
    status: fc.constant('new'),
    createdAt: fc.constant(SERVER_TIME),
    geo: geo,
  };
  const optional = { requiredKeys: REQUIRED_ON_CREATE };
  return fc.oneof(
    fc.record(
      {
        ...common,
        source: fc.constant('emergency'),
        kind: fc.constant('emergency'),
        silent: fc.boolean(),
        objectId: fc.option(id, { nil: null, freq: 3 }),
        description: fc.option(fc.oneof(shortText, nearLimit(MAX_DESCRIPTION_LENGTH)), { nil: null }),
        qrToken: fc.constant(null),
      },
      optional,
    ),
    fc.record(
      {
        ...common,
        source: fc.constant('form'),
        kind: fc.constantFrom(...FORM_KINDS),
        objectId: id,
        description: fc.oneof(
          nonBlank,
          nearLimit(MAX_DESCRIPTION_LENGTH).filter((s) => s.trim() !== ''),
        ),
        qrToken: fc.constant(null),
      },
      optional,
    ),
    fc.record(
      {
        ...common,
        source: fc.constant('qr'),
        kind: fc.constantFrom(...FORM_KINDS),
        objectId: id,
        description: fc.option(shortText, { nil: null }),
        qrToken: id,
      },
      { requiredKeys: [...optional.requiredKeys, 'qrToken'] },
    ),
  );
};

/** Set or remove one field, or replace every server-time stamp in the payload with a client value. */
type Mutation = { set: string; to: unknown } | { remove: string } | { restamp: unknown };

const createMutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ set: anyField, to: anyValue }) },
  { weight: 2, arbitrary: fc.record({ remove: fc.constantFrom(...SOS_REQUEST_CLIENT_FIELDS) }) },
  { weight: 2, arbitrary: fc.record({ set: fc.constantFrom(...Object.keys(SERVER_FIELDS)), to: anyValue }) },
  { weight: 2, arbitrary: fc.record({ set: fc.constant('uid'), to: fc.constantFrom(...ALL_UIDS) }) },
  { weight: 2, arbitrary: fc.record({ set: fc.constant('locationId'), to: fc.constantFrom(HOME, ELSEWHERE, 'loc-unknown', '') }) },
  { weight: 2, arbitrary: fc.record({ set: fc.constant('status'), to: fc.constantFrom(...SOS_STATUSES, 'NEW', '') }) },
  { weight: 2, arbitrary: fc.record({ restamp: wrongTime }) },
  {
    weight: 2,
    arbitrary: fc.record({
      set: fc.constant('description'),
      to: fc.oneof(overLimit(MAX_DESCRIPTION_LENGTH), nearLimit(MAX_DESCRIPTION_LENGTH), blank, fc.constant(null)),
    }),
  },
  { weight: 1, arbitrary: fc.record({ set: fc.constant('source'), to: fc.constantFrom(...SOS_SOURCES, 'sms', '') }) },
  { weight: 2, arbitrary: fc.record({ set: fc.constant('kind'), to: fc.constantFrom(...SOS_KINDS, 'flood', 'Fire', '', null) }) },
  { weight: 1, arbitrary: fc.record({ set: fc.constant('silent'), to: fc.constantFrom(true, false, 'true', 1, null) }) },
  { weight: 1, arbitrary: fc.record({ set: fc.constantFrom('objectId', 'repeatOf', 'qrToken'), to: fc.oneof(badId, id, fc.constant(null)) }) },
  { weight: 1, arbitrary: fc.record({ set: fc.constant('repeatOf'), to: fc.constant(SELF) }) },
  { weight: 1, arbitrary: fc.record({ remove: fc.constant('qrToken') }) },
  { weight: 1, arbitrary: fc.record({ set: fc.constant('geo'), to: fc.oneof(badGeo, geo, fc.constant(null)) }) },
);

function mutate(base: Payload, mutations: Mutation[]): Payload {
  const payload = { ...base };
  for (const m of mutations) {
    if ('remove' in m) delete payload[m.remove];
    else if ('restamp' in m) {
      for (const [k, v] of Object.entries(payload)) if (v === SERVER_TIME) payload[k] = m.restamp;
    } else payload[m.set] = m.to;
  }
  return payload;
}

/** Some cases stay valid; the rest get one to three mutations. */
const mutations = (mutation: fc.Arbitrary<Mutation>, untouched = 2, mutated = 3) =>
  fc.oneof({ weight: untouched, arbitrary: fc.constant<Mutation[]>([]) }, { weight: mutated, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) });

const createCase = fc
  .constantFrom(...Object.keys(FUZZ_ACTORS))
  .chain((actorName) => fc.record({ actorName: fc.constant(actorName), base: validCreate(actorName), mutations: mutations(createMutation) }));

const CLIENT_ROWS = TRANSITIONS.filter((row) => row.actor !== 'function');
/** The fields client transitions write, by what they hold. */
const fieldsOfKind = (kind: TransitionFieldKind): string[] => [
  ...new Set(CLIENT_ROWS.flatMap((row) => Object.keys(row.sets).filter((field) => row.sets[field as keyof typeof row.sets] === kind))),
];

/** A value of the kind as the one taking the step (`uid`) would write it. */
function fieldValue(kind: TransitionFieldKind, uid: string): fc.Arbitrary<unknown> {
  switch (kind) {
    case 'actor-uid':
      return fc.constant(uid);
    case 'server-time':
      return fc.constant(SERVER_TIME);
    case 'actor-name':
      return fc.oneof({ weight: 4, arbitrary: fc.constant(rosterNameOf(uid)) }, nonBlank, nearLimit(MAX_ACK_BY_NAME_LENGTH));
    case 'note':
      return fc.oneof(shortText, nearLimit(MAX_RESOLUTION_LENGTH));
    case 'decided':
      return anyValue;
  }
}

/** A step: into a status a client may reach (written as the lifecycle row into it writes it), or any bare status. */
type Step = SosStatus | 'anyStatus';
const STEPS: Step[] = [...new Set(CLIENT_ROWS.map((row) => row.to)), 'anyStatus'];
function stepWrite(step: Step, uid: string): fc.Arbitrary<Payload> {
  const [row] = step === 'anyStatus' ? [] : clientTransitionsInto(step);
  if (!row) return fc.record({ status: fc.constantFrom(...SOS_STATUSES) });
  const fields = Object.fromEntries(Object.entries(row.sets).map(([field, kind]) => [field, fieldValue(kind, uid)]));
  return fc.record({ status: fc.constant<unknown>(step), ...fields });
}
const LOCATION_SIDE = ['staff', 'otherStaff', 'admin'];
/** Who the lifecycle lets take which step from which state: the near misses are built from these. */
const ENTITLED: { step: Step; from: SosStatus[]; by: string[] }[] = CLIENT_ROWS.map((row) => ({
  step: row.to,
  from: [row.from],
  by: row.actor === 'requester' ? ['resident'] : LOCATION_SIDE,
}));

const updateMutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ set: anyField, to: anyValue }) },
  { weight: 2, arbitrary: fc.record({ set: anyField, to: fc.constant(DELETE) }) },
  { weight: 2, arbitrary: fc.record({ set: fc.constantFrom(...fieldsOfKind('actor-uid'), 'uid'), to: fc.constantFrom(...ALL_UIDS) }) },
  { weight: 2, arbitrary: fc.record({ set: fc.constantFrom(...fieldsOfKind('server-time')), to: wrongTime }) },
  { weight: 2, arbitrary: fc.record({ restamp: wrongTime }) },
  {
    weight: 2,
    arbitrary: fc.record({
      set: fc.constantFrom(...fieldsOfKind('actor-name')),
      to: fc.oneof(fc.constant(''), overLimit(MAX_ACK_BY_NAME_LENGTH), fc.integer()),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ set: fc.constantFrom(...fieldsOfKind('note')), to: fc.oneof(overLimit(MAX_RESOLUTION_LENGTH), fc.integer(), fc.constant(null)) }),
  },
  { weight: 2, arbitrary: fc.record({ remove: fc.constantFrom(...CLIENT_ROWS.flatMap((row) => Object.keys(row.sets))) }) },
);

const updateCase = fc
  .oneof(
    {
      weight: 3,
      arbitrary: fc
        .constantFrom(...ENTITLED)
        .chain(({ step, from, by }) => fc.record({ state: fc.constantFrom(...from), actorName: fc.constantFrom(...by), step: fc.constant(step) })),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        state: fc.constantFrom(...SOS_STATUSES),
        actorName: fc.constantFrom(...Object.keys(FUZZ_ACTORS)),
        step: fc.constantFrom(...STEPS),
      }),
    },
  )
  .chain(({ state, actorName, step }) =>
    fc.record({
      state: fc.constant(state),
      actorName: fc.constant(actorName),
      claimedBy: fc.constantFrom(ACTORS.staff.uid, ACTORS.otherStaff.uid),
      patch: fc.tuple(stepWrite(step, uidOf(actorName)), mutations(updateMutation, 1, 1)).map(([p, m]) => mutate(p, m)),
    }),
  );

// ---- running generated cases against the emulator ----

type Verdict = 'allowed' | 'denied';

async function verdictOf(write: Promise<unknown>): Promise<Verdict> {
  try {
    await write;
    return 'allowed';
  } catch (error) {
    if ((error as { code?: string }).code === 'permission-denied') return 'denied';
    throw error;
  }
}

/**
 * Runs every case, `LANES` lanes per actor in parallel and one write at a time in each lane,
 * so each write gets its own verdict (see `dbFor`).
 */
async function inLanes<T extends { actorName: string }, R>(items: T[], run: (item: T, index: number, db: Firestore) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  const lanes = new Map<string, number[]>();
  items.forEach((item, index) => {
    const lane = `${item.actorName}#${index % LANES}`;
    lanes.set(lane, [...(lanes.get(lane) ?? []), index]);
  });
  await Promise.all(
    [...lanes.values()].map(async (indexes) => {
      for (const index of indexes) {
        const item = items[index] as T;
        results[index] = await run(item, index, h.dbFor(actorOf(item.actorName), index % LANES));
      }
    }),
  );
  return results;
}

/** Readable in a failure message: sentinels named, long strings shortened. */
function show(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, serialised: unknown) {
    const v = key === '' ? serialised : this[key]; // the raw value, before Timestamp's toJSON
    if (v === SERVER_TIME) return '<serverTimestamp>';
    if (v === DELETE) return '<deleteField>';
    if (v instanceof Timestamp) return `<Timestamp ${v.toDate().toISOString()}>`;
    if (v instanceof Date) return `<Date ${v.toISOString()}>`;
    if (typeof v === 'string' && v.length > 60) return `<string of ${v.length}: ${v.slice(0, 20)}…>`;
    if (typeof v === 'number' && !Number.isFinite(v)) return `<${v}>`;
    return v;
  });
}

interface Outcome {
  expected: Verdict;
  actual: Verdict;
  detail: string;
}

function summarise(outcomes: Outcome[]) {
  const mismatches = outcomes.filter((o) => o.expected !== o.actual).map((o) => `expected ${o.expected}, rules ${o.actual}: ${o.detail}`);
  return {
    allowed: outcomes.filter((o) => o.expected === 'allowed').length,
    denied: outcomes.filter((o) => o.expected === 'denied').length,
    mismatches,
  };
}

describe('fuzzing sosRequests', () => {
  it(`decides ${CREATE_RUNS} generated create payloads exactly as the contract does`, async () => {
    const cases = fc.sample(createCase, { seed: SEED, numRuns: CREATE_RUNS });
    const outcomes = await inLanes(cases, async ({ actorName, base, mutations }, index, db) => {
      const requestId = `fuzz-create-${index}`;
      const payload = mutate(base, mutations);
      if (payload.repeatOf === SELF) payload.repeatOf = requestId;
      const expected: Verdict = contractAllowsCreate(payload, actorOf(actorName), requestId) ? 'allowed' : 'denied';
      const actual = await verdictOf(setDoc(doc(db, 'sosRequests', requestId), payload as DocumentData));
      return { expected, actual, detail: `${actorName} creates ${requestId} ${show(payload)}` };
    });
    const { allowed, denied, mismatches } = summarise(outcomes);
    expect(mismatches.slice(0, 10)).toEqual([]);
    // Both sides of the contract are exercised, not just the easy one.
    expect(allowed).toBeGreaterThan(CREATE_RUNS / 5);
    expect(denied).toBeGreaterThan(CREATE_RUNS / 3);
  }, 60_000);

  it(`decides ${UPDATE_RUNS} generated updates by staff, the requester and outsiders exactly as the contract does`, async () => {
    const cases = fc.sample(updateCase, { seed: SEED, numRuns: UPDATE_RUNS });
    const stored = cases.map(({ state, claimedBy }) =>
      storedRequest(state, state === 'acknowledged' || state === 'on_site' || state === 'resolved' ? { ackBy: claimedBy } : {}),
    );
    await h.seed(Object.fromEntries(stored.map((data, index) => [`sosRequests/fuzz-update-${index}`, data])));
    await h.seed(
      Object.fromEntries(
        Object.values(FUZZ_ACTORS).flatMap((actor) =>
          actor ? [[`locations/${HOME}/staff/${actor.uid}`, { name: rosterNameOf(actor.uid), phone: '', onDuty: true, tier: 1 }]] : [],
        ),
      ),
    );

    const outcomes = await inLanes(cases, async ({ actorName, patch }, index, db) => {
      const requestId = `fuzz-update-${index}`;
      const before = stored[index] ?? {};
      const write = Object.keys(patch).length > 0 ? patch : { status: before.status };
      const expected: Verdict = contractAllowsUpdate(before, write, actorOf(actorName)) ? 'allowed' : 'denied';
      const actual = await verdictOf(updateDoc(doc(db, 'sosRequests', requestId), write));
      return { expected, actual, detail: `${actorName} updates a ${String(before.status)} request: ${show(write)}` };
    });
    const { allowed, denied, mismatches } = summarise(outcomes);
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(allowed).toBeGreaterThan(UPDATE_RUNS / 10);
    expect(denied).toBeGreaterThan(UPDATE_RUNS / 3);
  }, 60_000);
});
