// The demo's history for the statistics: three months of generated calls at «Бизнес-центр «Демо»», written as daily
// rollup documents only (no requests, no audit events: nothing fires a trigger, and the journal has no rows for these
// days). `npm run seed` and `npm start` write it (seed.ts run as a script); the test suites' seeds do not.
//
// Each day is generated from a fixed seed of its own (the location and the date), so a run writes the same documents
// as the last, and counted as the triggers count: every generated request's audit events go through the model's
// rollupOfEvent, so a history day reads exactly as a day of real calls would.
import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import {
  mergeRollups,
  reportPaths,
  rollupDayOf,
  rollupOfEvent,
  zonedInstant,
  type DailyRollup,
  type Location,
  type RollupCounts,
  type RollupEvent,
  type RollupRequest,
  type SosKind,
  type SosSource,
} from '@sos/model';
import { addDays } from '../web/src/components/admin/shifts/shiftTimes';
import { presetDays } from '../web/src/components/admin/stats/statsRange';
import { DEMO_LOCATIONS } from './demo-data';

export const HISTORY_LOCATION = 'demo-bc';

/** A seeded generator of numbers in [0, 1) (mulberry32 over the FNV-1a hash of the seed's text). */
export function seededRandom(seed: string): () => number {
  let hash = 2166136261;
  for (const char of seed) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  let state = hash >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<K extends string>(random: () => number, weights: Record<K, number>): K {
  const entries = Object.entries(weights) as [K, number][];
  let left = random() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [key, weight] of entries) {
    left -= weight;
    if (left < 0) return key;
  }
  return (entries[entries.length - 1] as [K, number])[0];
}

/** A Poisson count with mean `mean` (Knuth's method: for a few a day). */
function poisson(random: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let count = 0;
  for (let product = random(); product > limit; product *= random()) count += 1;
  return count;
}

/** A standard normal value (Box–Muller). */
const normal = (random: () => number) => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
/** A duration around `medianMillis`, skewed to the long side as response times are. */
const logNormal = (random: () => number, medianMillis: number, sigma: number) => Math.round(medianMillis * Math.exp(sigma * normal(random)));

/** Calls by local hour: few at night, most in the working day. */
const HOUR_WEIGHTS = [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1.5, 2, 2, 1.8, 1.6, 1.8, 2, 1.8, 1.6, 1.6, 1.4, 1.2, 0.9, 0.6, 0.4, 0.3];
const SOURCES: Record<SosSource, number> = { emergency: 55, form: 25, qr: 20 };
const FORM_KINDS: Record<Exclude<SosKind, 'emergency'>, number> = { medical: 30, lift: 20, leak: 20, security: 10, fire: 5, other: 15 };

/** How many calls a generated day has: on average `callsPerWeekday` (a weekend day 60 % of it), or always `callsPerDay`. */
export type HistoryShape = { callsPerWeekday: number } | { callsPerDay: number };

/** The demo's: a few calls a day. */
export const DEMO_HISTORY: HistoryShape = { callsPerWeekday: 4 };

const at = (millis: number) => Timestamp.fromMillis(millis);

/**
 * One generated day of a location: its requests, each with the audit events a real one would have had (opened, the
 * escalation rounds before the claim, claimed, on site, late, resolved; or cancelled before anyone claimed it),
 * counted with rollupOfEvent. Null for a day without calls (no document, as the triggers leave it).
 */
export function generatedDay(locationId: string, location: Location, day: string, shape: HistoryShape): DailyRollup | null {
  const random = seededRandom(`${locationId}:${day}`);
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  const calls = 'callsPerDay' in shape ? shape.callsPerDay : poisson(random, shape.callsPerWeekday * (weekday === 0 || weekday === 6 ? 0.6 : 1));
  const ackTargetMillis = location.ackSeconds * 1000;
  const arrivalTargetMillis = location.responseMinutes * 60_000;
  const counts: RollupCounts[] = [];
  for (let call = 0; call < calls; call++) {
    const hour = Number(pick(random, Object.fromEntries(HOUR_WEIGHTS.map((weight, h) => [String(h), weight]))));
    const createdMillis = zonedInstant(location.timezone, day, `${String(hour).padStart(2, '0')}:00`) + Math.floor(random() * 3_600_000);
    // A wall-clock hour a clock change skips falls on the next day: that request is not this day's.
    if (rollupDayOf(location.timezone, createdMillis) !== day) continue;
    const source = pick(random, SOURCES);
    const kind: SosKind = source === 'emergency' ? 'emergency' : pick(random, FORM_KINDS);
    const cancelled = random() < 0.03;
    const nobodyOnDuty = random() < 0.015;
    // Claims mostly within the minute (median 25 s), a few later; arrival a few minutes after, mostly within 10.
    const ackMillis = cancelled ? null : Math.max(3_000, logNormal(random, 25_000, 0.6));
    const arriveMillis = ackMillis === null ? null : ackMillis + Math.max(30_000, logNormal(random, 210_000, 0.45));
    const endMillis = ackMillis ?? 30_000 + Math.floor(random() * 90_000);
    const request: RollupRequest = {
      status: cancelled ? 'cancelled' : 'resolved',
      source,
      kind,
      createdAt: at(createdMillis),
      ackDeadlineAt: at(createdMillis + ackTargetMillis),
      deadlineAt: at(createdMillis + arrivalTargetMillis),
      ...(ackMillis === null ? {} : { ackAt: at(createdMillis + ackMillis) }),
      ...(arriveMillis === null ? {} : { arrivedAt: at(createdMillis + arriveMillis) }),
    };
    const events: RollupEvent[] = [{ id: 'validated', type: 'validated', detail: null }];
    const rounds = Math.max(nobodyOnDuty ? 1 : 0, Math.floor(endMillis / ackTargetMillis));
    for (let round = 1; round <= rounds; round++) {
      events.push({ id: `escalated-${round}`, type: 'escalated', detail: round === 1 && nobodyOnDuty ? { reason: 'nobody_on_duty', round } : { round } });
    }
    if (cancelled) events.push({ id: 'cancelled', type: 'cancelled', detail: null });
    else {
      events.push({ id: 'acknowledged', type: 'acknowledged', detail: null }, { id: 'on_site', type: 'on_site', detail: null });
      if (arriveMillis !== null && arriveMillis > arrivalTargetMillis) events.push({ id: 'arrival_overdue', type: 'arrival_overdue', detail: null });
      events.push({ id: 'resolved', type: 'resolved', detail: null });
    }
    for (const event of events) {
      const counted = rollupOfEvent(event, request, location.timezone);
      if (counted) counts.push(counted.counts);
    }
  }
  return counts.length === 0 ? null : { ...mergeRollups(counts), day };
}

/** The days of the history: the three months before today in the location's zone (today is the triggers'). */
export function historyDays(timezone: string, nowMillis: number): { from: string; to: string } {
  const today = rollupDayOf(timezone, nowMillis);
  return { from: presetDays('quarter', today).from, to: addDays(today, -1) };
}

/** Every generated day of a range that has calls. */
export function generatedDays(locationId: string, location: Location, range: { from: string; to: string }, shape: HistoryShape): DailyRollup[] {
  const days: DailyRollup[] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) {
    const generated = generatedDay(locationId, location, day, shape);
    if (generated) days.push(generated);
  }
  return days;
}

/**
 * Writes the demo history into Firestore (the Admin SDK's, already pointed at the emulators): the same documents on
 * every run of the same days, replacing whatever those days held.
 */
export async function seedHistory(db: Firestore, nowMillis = Date.now()): Promise<{ days: number; requests: number }> {
  const location = DEMO_LOCATIONS[HISTORY_LOCATION] as Location;
  const days = generatedDays(HISTORY_LOCATION, location, historyDays(location.timezone, nowMillis), DEMO_HISTORY);
  const batch = db.batch();
  for (const day of days) batch.set(db.doc(reportPaths.dailyRollup(HISTORY_LOCATION, day.day)), day);
  await batch.commit();
  return { days: days.length, requests: days.reduce((sum, day) => sum + (day.requests ?? 0), 0) };
}
