// `npm run stats:rebuild`: recomputes a location's daily rollups for a range of days from its requests and their audit
// events, counting each event with the trigger's own rollupOfEvent, for data written before the rollups existed (or to
// repair a day). Each day of the range is replaced whole: its old document and markers go, the recomputed ones come.
import { Timestamp, db, readDoc, readQuery, refs, reportRefs } from '../firestore';
import {
  dayRangeMillis,
  dayRangeProblem,
  daysBetween,
  mergeRollups,
  rollupMarkerId,
  rollupOfEvent,
  MAX_ROLLUP_RANGE_DAYS,
  type DayRangeProblem,
  type RollupCounts,
  type RollupMarker,
  type SosRequest,
} from '@sos/model';

export type RollupRebuildErrorCode = 'invalid-range' | 'unknown-location';

/** A rebuild refused before it wrote anything: `code` for a caller, the message for a person. */
export class RollupRebuildError extends Error {
  constructor(
    readonly code: RollupRebuildErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RollupRebuildError';
  }
}

const RANGE_MESSAGES: Record<DayRangeProblem, (from: string, to: string) => string> = {
  'malformed-from': (from) => `--from "${from}" is not a date (YYYY-MM-DD)`,
  'malformed-to': (_from, to) => `--to "${to}" is not a date (YYYY-MM-DD)`,
  'end-before-start': (from, to) => `--to ${to} is before --from ${from}`,
  'too-long': (from, to) => `${from}..${to} is longer than ${MAX_ROLLUP_RANGE_DAYS} days; rebuild it in parts`,
};

export interface RebuildSummary {
  /** Days of the range replaced, and how many of them have counts (the others have no document, as the trigger leaves them). */
  days: number;
  daysWithCounts: number;
  requests: number;
  /** Audit events counted. */
  events: number;
}

/** Requests whose events are read at once. */
const PARALLEL_REQUESTS = 20;

interface DayBuild {
  counts: RollupCounts[];
  markers: RollupMarker[];
}

/**
 * Meant for days no event is being counted into (before this change, or closed days): an event counted by the trigger
 * while its day is being replaced may be lost, and a second run puts it back.
 */
export async function rebuildDailyRollups(locationId: string, from: string, to: string): Promise<RebuildSummary> {
  const problem = dayRangeProblem(from, to);
  if (problem) throw new RollupRebuildError('invalid-range', RANGE_MESSAGES[problem](from, to));
  const location = (await readDoc(refs.location(locationId))).data();
  if (!location) throw new RollupRebuildError('unknown-location', `there is no location "${locationId}"`);

  const { startMillis, endMillis } = dayRangeMillis(location.timezone, from, to);
  const requests = await readQuery(refs.sosRequests(), (all) =>
    all
      .where('locationId', '==', locationId)
      .where('createdAt', '>=', Timestamp.fromMillis(startMillis))
      .where('createdAt', '<', Timestamp.fromMillis(endMillis))
      .orderBy('createdAt', 'desc'),
  );
  const days = new Map<string, DayBuild>();
  let events = 0;
  const countRequest = async (requestId: string, request: SosRequest<Timestamp>) => {
    for (const event of (await readQuery(refs.events(requestId))).docs) {
      const { type, detail } = event.data();
      const counted = rollupOfEvent({ id: event.id, type, detail }, request, location.timezone);
      if (!counted) continue;
      const day = days.get(counted.day) ?? { counts: [], markers: [] };
      day.counts.push(counted.counts);
      day.markers.push({ requestId, eventId: event.id });
      days.set(counted.day, day);
      events += 1;
    }
  };
  for (let i = 0; i < requests.docs.length; i += PARALLEL_REQUESTS) {
    await Promise.all(requests.docs.slice(i, i + PARALLEL_REQUESTS).map((doc) => countRequest(doc.id, doc.data())));
  }

  // Deleted first, and written after: a bulk writer does not keep the order of two writes to one document.
  const range = daysBetween(from, to);
  for (const day of range) await db.recursiveDelete(reportRefs.dailyRollup(locationId, day));
  const writer = db.bulkWriter();
  const writes: Promise<unknown>[] = [];
  for (const [day, build] of days) {
    writes.push(writer.set(reportRefs.dailyRollup(locationId, day), { ...mergeRollups(build.counts), day }));
    for (const marker of build.markers) {
      writes.push(writer.set(reportRefs.rollupMarker(locationId, day, rollupMarkerId(marker.requestId, marker.eventId)), marker));
    }
  }
  await Promise.all([...writes, writer.close()]);
  return { days: range.length, daysWithCounts: days.size, requests: requests.size, events };
}
