// locations/{id}/daily/{day}: the daily rollups (Reports). Functions write them; the location's admins read them, a list
// at most a year of days at once (the statistics' query, rollupRangeQuery), nobody else does, and nobody writes them
// from a client. Their `applied` markers are the functions' own: nobody reads them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  limit,
  orderBy,
  query,
  setDoc,
  updateDoc,
  where,
  type CollectionReference,
  type Firestore,
} from 'firebase/firestore';
import { MAX_ROLLUP_RANGE_DAYS, reportPaths, rollupMarkerId, type DailyRollup, type RollupMarker } from '@sos/model';
import { rollupRangeQuery } from '../../web/src/composables/rollupRangeQuery';
import { ELSEWHERE, HOME, actorCases, modularFirestore, startRulesHarness, type ActorName, type RulesHarness } from '../helpers/rulesEnv';

let h: RulesHarness;
/** Signed in anonymously at a QR code: no claims. */
let visitor: Firestore;
beforeAll(async () => {
  h = await startRulesHarness('demo-sos-rules-daily');
  visitor = modularFirestore(h.env.authenticatedContext('visitor-1', { firebase: { sign_in_provider: 'anonymous', identities: {} } }));
});
afterAll(() => h.cleanup());

const DAY = '2026-01-15';
const ROLLUP_PATH = reportPaths.dailyRollup(HOME, DAY);
const MARKER_ID = rollupMarkerId('request-1', 'validated');
const MARKER_PATH = reportPaths.rollupMarker(HOME, DAY, MARKER_ID);
const rollup: DailyRollup = {
  day: DAY,
  requests: 2,
  byStatus: { open: 2, acknowledged: 1 },
  byKind: { emergency: 1, fire: 1 },
  bySource: { emergency: 1, form: 1 },
  byHour: { '09': 2 },
  ackHistogram: { '40': 1 },
};
const marker: RollupMarker = { requestId: 'request-1', eventId: 'validated' };

beforeEach(async () => {
  await h.clear();
  await h.seed({
    [ROLLUP_PATH]: rollup,
    [MARKER_PATH]: marker,
    [reportPaths.dailyRollup(ELSEWHERE, DAY)]: rollup,
  });
});

type Someone = ActorName | 'visitor';
const db = (someone: Someone): Firestore => (someone === 'visitor' ? visitor : h.db(someone));
const cases = (names: ActorName[], withVisitor: boolean): [string, Someone][] => [
  ...actorCases(names),
  ...(withVisitor ? [['a visitor at a QR code', 'visitor'] as [string, Someone]] : []),
];
const NOT_ITS_ADMIN = cases(['resident', 'staff', 'otherStaff', 'foreignResident', 'foreignStaff', 'foreignAdmin', 'anonymous'], true);
const EVERYONE = cases(['admin', 'resident', 'staff', 'foreignAdmin', 'anonymous'], true);

describe('daily rollups', () => {
  const days = (someone: Someone, locationId = HOME) => collection(db(someone), reportPaths.dailyRollups(locationId)) as CollectionReference<DailyRollup>;

  it("the admin reads a day of the location and lists up to a year of days with the statistics' query", async () => {
    await assertSucceeds(getDoc(doc(db('admin'), ROLLUP_PATH)));
    const listed = await assertSucceeds(getDocs(rollupRangeQuery(days('admin'), '2025-01-16', '2026-01-15')));
    expect(listed.docs.map((day) => day.id)).toEqual([DAY]);
    await assertSucceeds(getDocs(query(days('admin'), where('day', '>=', '2026-01-01'), orderBy('day'), limit(MAX_ROLLUP_RANGE_DAYS))));
  });

  it('the admin cannot list days without a limit or more than a year of them at once', async () => {
    await assertFails(getDocs(days('admin')));
    await assertFails(getDocs(query(days('admin'), where('day', '>=', '2025-01-01'), orderBy('day'))));
    await assertFails(getDocs(query(days('admin'), where('day', '>=', '2025-01-01'), orderBy('day'), limit(MAX_ROLLUP_RANGE_DAYS + 1))));
  });

  it.each(NOT_ITS_ADMIN)('%s cannot read or list the days', async (_label, someone) => {
    await assertFails(getDoc(doc(db(someone), ROLLUP_PATH)));
    await assertFails(getDocs(collection(db(someone), reportPaths.dailyRollups(HOME))));
    await assertFails(getDocs(rollupRangeQuery(days(someone), '2025-01-16', '2026-01-15')));
  });

  it("the admin cannot read another location's days, even with the statistics' query", async () => {
    await assertFails(getDoc(doc(db('admin'), reportPaths.dailyRollup(ELSEWHERE, DAY))));
    await assertFails(getDocs(collection(db('admin'), reportPaths.dailyRollups(ELSEWHERE))));
    await assertFails(getDocs(rollupRangeQuery(days('admin', ELSEWHERE), '2025-01-16', '2026-01-15')));
  });

  it.each(EVERYONE)('%s cannot create, change or delete a day', async (_label, someone) => {
    await assertFails(setDoc(doc(db(someone), reportPaths.dailyRollup(HOME, '2026-01-16')), { ...rollup, day: '2026-01-16' }));
    await assertFails(updateDoc(doc(db(someone), ROLLUP_PATH), { requests: 3 }));
    await assertFails(deleteDoc(doc(db(someone), ROLLUP_PATH)));
  });

  it.each(EVERYONE)("%s cannot read or write a day's markers of counted events", async (_label, someone) => {
    await assertFails(getDoc(doc(db(someone), MARKER_PATH)));
    await assertFails(getDocs(collection(db(someone), reportPaths.rollupMarkers(HOME, DAY))));
    await assertFails(deleteDoc(doc(db(someone), MARKER_PATH)));
    await assertFails(setDoc(doc(db(someone), reportPaths.rollupMarker(HOME, DAY, rollupMarkerId('request-1', 'acknowledged'))), marker));
  });
});
