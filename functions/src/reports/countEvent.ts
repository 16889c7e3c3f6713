// Counts one audit event into the day of its request (`locations/{id}/daily/{day}`), exactly once. Parse → decide
// (rollupOfEvent in @sos/model) → write.
import { type Timestamp, type PartialWithFieldValue, FieldValue, db, readDoc, refs, reportRefs } from '../firestore';
import { isRollupEvent, rollupMarkerId, rollupOfEvent, type DailyRollup, type RollupCounts, type SosEvent } from '@sos/model';
import { reportLogs } from './logs';

/** The gRPC status of a create whose document exists. */
const ALREADY_EXISTS = 6;

export type CountOutcome = 'counted' | 'already-counted' | 'counts-nothing' | 'request-missing' | 'location-missing';

/** The counts as Firestore increments, nested as the document nests them (a merge adds each to what is there). */
function incrementsOf(counts: RollupCounts): PartialWithFieldValue<RollupCounts> {
  const increments: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(counts)) {
    if (typeof value === 'number') increments[key] = FieldValue.increment(value);
    else if (value && typeof value === 'object') increments[key] = incrementsOf(value as RollupCounts);
  }
  return increments as PartialWithFieldValue<RollupCounts>;
}

/**
 * Exactly once, at no read: the event's marker (`daily/{day}/applied/{requestId}:{eventId}`) is *created* in the same
 * batch as the increments, so a replayed or retried trigger fails on the existing marker and the batch changes
 * nothing. Reads only the request and its location (the facts and the time zone), and only for the events that count.
 */
export async function countEventInRollup(requestId: string, eventId: string, event: Pick<SosEvent<Timestamp>, 'type' | 'detail'>): Promise<CountOutcome> {
  const rollupEvent = { id: eventId, type: event.type, detail: event.detail };
  if (!isRollupEvent(rollupEvent)) return 'counts-nothing';
  const request = (await readDoc(refs.sosRequest(requestId))).data();
  if (!request) {
    reportLogs.requestMissing(requestId, eventId);
    return 'request-missing';
  }
  const location = (await readDoc(refs.location(request.locationId))).data();
  if (!location) {
    reportLogs.locationMissing(requestId, eventId, request.locationId);
    return 'location-missing';
  }
  const counted = rollupOfEvent(rollupEvent, request, location.timezone);
  if (!counted) return 'counts-nothing';

  const batch = db.batch();
  batch.create(reportRefs.rollupMarker(request.locationId, counted.day, rollupMarkerId(requestId, eventId)), { requestId, eventId });
  const update: PartialWithFieldValue<DailyRollup> = { day: counted.day, ...incrementsOf(counted.counts) };
  batch.set(reportRefs.dailyRollup(request.locationId, counted.day), update, { merge: true });
  try {
    await batch.commit();
  } catch (error) {
    if ((error as { code?: unknown }).code !== ALREADY_EXISTS) throw error;
    reportLogs.eventAlreadyCounted(requestId, eventId, request.locationId, counted.day);
    return 'already-counted';
  }
  reportLogs.eventCounted(requestId, eventId, request.locationId, counted.day);
  return 'counted';
}
