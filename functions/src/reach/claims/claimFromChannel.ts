// Claims from Telegram, SMS and voice, one function for every channel: who the address belongs to (the location's
// dispatch document, or the SMS rows that alerted that number), then one transaction, first one wins.
import { FieldValue, type Timestamp, db, groupRefs, mergeDoc, peopleRefs, reachRefs, readDoc, readGroup, refs } from '../../firestore';
import type { ContactAlertChannel, Locale } from '@sos/model';
import { readDispatchNow } from '../../dispatch/rebuildDispatch';
import { localeOf } from '../../notify/texts';
import { reachLogs } from '../../logs';
import { decideChannelClaim, type ClaimAnswer } from './decideClaim';
import { ALERT_TEXTS } from '../steps/alertTexts';

export interface ChannelClaim {
  requestId: string;
  channel: ContactAlertChannel;
  /** The claimer's address on the channel: the Telegram chat id, the phone number. */
  address: string;
  /** The key pressed on a call. */
  digits?: string;
}

/** The answer, and the language to say it in (the claimer's; Russian for an unknown sender). */
export interface ClaimReply {
  answer: ClaimAnswer;
  locale: Locale;
}

/** The claimer hears, in their language: it is theirs, who took it, that it is closed, or that this number cannot accept. */
export function claimReplyText({ answer, locale }: ClaimReply, channel: ContactAlertChannel): string {
  const texts = ALERT_TEXTS[locale];
  switch (answer.result) {
    case 'claimed':
      return texts.accepted;
    case 'taken':
      return texts.takenBy(answer.name);
    case 'closed':
      return texts.closed;
    case 'refused':
      return channel === 'telegram' ? texts.notYourChat : texts.notYours;
  }
}

/** An SMS "1" names no request: the most recent request alerted by SMS to the number within this window. */
export const SMS_REPLY_WINDOW_MS = 15 * 60_000;

/** Who holds this address on this channel among the people the request's location may alert (its roster, or admin). */
async function claimerOf(
  locationId: string,
  channel: ContactAlertChannel,
  address: string,
): Promise<{ uid: string; contactId: string; locale: Locale } | null> {
  const dispatch = await readDispatchNow(locationId);
  for (const [uid, recipient] of Object.entries(dispatch?.recipients ?? {})) {
    const contact = recipient.contacts?.find((known) => known.channel === channel && known.address === address);
    if (contact) return { uid, contactId: contact.id, locale: localeOf(recipient.locale) };
  }
  return null;
}

/**
 * The claim, as the app's: `open → acknowledged` with `ackBy`, `ackByName` (the roster name), `ackAt`, and the
 * channel (the update trigger writes the `acknowledged` event with it and pushes the requester). Re-checked inside the
 * transaction: the method is still verified, the claimer still serves the location, the request still open.
 */
export async function claimFromChannel(claim: ChannelClaim, who?: { uid: string; contactId: string; locale: Locale }): Promise<ClaimReply> {
  const requestRef = refs.sosRequest(claim.requestId);
  const known = (await readDoc(requestRef)).data();
  const claimer = who ?? (known ? await claimerOf(known.locationId, claim.channel, claim.address) : null);
  if (!known || !claimer) {
    reachLogs.claimRefused(claim.requestId, claim.channel, 'unknown sender');
    return { answer: { result: 'refused' }, locale: 'ru' };
  }
  const answer = await db.runTransaction(async (tx) => {
    const [requestSnap, contactSnap, memberSnap, rosterSnap] = await Promise.all([
      tx.get(requestRef),
      tx.get(reachRefs.contact(claimer.uid, claimer.contactId)),
      tx.get(peopleRefs.member(known.locationId, claimer.uid)),
      tx.get(refs.staffMember(known.locationId, claimer.uid)),
    ]);
    const request = requestSnap.data();
    const decision = decideChannelClaim(request, {
      contact: contactSnap.data(),
      channel: claim.channel,
      address: claim.address,
      role: memberSnap.data()?.role,
      rosterName: rosterSnap.data()?.name,
    });
    if (decision.result === 'claimed') {
      tx.update(requestRef, {
        status: 'acknowledged',
        ackBy: claimer.uid,
        ackByName: decision.name,
        ackAt: FieldValue.serverTimestamp(),
        ackChannel: claim.channel,
        ...(claim.digits ? { ackDigits: claim.digits } : {}),
      });
    }
    return decision;
  });
  if (answer.result === 'claimed') reachLogs.claimed(claim.requestId, claim.channel, claimer.uid);
  else reachLogs.claimRefused(claim.requestId, claim.channel, answer.result);
  return { answer, locale: claimer.locale };
}

/**
 * An SMS "1": the most recent request alerted by SMS to that number within 15 minutes that is still open (or, when
 * none is, the most recent, so a late claimer hears who took it).
 */
export async function claimBySmsReply(from: string, nowMillis = Date.now()): Promise<ClaimReply> {
  const rows = await readGroup(groupRefs.deliveries(), 'deliveries', (all) =>
    all
      .where('to', '==', from)
      .where('channel', '==', 'sms')
      .where('at', '>=', new Date(nowMillis - SMS_REPLY_WINDOW_MS))
      .orderBy('at', 'desc')
      .limit(20),
  );
  const alerted = rows.docs.map((row) => ({
    requestId: row.ref.parent.parent!.id,
    uid: row.data().uid,
    contactId: row.data().deviceId,
    locale: localeOf(row.data().locale),
  }));
  const requestIds = [...new Set(alerted.map((row) => row.requestId))];
  if (requestIds.length === 0) return { answer: { result: 'refused' }, locale: 'ru' };
  const requests = await db.getAll(...requestIds.map((id) => refs.sosRequest(id)));
  const openIndex = requests.findIndex((snapshot) => snapshot.data()?.status === 'open');
  const requestId = requestIds[Math.max(0, openIndex)]!;
  const row = alerted.find((candidate) => candidate.requestId === requestId)!;
  return claimFromChannel({ requestId, channel: 'sms', address: from }, row);
}

/** `STOP` by SMS: every verified SMS method on that number is unverified (alerts stop with the dispatch rebuild); the locale to answer in. */
export async function stopSms(from: string): Promise<Locale> {
  const methods = await readGroup(groupRefs.contacts(), 'contacts', (all) => all.where('address', '==', from));
  const stopped = methods.docs.filter((doc) => doc.data().kind === 'sms' && doc.data().verified);
  await Promise.all(stopped.map((doc) => mergeDoc(doc.ref, { verified: false, verifiedAt: null })));
  reachLogs.smsStopped(stopped.length);
  // Answered in the owner's language (Russian when the number is nobody's).
  const owner = stopped[0]?.ref.parent.parent;
  return owner ? localeOf((await readDoc(refs.user(owner.id))).data()?.locale) : 'ru';
}

/** What Twilio reports of a message or call, as a delivery row's status; null for the steps in between (queued, ringing…). */
export function reportedStatus(fields: Record<string, unknown>): 'delivered' | 'failed' | 'no-answer' | null {
  const status = fields.MessageStatus ?? fields.CallStatus;
  switch (status) {
    case 'delivered':
    case 'completed':
      return 'delivered';
    case 'failed':
    case 'undelivered':
    case 'canceled':
      return 'failed';
    case 'no-answer':
    case 'busy':
      return 'no-answer';
    default:
      return null;
  }
}

/** A status callback: the row with that provider id takes the status, and the journal gets a `delivery` event (once per status). */
export async function recordDeliveryStatus(providerId: string, status: 'delivered' | 'failed' | 'no-answer'): Promise<boolean> {
  const rows = await readGroup(groupRefs.deliveries(), 'deliveries', (all) => all.where('providerId', '==', providerId).limit(1));
  const row = rows.docs[0];
  if (!row) return false;
  const requestId = row.ref.parent.parent!.id;
  const data = row.data();
  const batch = db.batch();
  batch.update(row.ref, { status });
  batch.set(refs.event(requestId, `delivery-${row.id}-${status}`), {
    type: 'delivery',
    at: FieldValue.serverTimestamp() as unknown as Timestamp,
    by: data.uid,
    detail: { channel: data.channel ?? 'push', status },
  });
  await batch.commit();
  return true;
}
