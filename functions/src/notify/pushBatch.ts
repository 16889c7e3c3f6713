// One push batch of a request (the open push, an escalation round, the requester's ack push): send to every
// device of the recipients, record one delivery row per device and one `notified` event per batch.
import { FieldValue, type Timestamp } from 'firebase-admin/firestore';
import type { DeliveryStatus, DeliveryWrite, PushThrottleWrite, SosEventWrite } from '@sos/model';
import { db, deleteDoc, readDoc, readQuery, refs, writeDoc } from '../firestore';
import { config } from '../config';
import { logs } from '../logs';
import { pushTransport, type PushMessage } from '../push';
import { batchKey, decideThrottle, type ThrottleDecision } from './throttle';

export interface PushBatch {
  requestId: string;
  /** `open`, `esc-<round>` or `ack`: part of every id the batch writes, so a replay finds its own work. */
  batch: string;
  recipients: () => Promise<string[]>;
  message: PushMessage;
  /** Staff batches are throttled per (location, resident); the requester's own push is not. */
  throttle?: { locationId: string; residentUid: string };
}

/** Deterministic: a replayed batch never pushes a device twice. */
export const deliveryId = (batch: string, uid: string, deviceId: string): string => `${batch}-${uid}-${deviceId}`;

const FAILED_PRECONDITION = 9;
const NOT_FOUND = 5;
const WRITES_PER_BATCH = 450;

interface Target {
  uid: string;
  deviceId: string;
  token: string;
  updateTime: Timestamp;
}

const serverTime = () => FieldValue.serverTimestamp();

/**
 * Idempotent by ids: the batch's `notified-<batch>` event is written last, so its presence means the batch is
 * done; a batch cut short by a crash resumes and skips the devices that already have a delivery row.
 * A push is sent before its row is written: a crash in between may push a device twice, never zero times.
 */
export async function deliverPushBatch(batch: PushBatch): Promise<void> {
  const { requestId } = batch;
  const eventRef = refs.event(requestId, `notified-${batch.batch}`);
  // One round trip: the "already done?" check and the recipients are read together.
  const [done, uids] = await Promise.all([readDoc(eventRef), batch.recipients()]);
  if (done.exists) {
    logs.pushBatchAlreadyDone(requestId, batch.batch);
    return;
  }

  const { push, grouped } = batch.throttle
    ? await claimPushSlots(batch.throttle.locationId, batch.throttle.residentUid, uids, requestId, batch.batch)
    : { push: uids, grouped: [] };
  const groupedNote =
    grouped.length > 0
      ? `grouped ${grouped.length} pushed less than a minute ago (for ${[...new Set(grouped.map((g) => g.pushedFor))].join(', ')})`
      : '';
  if (push.length === 0 && grouped.length > 0) {
    await writeDoc(eventRef, notifiedEvent(`${batch.batch}: ${groupedNote}`));
    logs.pushGrouped(requestId, batch.batch, grouped.map((g) => g.pushedFor).join(','));
    return;
  }

  const targets = (await Promise.all(push.map(readDevices))).flat();
  const rows = targets.map((target) => refs.delivery(requestId, deliveryId(batch.batch, target.uid, target.deviceId)));
  const existing = rows.length > 0 ? await db.getAll(...rows) : [];
  const pending = targets.flatMap((target, i) => (existing[i]?.exists ? [] : [{ target, row: rows[i]! }]));

  const outcomes = pending.length > 0 ? await pushTransport.send(pending.map(({ target }) => target.token), batch.message) : [];
  const counts: Partial<Record<DeliveryStatus, number>> = {};
  const writes = await Promise.all(
    pending.map(async ({ target, row }, i) => {
      const outcome = outcomes[i] ?? { status: 'failed' as const, error: 'transport returned no outcome' };
      const status: DeliveryStatus = outcome.status === 'unregistered' ? await removeDeadDevice(target, outcome.error) : outcome.status;
      counts[status] = (counts[status] ?? 0) + 1;
      const data: DeliveryWrite<FieldValue> = { uid: target.uid, deviceId: target.deviceId, status, error: outcome.error, at: serverTime(), batch: batch.batch };
      return { row, data };
    }),
  );

  for (let i = 0; i < writes.length; i += WRITES_PER_BATCH) {
    const chunk = db.batch();
    for (const { row, data } of writes.slice(i, i + WRITES_PER_BATCH)) chunk.set(row, data);
    await chunk.commit();
  }
  const summary = Object.entries(counts).map(([status, n]) => `${status} ${n}`).join(', ') || 'no devices';
  const pushed = `pushed ${push.length} of ${uids.length} recipient(s), ${targets.length} device(s): ${summary}`;
  await writeDoc(eventRef, notifiedEvent(`${batch.batch}: ${[pushed, groupedNote].filter(Boolean).join('; ')}`));
  logs.pushBatchSent(requestId, batch.batch, { recipients: push.length, grouped: grouped.length, devices: targets.length, ...counts });
}

function notifiedEvent(detail: string): SosEventWrite<Timestamp, FieldValue> {
  return { type: 'notified', at: serverTime(), by: null, detail };
}

async function readDevices(uid: string): Promise<Target[]> {
  const snapshot = await readQuery(refs.devices(uid));
  return snapshot.docs.map((doc) => ({ uid, deviceId: doc.id, token: doc.data().token, updateTime: doc.updateTime }));
}

/** Removes a device whose token FCM no longer knows, unless it was re-registered since it was read. */
async function removeDeadDevice(target: Target, error: string): Promise<DeliveryStatus> {
  try {
    await deleteDoc(refs.device(target.uid, target.deviceId), { lastUpdateTime: target.updateTime });
    logs.pushTokenRemoved(target.uid, target.deviceId, error);
    return 'token_removed';
  } catch (caught) {
    const code = (caught as { code?: number }).code;
    if (code !== FAILED_PRECONDITION && code !== NOT_FOUND) throw caught;
    logs.pushTokenKept(target.uid, target.deviceId);
    return 'failed';
  }
}

/**
 * Takes the (location, resident) push slots of the recipients for this batch. A plain read settles the common
 * flood case (everyone pushed recently) without contention; only free slots are claimed in a transaction,
 * so of concurrent requests exactly one pushes each recipient.
 */
async function claimPushSlots(
  locationId: string,
  residentUid: string,
  recipients: string[],
  requestId: string,
  batch: string,
): Promise<ThrottleDecision> {
  const ref = refs.pushThrottle(locationId, residentUid);
  const key = batchKey(requestId, batch);
  const windowMs = config.push.throttleWindowMs;
  const peek = decideThrottle((await readDoc(ref)).data(), recipients, key, Date.now(), windowMs);
  if (peek.push.length === 0) return peek;
  return db.runTransaction(async (tx) => {
    const current = (await tx.get(ref)).data();
    const decision = decideThrottle(current, recipients, key, Date.now(), windowMs);
    const claims = decision.push.filter((uid) => {
      const last = current?.recipients?.[uid];
      return !last || batchKey(last.requestId, last.batch) !== key;
    });
    if (claims.length > 0) {
      const claimed: PushThrottleWrite<FieldValue> = {
        recipients: Object.fromEntries(claims.map((uid) => [uid, { lastPushAt: serverTime(), requestId, batch }])),
      };
      tx.set(ref, claimed, { merge: true });
    }
    return decision;
  });
}
