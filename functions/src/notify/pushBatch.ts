// One push batch of a request (the open push, an escalation round, the requester's ack push): send to every
// device of the recipients in its owner's language, record one delivery row per device and one `notified` event per batch.
import { type DocumentReference, FieldValue, type Timestamp, db, peopleRefs, readDoc, readQuery, refs, writeDoc } from '../firestore';
import type { DeliveryStatus, DeliveryWrite, Locale, PushThrottle, PushThrottleWrite, SosEventDetail, SosEventWrite } from '@sos/model';
import { config } from '../config';
import { logs } from '../logs';
import { pushTransport, type PushMessage, type PushOutcome } from '../push';
import { localeOf } from './texts';
import { announcedCounts, batchKey, decideThrottle, type ThrottleDecision } from './throttle';

/** One device to push, and the language its owner reads. */
export interface PushTarget {
  uid: string;
  deviceId: string;
  token: string;
  locale: Locale;
}

/** A batch's push as each recipient's locale words it; `count` is how many messages it announces (message pushes). */
export type LocalizedMessage = (locale: Locale, count: number) => PushMessage;

export interface PushBatch {
  requestId: string;
  /** `open`, `esc-<round>` or `ack`: part of every id the batch writes, so a replay finds its own work. */
  batch: string;
  recipients: () => Promise<string[]>;
  /** Every device of the recipients to push (staff: from the location's dispatch document). */
  targets: (uids: string[]) => Promise<PushTarget[]>;
  message: LocalizedMessage;
  /**
   * Staff batches are throttled per (location, resident), message pushes per (recipient, request); the requester's
   * ack push is not.
   */
  throttle?: ThrottleScope;
}

/** Whose push slots a batch takes: a resident's at a location, or a request's message pushes (for this message). */
export type ThrottleScope = { locationId: string; residentUid: string } | { messageId: string };

/** The document holding a scope's slots, how long a slot lasts, and (messages) the id a held-back recipient counts. */
interface ThrottleSlots {
  ref: DocumentReference<{ pushThrottle?: PushThrottle<Timestamp> }>;
  windowMs: number;
  /** Message pushes: the document is created when missing, and a recipient held back counts this message. */
  messageId?: string;
}

function slotsOf(requestId: string, scope: ThrottleScope): ThrottleSlots {
  return 'messageId' in scope
    ? { ref: refs.messageThrottle(requestId), windowMs: config.push.messageWindowMs, messageId: scope.messageId }
    : { ref: peopleRefs.member(scope.locationId, scope.residentUid), windowMs: config.push.throttleWindowMs };
}

/** A batch decided and ready to send: who was chosen, who is pushed now (their devices) and who was grouped. */
export interface PushPlan extends ThrottleDecision {
  requestId: string;
  batch: string;
  message: LocalizedMessage;
  recipients: string[];
  targets: PushTarget[];
}

/** Deterministic: a replayed batch never pushes a device twice. */
export const deliveryId = (batch: string, uid: string, deviceId: string): string => `${batch}-${uid}-${deviceId}`;

const WRITES_PER_BATCH = 450;

const serverTime = () => FieldValue.serverTimestamp();

/**
 * Idempotent by ids: the batch's `notified-<batch>` event is committed with its last delivery rows, so its presence
 * means the batch is done; a batch cut short by a crash resumes and skips the devices that already have a row.
 * A push is sent before its row is written: a crash in between may push a device twice, never zero times.
 */
export async function deliverPushBatch(batch: PushBatch): Promise<void> {
  const { requestId } = batch;
  // One round trip: the "already done?" check and the recipients are read together.
  const [done, uids] = await Promise.all([readDoc(notifiedRef(requestId, batch.batch)), batch.recipients()]);
  if (done.exists) {
    logs.pushBatchAlreadyDone(requestId, batch.batch);
    return;
  }
  const decision = batch.throttle ? await claimPushSlots(slotsOf(requestId, batch.throttle), uids, requestId, batch.batch) : { push: uids, grouped: [] };
  const targets = decision.push.length > 0 ? await batch.targets(decision.push) : [];
  await sendPushPlan({ requestId, batch: batch.batch, message: batch.message, recipients: uids, ...decision, targets }, true);
}

/**
 * Sends a decided batch and records it: one delivery row per device and the `notified-<batch>` event, committed
 * together. `resuming` skips devices that already have a row (a replay); a first send has none to look for.
 */
export async function sendPushPlan(plan: PushPlan, resuming: boolean): Promise<void> {
  const { requestId, grouped } = plan;
  const eventRef = notifiedRef(requestId, plan.batch);
  const detail: SosEventDetail = { batch: plan.batch, recipients: plan.recipients.length, pushed: plan.push.length, grouped: grouped.length };
  if (plan.push.length === 0 && grouped.length > 0) {
    await writeDoc(eventRef, notifiedEvent({ ...detail, devices: 0, statuses: {} }));
    logs.pushGrouped(requestId, plan.batch, grouped.map((g) => g.pushedFor).join(','));
    return;
  }

  const rows = plan.targets.map((target) => refs.delivery(requestId, deliveryId(plan.batch, target.uid, target.deviceId)));
  const existing = resuming && rows.length > 0 ? await db.getAll(...rows) : [];
  const pending = plan.targets.flatMap((target, i) => (existing[i]?.exists ? [] : [{ target, row: rows[i]! }]));

  // One transport call per locale (and count): everyone in a group gets the same text.
  const sent = (
    await Promise.all(
      byText(pending, plan.counts).map(async ([locale, count, group]) => {
        const message = plan.message(locale, count);
        const outcomes = await pushTransport.send(
          group.map(({ target }) => target.token),
          message,
        );
        return group.map((item, i) => ({ ...item, title: message.title, outcome: outcomes[i] ?? NO_OUTCOME }));
      }),
    )
  ).flat();
  const counts: Partial<Record<DeliveryStatus, number>> = {};
  const writes = await Promise.all(
    sent.map(async ({ target, row, title, outcome }) => {
      const status: DeliveryStatus = outcome.status === 'unregistered' ? await removeDeadDevice(target, outcome.error) : outcome.status;
      counts[status] = (counts[status] ?? 0) + 1;
      const data: DeliveryWrite<FieldValue> = {
        uid: target.uid,
        deviceId: target.deviceId,
        status,
        error: outcome.error,
        at: serverTime(),
        batch: plan.batch,
        locale: target.locale,
        title,
        channel: 'push',
      };
      return { row, data };
    }),
  );

  const notified = notifiedEvent({ ...detail, devices: plan.targets.length, statuses: counts });
  // The event goes with the last chunk of rows: present means every row is there.
  for (let i = 0; i === 0 || i < writes.length; i += WRITES_PER_BATCH) {
    const chunk = db.batch();
    for (const { row, data } of writes.slice(i, i + WRITES_PER_BATCH)) chunk.set(row, data);
    if (i + WRITES_PER_BATCH >= writes.length) chunk.set(eventRef, notified);
    await chunk.commit();
  }
  logs.pushBatchSent(requestId, plan.batch, { recipients: plan.push.length, grouped: grouped.length, devices: plan.targets.length, ...counts });
}

const NO_OUTCOME: PushOutcome = { status: 'failed', error: 'transport returned no outcome' };

function byText<T extends { target: PushTarget }>(items: readonly T[], counts: Record<string, number> = {}): [Locale, number, T[]][] {
  const groups = new Map<string, [Locale, number, T[]]>();
  for (const item of items) {
    const count = counts[item.target.uid] ?? 1;
    const key = `${item.target.locale}/${count}`;
    groups.set(key, [item.target.locale, count, [...(groups.get(key)?.[2] ?? []), item]]);
  }
  return [...groups.values()];
}

const notifiedRef = (requestId: string, batch: string) => refs.event(requestId, `notified-${batch}`);

function notifiedEvent(detail: SosEventDetail): SosEventWrite<Timestamp, FieldValue> {
  return { type: 'notified', at: serverTime(), by: null, detail };
}

/**
 * Every device of each uid with the owner's locale, read from their devices and profile (for people the dispatch
 * document does not list: the requester, an off-duty claimer).
 */
export async function readDevices(uids: readonly string[]): Promise<PushTarget[]> {
  const [profiles, snapshots] = await Promise.all([
    uids.length > 0 ? db.getAll(...uids.map((uid) => refs.user(uid))) : Promise.resolve([]),
    Promise.all(uids.map((uid) => readQuery(refs.devices(uid)))),
  ]);
  return snapshots.flatMap((snapshot, i) => {
    const locale = localeOf(profiles[i]?.data()?.locale);
    return snapshot.docs.map((doc) => ({ uid: uids[i]!, deviceId: doc.id, token: doc.data().token, locale }));
  });
}

/** Removes a device whose token FCM no longer knows, unless it was re-registered with another token since. */
async function removeDeadDevice(target: PushTarget, error: string): Promise<DeliveryStatus> {
  const ref = refs.device(target.uid, target.deviceId);
  const removed = await db.runTransaction(async (tx) => {
    const device = (await tx.get(ref)).data();
    if (device?.token !== target.token) return false;
    tx.delete(ref);
    return true;
  });
  if (removed) logs.pushTokenRemoved(target.uid, target.deviceId, error);
  else logs.pushTokenKept(target.uid, target.deviceId);
  return removed ? 'token_removed' : 'failed';
}

/**
 * Which recipients this batch pushes and which are grouped, with the slots it takes: the caller writes `claim`
 * (merged into the throttle document) in the same transaction that read `current`. A message push (`messageId`)
 * also says how many messages each push announces, resets the recipient's held-back list, and `hold` adds the
 * message to the list of each recipient it is held back from (a set: a replay counts nothing twice).
 */
export function planThrottle(
  current: PushThrottle<Timestamp> | undefined,
  recipients: readonly string[],
  requestId: string,
  batch: string,
  nowMillis: number,
  windowMs = config.push.throttleWindowMs,
  messageId?: string,
): { decision: ThrottleDecision; claim: PushThrottleWrite<FieldValue> | null; hold: Record<string, { held: FieldValue }> | null } {
  const key = batchKey(requestId, batch);
  const decided = decideThrottle(current, recipients, key, nowMillis, windowMs);
  const counts = messageId === undefined ? undefined : announcedCounts(current, decided.push, key, messageId);
  const decision = counts ? { ...decided, counts } : decided;
  const claims = decision.push.filter((uid) => {
    const last = current?.recipients?.[uid];
    return !last || batchKey(last.requestId, last.batch) !== key;
  });
  const slot = (uid: string) => ({ lastPushAt: serverTime(), requestId, batch, ...(counts ? { count: counts[uid] ?? 1, held: [] } : {}) });
  const claim = claims.length > 0 ? { recipients: Object.fromEntries(claims.map((uid) => [uid, slot(uid)])) } : null;
  const hold =
    messageId !== undefined && decision.grouped.length > 0
      ? Object.fromEntries(decision.grouped.map(({ uid }) => [uid, { held: FieldValue.arrayUnion(messageId) }]))
      : null;
  return { decision, claim, hold };
}

/**
 * Takes the push slots of the recipients for this batch: the (location, resident) slots kept in the resident's
 * membership document, or the message slots of the request (`sosRequests/{id}/throttles/messages`). For the
 * resident's slots a plain read settles the common flood case (everyone pushed recently) without contention; only
 * free slots are claimed in a transaction, so of concurrent requests exactly one pushes each recipient. Someone
 * without a membership there (a visitor) is not throttled: visitor floods are grouped per QR code when the request
 * opens. Message slots are always taken in a transaction: a held-back message is counted even when nobody is pushed.
 */
async function claimPushSlots(slots: ThrottleSlots, recipients: string[], requestId: string, batch: string): Promise<ThrottleDecision> {
  const { ref, windowMs, messageId } = slots;
  if (messageId === undefined) {
    const first = await readDoc(ref);
    const peek = planThrottle(first.data()?.pushThrottle, recipients, requestId, batch, Date.now(), windowMs).decision;
    if (peek.push.length === 0 || !first.exists) return peek;
  }
  return db.runTransaction(async (tx) => {
    const doc = await tx.get(ref);
    const { decision, claim, hold } = planThrottle(doc.data()?.pushThrottle, recipients, requestId, batch, Date.now(), windowMs, messageId);
    const write = { recipients: { ...claim?.recipients, ...hold } };
    if ((claim || hold) && (doc.exists || messageId !== undefined)) tx.set(ref, { pushThrottle: write }, { merge: true });
    return decision;
  });
}
