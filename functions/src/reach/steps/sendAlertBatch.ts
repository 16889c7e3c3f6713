// One alert step's batch: its channel to its audience. A push repeats the audience's push; Telegram, SMS and voice
// go to each person's verified contact methods (from the dispatch document) through the channel transport, within
// the rate limits; one delivery row per message sent, and the `notified-<batch>` event with the counts last.
import { FieldValue, type Timestamp, db, refs } from '../../firestore';
import type { AlertChannel, DeliveryStatus, DeliveryWrite, Dispatch, DispatchContact, Locale, SosEventDetail, SosRequest, TimestampLike } from '@sos/model';
import { escalationAudience, openAudience } from '../../notify/audience';
import { staffPushMessage } from '../../notify/messages';
import { deliverPushBatch } from '../../notify/pushBatch';
import { localeOf } from '../../notify/texts';
import { rosterOf, targetsOf } from '../../dispatch/dispatchDoc';
import { webhookBaseUrl } from '../../params';
import { reachLogs } from '../../logs';
import { channelTransport } from '../transport';
import { ALERT_TEXTS, alertMessage } from './alertTexts';
import { decideRateLimit } from './rateLimit';

export interface AlertBatch {
  requestId: string;
  /** `alert-<round>-<index>`: part of every id the batch writes, so a replay finds its own work. */
  batch: string;
  round: number;
  channel: AlertChannel;
  request: SosRequest<Timestamp>;
  dispatch: Pick<Dispatch<TimestampLike | FieldValue>, 'recipients' | 'location' | 'duty'>;
  /** The instant whose duty makes the audience: when the step is sent. */
  atMillis: number;
}

/** One contact method of one person of the audience. */
interface ContactTarget {
  uid: string;
  contact: DispatchContact;
  locale: Locale;
}

/** Deterministic: a replayed step never alerts a contact method twice. */
export const contactDeliveryId = (batch: string, uid: string, contactId: string): string => `${batch}-${uid}-${contactId}`;

/** Where a call's «press 1» is posted: the one Twilio webhook, naming the request (signed by Twilio with the query). */
export const gatherActionUrl = (requestId: string): string => `${webhookBaseUrl()}/twilioWebhook?request=${encodeURIComponent(requestId)}`;

/** The audience of a round at an instant: the open step's is the on-duty tier 1, an escalation round's every on-duty staff member and the admins. */
export function audienceOf(dispatch: AlertBatch['dispatch'], round: number, atMillis: number): string[] {
  const roster = rosterOf(dispatch, atMillis);
  return round === 0 ? openAudience(roster) : escalationAudience(roster, dispatch.location.admins);
}

/** Every verified contact method of the audience on the channel, with its owner's language. */
export function contactTargets(dispatch: AlertBatch['dispatch'], uids: readonly string[], channel: AlertChannel): ContactTarget[] {
  return uids.flatMap((uid) => {
    const recipient = dispatch.recipients[uid];
    return (recipient?.contacts ?? [])
      .filter((contact) => contact.channel === channel)
      .map((contact) => ({ uid, contact, locale: localeOf(recipient?.locale) }));
  });
}

export async function sendAlertBatch(batch: AlertBatch): Promise<void> {
  const audience = audienceOf(batch.dispatch, batch.round, batch.atMillis);
  if (batch.channel === 'push') {
    const { dispatch, request, requestId, round } = batch;
    await deliverPushBatch({
      requestId,
      batch: batch.batch,
      message: (locale) => staffPushMessage(locale, requestId, request, Date.now(), round),
      recipients: async () => audience,
      targets: async (uids) => targetsOf(dispatch, uids),
    });
    return;
  }
  await sendContactAlerts(batch, audience, contactTargets(batch.dispatch, audience, batch.channel));
}

/**
 * Idempotent by ids: a contact method that already has its row is skipped, and the `notified-<batch>` event is
 * written after every row. A message is sent before its row is written: a crash in between may alert twice, never zero times.
 */
async function sendContactAlerts(batch: AlertBatch, audience: string[], targets: ContactTarget[]): Promise<void> {
  const { requestId, request } = batch;
  // Nobody of the audience has a verified method on this channel: nothing is sent, so nothing is written.
  if (targets.length === 0) return;
  const rows = targets.map((target) => refs.delivery(requestId, contactDeliveryId(batch.batch, target.uid, target.contact.id)));
  const eventRef = refs.event(requestId, `notified-${batch.batch}`);
  // One round trip: "already done?" (the event, written last) and which methods already have their row.
  const [done, ...existing] = await db.getAll(eventRef, ...rows);
  if (done?.exists) return;
  const locationName = request.locationName ?? batch.dispatch.location.name;
  const statuses: Partial<Record<DeliveryStatus, number>> = {};
  let sent = 0;
  let grouped = 0;
  for (const [i, target] of targets.entries()) {
    if (existing[i]?.exists) continue;
    const limit = await takeRateSlot(target.uid, target.contact.channel, locationName);
    if (limit.action === 'hold') {
      grouped += 1;
      continue;
    }
    const texts = ALERT_TEXTS[target.locale];
    const more = limit.held ? texts.moreCalls(limit.held.count, limit.held.locationName) : null;
    const message = alertMessage(target.contact.channel, target.contact.address, target.locale, requestId, request, gatherActionUrl(requestId), more);
    const result = await channelTransport().send(message);
    const row: DeliveryWrite<FieldValue> = {
      uid: target.uid,
      deviceId: target.contact.id,
      status: result.status,
      error: result.error,
      at: FieldValue.serverTimestamp(),
      batch: batch.batch,
      locale: target.locale,
      channel: target.contact.channel,
      to: target.contact.address,
      providerId: result.providerId,
      ...(result.payload ? { payload: storablePayload(result.payload) } : {}),
    };
    await db.batch().set(rows[i]!, row).commit();
    statuses[result.status] = (statuses[result.status] ?? 0) + 1;
    sent += 1;
  }
  const detail: SosEventDetail = {
    batch: batch.batch,
    channel: batch.channel,
    recipients: audience.length,
    pushed: sent,
    grouped,
    devices: targets.length,
    statuses,
  };
  await db.batch().set(eventRef, { type: 'notified', at: FieldValue.serverTimestamp(), by: null, detail }).commit();
  reachLogs.alertBatchSent(requestId, batch.batch, batch.channel, { sent, grouped, contacts: targets.length });
}

/**
 * A provider body as a Firestore map: Firestore holds no array inside an array, so a top-level object field (Telegram's
 * `reply_markup` with its `inline_keyboard` rows) is kept JSON-serialized, the form the Bot API itself accepts for it.
 */
export function storablePayload(payload: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(payload).map(([key, value]) => [key, typeof value === 'object' && value !== null ? JSON.stringify(value) : value]));
}

/** Takes a slot of the person's rate limit on the channel, or holds the alert (told with their next one). */
async function takeRateSlot(uid: string, channel: DispatchContact['channel'], locationName: string) {
  const ref = refs.alertLimit(uid);
  return db.runTransaction(async (tx) => {
    const limits = (await tx.get(ref)).data();
    const decision = decideRateLimit(limits?.[channel], channel, Date.now(), locationName);
    // Telegram has no limit: nothing to keep.
    if (channel !== 'telegram') tx.set(ref, { [channel]: decision.next }, { merge: true });
    return decision;
  });
}
