// Shifts and duty overrides: the location's staff and admins read them, only its admins write them, for people on its
// roster, within the bounds of the model's validators; a staff member ends or starts only their own duty.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
  Timestamp,
  addDoc,
  collection,
  deleteDoc,
  deleteField,
  doc,
  getDoc,
  getDocs,
  serverTimestamp,
  setDoc,
  updateDoc,
  type DocumentData,
  type Firestore,
} from 'firebase/firestore';
import { shiftPaths, paths } from '@sos/model';
import { ACTORS, ELSEWHERE, HOME, actorCases, modularFirestore, startRulesHarness, type ActorName, type RulesHarness } from '../helpers/rulesEnv';

let h: RulesHarness;
/** Signed in anonymously at a QR code: no claims. */
let visitor: Firestore;
beforeAll(async () => {
  h = await startRulesHarness('demo-sos-rules-shifts');
  visitor = modularFirestore(h.env.authenticatedContext('visitor-1', { firebase: { sign_in_provider: 'anonymous', identities: {} } }));
});
afterAll(() => h.cleanup());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SHIFT_PATH = shiftPaths.shift(HOME, 'ivan-nights');
const OVERRIDE_PATH = shiftPaths.override(HOME, 'ivan-leave');
const STAFF = ACTORS.staff.uid;
const OTHER_STAFF = ACTORS.otherStaff.uid;
const ADMIN = ACTORS.admin.uid;

const shift = (overrides: DocumentData = {}): DocumentData => ({ uid: STAFF, tier: 1, days: [1, 2, 3], start: '20:00', minutes: 720, ...overrides });
const START = Timestamp.fromMillis(Date.UTC(2026, 0, 5, 8));
const later = (millis: number) => Timestamp.fromMillis(START.toMillis() + millis);
const override = (overrides: DocumentData = {}): DocumentData => ({
  uid: STAFF,
  action: 'off',
  start: START,
  end: later(7 * DAY),
  createdBy: ADMIN,
  ...overrides,
});
const rosterEntry = (name: string, tier: 1 | 2 = 1): DocumentData => ({ name, phone: '', onDuty: false, tier });

beforeEach(async () => {
  await h.clear();
  await h.seed({
    [paths.location(HOME)]: { name: 'Business centre', staffPhone: '+73422580078', responseMinutes: 10, ackSeconds: 60, timezone: 'Europe/Berlin' },
    [paths.staffMember(HOME, STAFF)]: rosterEntry('Ivan'),
    [paths.staffMember(HOME, OTHER_STAFF)]: rosterEntry('Pyotr', 2),
    [paths.staffMember(HOME, ADMIN)]: rosterEntry('Olga'),
    // Staff of another location, named here by mistake: not on this roster.
    [paths.staffMember(ELSEWHERE, ACTORS.foreignStaff.uid)]: rosterEntry('Boris'),
    [SHIFT_PATH]: shift(),
    [OVERRIDE_PATH]: override(),
  });
});

const db = (actor: ActorName | 'visitor'): Firestore => (actor === 'visitor' ? visitor : h.db(actor));
const ref = (actor: ActorName | 'visitor', path: string) => doc(db(actor), path);

/** A document as saved, read with the rules off. */
async function stored(path: string): Promise<DocumentData | undefined> {
  let data: DocumentData | undefined;
  await h.env.withSecurityRulesDisabled(async (context) => {
    data = (await getDoc(doc(modularFirestore(context), path))).data();
  });
  return data;
}

type Someone = ActorName | 'visitor';
const cases = (names: Someone[]): [string, Someone][] => [
  ...actorCases(names.filter((name): name is ActorName => name !== 'visitor')),
  ...(names.includes('visitor') ? [['a visitor at a QR code', 'visitor'] as [string, Someone]] : []),
];
const READERS = cases(['staff', 'otherStaff', 'admin']);
const NOT_READERS = cases(['resident', 'foreignResident', 'foreignStaff', 'foreignAdmin', 'anonymous', 'visitor']);
const NOT_ITS_ADMIN = cases(['staff', 'otherStaff', 'resident', 'foreignResident', 'foreignStaff', 'foreignAdmin', 'anonymous', 'visitor']);

describe('weekly shifts', () => {
  it.each(READERS)('%s reads every shift of the location', async (_label, actor) => {
    await assertSucceeds(getDocs(collection(db(actor), shiftPaths.shifts(HOME))));
    await assertSucceeds(getDoc(ref(actor, SHIFT_PATH)));
  });

  it.each(NOT_READERS)('%s cannot read the shifts', async (_label, actor) => {
    await assertFails(getDocs(collection(db(actor), shiftPaths.shifts(HOME))));
    await assertFails(getDoc(ref(actor, SHIFT_PATH)));
  });

  it('the admin adds a shift, open-ended or between two dates, for staff, an admin or themselves', async () => {
    await assertSucceeds(setDoc(ref('admin', shiftPaths.shift(HOME, 'days')), shift({ uid: OTHER_STAFF, tier: 2, start: '08:00', minutes: 1440 })));
    await assertSucceeds(setDoc(ref('admin', shiftPaths.shift(HOME, 'winter')), shift({ from: '2026-12-01', until: '2027-02-28' })));
    await assertSucceeds(setDoc(ref('admin', shiftPaths.shift(HOME, 'one-day')), shift({ uid: ADMIN, days: [7], from: '2028-02-29', until: '2028-02-29' })));
    await assertSucceeds(setDoc(ref('admin', shiftPaths.shift(HOME, 'nulls')), shift({ start: '00:00', minutes: 1, from: null, until: null })));
    await assertSucceeds(addDoc(collection(db('admin'), shiftPaths.shifts(HOME)), shift({ days: [1, 2, 3, 4, 5, 6, 7], start: '23:59' })));
  });

  it('the admin moves a shift and deletes it', async () => {
    await assertSucceeds(updateDoc(ref('admin', SHIFT_PATH), { start: '21:00', days: [4, 5] }));
    await assertSucceeds(deleteDoc(ref('admin', SHIFT_PATH)));
  });

  it.each(NOT_ITS_ADMIN)('%s cannot add, change or delete a shift', async (_label, actor) => {
    await assertFails(setDoc(ref(actor, shiftPaths.shift(HOME, 'new')), shift()));
    await assertFails(updateDoc(ref(actor, SHIFT_PATH), { minutes: 60 }));
    await assertFails(deleteDoc(ref(actor, SHIFT_PATH)));
  });

  it.each([
    ['a person with no roster entry here (a resident)', { uid: ACTORS.resident.uid }],
    ['staff of another location', { uid: ACTORS.foreignStaff.uid }],
    ['nobody', { uid: '' }],
    ['a tier other than 1 or 2', { tier: 3 }],
    ['no days', { days: [] }],
    ['day 0', { days: [0] }],
    ['day 8', { days: [1, 8] }],
    ['a day twice', { days: [1, 1] }],
    ['days that are not a list', { days: 1 }],
    ['a start of 24:00', { start: '24:00' }],
    ['a start of 8:00 (not zero-padded)', { start: '8:00' }],
    ['a start of 12:60', { start: '12:60' }],
    ['a start that is not text', { start: 800 }],
    ['a length of 0 minutes', { minutes: 0 }],
    ['a length of 1441 minutes', { minutes: 1441 }],
    ['a fractional length', { minutes: 90.5 }],
    ['a malformed from', { from: '2026-1-5' }],
    ['a from that is not text', { from: 20260105 }],
    ['a day that does not exist (30 February)', { until: '2026-02-30' }],
    ['31 April', { from: '2026-04-31' }],
    ['29 February of a year that is not leap', { from: '2100-02-29' }],
    ['an until before its from', { from: '2026-03-10', until: '2026-03-09' }],
    ['a field the contract does not know', { note: 'nights' }],
  ])('the admin cannot save a shift with %s, and the saved shift stays as it was', async (_label, change) => {
    await assertFails(setDoc(ref('admin', shiftPaths.shift(HOME, 'bad')), shift(change)));
    await assertFails(setDoc(ref('admin', SHIFT_PATH), shift(change)));
    expect(await stored(SHIFT_PATH)).toEqual(shift());
  });

  it('the admin cannot save a shift without a length', async () => {
    const withoutLength = shift();
    delete withoutLength.minutes;
    await assertFails(setDoc(ref('admin', shiftPaths.shift(HOME, 'bad')), withoutLength));
  });
});

describe('duty overrides', () => {
  it.each(READERS)('%s reads every override of the location', async (_label, actor) => {
    await assertSucceeds(getDocs(collection(db(actor), shiftPaths.overrides(HOME))));
    await assertSucceeds(getDoc(ref(actor, OVERRIDE_PATH)));
  });

  it.each(NOT_READERS)('%s cannot read the overrides', async (_label, actor) => {
    await assertFails(getDocs(collection(db(actor), shiftPaths.overrides(HOME))));
    await assertFails(getDoc(ref(actor, OVERRIDE_PATH)));
  });

  it('the admin puts someone on, takes someone off (from the past on), swaps two people, for up to 90 days', async () => {
    const path = (id: string) => shiftPaths.override(HOME, id);
    await assertSucceeds(setDoc(ref('admin', path('on')), override({ uid: OTHER_STAFF, action: 'on', end: later(8 * HOUR) })));
    await assertSucceeds(
      setDoc(ref('admin', path('sick')), override({ start: Timestamp.fromMillis(Date.now() - DAY), end: Timestamp.fromMillis(Date.now() + DAY) })),
    );
    await assertSucceeds(setDoc(ref('admin', path('swap')), override({ action: 'swap', withUid: OTHER_STAFF, end: later(90 * DAY) })));
  });

  it('the admin shortens an override, becoming its writer, and deletes it', async () => {
    await assertSucceeds(updateDoc(ref('admin', OVERRIDE_PATH), { end: later(DAY), createdBy: ADMIN }));
    await assertSucceeds(deleteDoc(ref('admin', OVERRIDE_PATH)));
  });

  it.each(NOT_ITS_ADMIN)('%s cannot add, change or delete an override', async (_label, actor) => {
    await assertFails(setDoc(ref(actor, shiftPaths.override(HOME, 'new')), override({ createdBy: ACTORS[actor as keyof typeof ACTORS]?.uid ?? 'x' })));
    await assertFails(updateDoc(ref(actor, OVERRIDE_PATH), { end: later(DAY) }));
    await assertFails(deleteDoc(ref(actor, OVERRIDE_PATH)));
  });

  it("staff cannot take themselves off duty with an override, nor cancel the admin's", async () => {
    await assertFails(setDoc(ref('staff', shiftPaths.override(HOME, 'mine')), override({ createdBy: STAFF })));
    await assertFails(deleteDoc(ref('staff', OVERRIDE_PATH)));
  });

  it.each([
    ['a person with no roster entry here', { uid: ACTORS.resident.uid }],
    ['an unknown action', { action: 'pause' }],
    ['a swap with nobody', { action: 'swap' }],
    ['a swap with oneself', { action: 'swap', withUid: STAFF }],
    ['a swap with someone not on the roster', { action: 'swap', withUid: ACTORS.foreignStaff.uid }],
    ['an `off` naming a stand-in', { withUid: OTHER_STAFF }],
    ['an `on` with a null stand-in', { action: 'on', withUid: null }],
    ['an end before its start', { end: later(-1) }],
    ['an end equal to its start', { end: START }],
    ['more than 90 days', { end: later(90 * DAY + 1000) }],
    ['a start that is not a timestamp', { start: '2026-01-05T08:00' }],
    ['another admin as its writer', { createdBy: ACTORS.foreignAdmin.uid }],
    ['a field the contract does not know', { reason: 'flu' }],
  ])('the admin cannot save an override with %s, and the saved override stays as it was', async (_label, change) => {
    await assertFails(setDoc(ref('admin', shiftPaths.override(HOME, 'bad')), override(change)));
    await assertFails(setDoc(ref('admin', OVERRIDE_PATH), override(change)));
    expect(await stored(OVERRIDE_PATH)).toEqual(override());
  });
});

describe('starting and ending duty on the roster', () => {
  const MINE = paths.staffMember(HOME, STAFF);
  const THEIRS = paths.staffMember(HOME, OTHER_STAFF);
  const fromNow = (millis: number) => Timestamp.fromMillis(Date.now() + millis);

  it('staff end their shift early until its end, and take that back', async () => {
    await assertSucceeds(updateDoc(ref('staff', MINE), { offUntil: fromNow(8 * HOUR) }));
    await assertSucceeds(updateDoc(ref('staff', MINE), { offUntil: deleteField() }));
  });

  it('staff end a manual start and the rest of their shift at once', async () => {
    await h.seed({ [MINE]: { ...rosterEntry('Ivan'), onDuty: true } });
    await assertSucceeds(updateDoc(ref('staff', MINE), { onDuty: false, offUntil: fromNow(23 * HOUR) }));
  });

  it('staff start duty with the time they switched it on, or with onDuty alone', async () => {
    await assertSucceeds(updateDoc(ref('staff', MINE), { onDuty: true, onDutySince: serverTimestamp(), offUntil: deleteField() }));
    await assertSucceeds(updateDoc(ref('staff', MINE), { onDuty: false }));
    await assertSucceeds(updateDoc(ref('staff', MINE), { onDuty: true }));
  });

  it.each([
    ['an offUntil in the past', { offUntil: fromNow(-HOUR) }],
    ['an offUntil more than 24 hours ahead', { offUntil: fromNow(25 * HOUR) }],
    ['an offUntil that is not a timestamp', { offUntil: '08:00' }],
    ['a start time of their choosing', { onDuty: true, onDutySince: fromNow(-HOUR) }],
    ['a start time while switching off', { onDuty: false, onDutySince: serverTimestamp() }],
    ['their tier with the early end', { offUntil: fromNow(HOUR), tier: 2 }],
  ])('staff cannot write %s', async (_label, change) => {
    await assertFails(updateDoc(ref('staff', MINE), change));
  });

  it.each(NOT_ITS_ADMIN.filter(([, actor]) => actor !== 'otherStaff'))("%s cannot end someone else's shift", async (_label, actor) => {
    await assertFails(updateDoc(ref(actor, THEIRS), { offUntil: fromNow(HOUR) }));
  });

  it('staff cannot end a colleague’s shift or start their duty', async () => {
    await assertFails(updateDoc(ref('staff', THEIRS), { offUntil: fromNow(HOUR) }));
    await assertFails(updateDoc(ref('staff', THEIRS), { onDuty: true, onDutySince: serverTimestamp() }));
  });

  it('the admin still edits an entry that holds an early end and a start time, and may clear them', async () => {
    await h.seed({ [MINE]: { ...rosterEntry('Ivan'), onDuty: true, onDutySince: Timestamp.now(), offUntil: fromNow(HOUR) } });
    await assertSucceeds(updateDoc(ref('admin', MINE), { tier: 2 }));
    await assertSucceeds(updateDoc(ref('admin', MINE), { offUntil: deleteField(), onDuty: false }));
  });

  it('the admin cannot give a start time of their choosing', async () => {
    await assertFails(updateDoc(ref('admin', MINE), { onDuty: true, onDutySince: fromNow(-HOUR) }));
  });
});
