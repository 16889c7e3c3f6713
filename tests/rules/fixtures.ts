// Documents as the contract shapes them, for seeding and for the resident's create payloads.
import { Timestamp, doc, getDoc, increment, serverTimestamp, writeBatch, type DocumentData, type Firestore } from 'firebase/firestore';
import { messageRateWrite, paths, sosRequestCreate, type MessageRate, type SosRequestInput, type SosStatus } from '@sos/model';
import { ACTORS, HOME } from '../helpers/rulesEnv';

const MINUTE = 60_000;
export const T0 = Timestamp.fromMillis(Date.UTC(2026, 0, 15, 9, 0));
export const at = (minutes: number): Timestamp => Timestamp.fromMillis(T0.toMillis() + minutes * MINUTE);

export const OBJECT_ID = 'room-204';
export const QR_TOKEN = 'qr-room-204';

/** What the resident's app writes (the model's one builder, so a new field reaches these tests by itself); `overrides` bends it. */
function appPayload(input: Partial<SosRequestInput>, overrides: DocumentData): DocumentData {
  return { ...sosRequestCreate({ uid: ACTORS.resident.uid, locationId: HOME, source: 'emergency', ...input }, serverTimestamp()), ...overrides };
}

/** A one-tap emergency: kind `emergency`, no object. */
export function emergencyPayload(overrides: DocumentData = {}): DocumentData {
  return appPayload({}, overrides);
}

/** A form request: an object and a description, kind `other`. */
export function formPayload(overrides: DocumentData = {}): DocumentData {
  return appPayload({ source: 'form', objectId: OBJECT_ID, description: 'Smoke in the corridor' }, overrides);
}

/** A request at a scanned code, kind `other`. */
export function qrPayload(overrides: DocumentData = {}): DocumentData {
  return appPayload({ source: 'qr', objectId: OBJECT_ID, qrToken: QR_TOKEN }, overrides);
}

/** A request as stored after the functions and staff have moved it to `status`. */
export function storedRequest(status: SosStatus, overrides: DocumentData = {}): DocumentData {
  const data: DocumentData = {
    uid: ACTORS.resident.uid,
    locationId: HOME,
    objectId: OBJECT_ID,
    source: 'form',
    description: 'Water on the floor',
    repeatOf: null,
    status,
    createdAt: T0,
  };
  if (status !== 'new') {
    Object.assign(data, {
      deadlineAt: at(10),
      ackDeadlineAt: at(1),
      plan: null,
      locationName: 'Business centre',
      objectName: 'Room 204',
      requester: { name: 'Anna', phone: '+79120000001' },
      escalationLevel: 0,
    });
  }
  if (status === 'rejected') data.rejectReason = 'object-not-found';
  if (status === 'acknowledged' || status === 'on_site' || status === 'resolved') {
    Object.assign(data, { ackBy: ACTORS.staff.uid, ackByName: 'Ivan', ackAt: at(1) });
  }
  if (status === 'on_site' || status === 'resolved') data.arrivedAt = at(5);
  if (status === 'resolved') Object.assign(data, { resolvedBy: ACTORS.staff.uid, resolvedAt: at(8), resolution: 'Mopped up' });
  if (status === 'cancelled') data.cancelledAt = at(2);
  return { ...data, ...overrides };
}

/** The server fields of a request with a plausible value each: no client may write any of them. */
export const SERVER_FIELDS: Record<string, unknown> = {
  deadlineAt: at(10),
  ackDeadlineAt: at(1),
  plan: { url: '/plans/floor-2.svg', width: 1000, height: 600, marker: { x: 0.2, y: 0.3 } },
  locationName: 'Business centre',
  objectName: 'Room 204',
  requester: { name: 'Anna', phone: '+79120000001' },
  escalationLevel: 1,
  rejectReason: 'object-not-found',
  ackBy: ACTORS.staff.uid,
  ackByName: 'Ivan',
  ackAt: serverTimestamp(),
  arrivedAt: serverTimestamp(),
  resolvedBy: ACTORS.staff.uid,
  resolvedAt: serverTimestamp(),
  resolution: 'Done',
  cancelledAt: serverTimestamp(),
};

/**
 * A message as the apps write it: in one batch with the bump of the writer's own rate document, counted on from that
 * document as the writer can read it (none, or unreadable, starts a window).
 */
export async function writeMessage(db: Firestore, writerUid: string, requestId: string, messageId: string, message: DocumentData): Promise<void> {
  const rateRef = doc(db, paths.messageRate(requestId, writerUid));
  const rate = await getDoc(rateRef).then(
    (snapshot) => (snapshot.data() as MessageRate | undefined) ?? null,
    () => null,
  );
  const bump = messageRateWrite(rate, messageId, serverTimestamp(), increment(1));
  const batch = writeBatch(db);
  batch.set(doc(db, paths.message(requestId, messageId)), message);
  if (bump.op === 'set') batch.set(rateRef, bump.data);
  else batch.update(rateRef, bump.data);
  await batch.commit();
}
