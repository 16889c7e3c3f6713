// What each contact callable does: read and decide in a transaction (decisions.ts), then send through the channel
// transport and record the message as a notice. Sending happens after the commit: a transaction may run twice.
import { randomBytes, randomInt } from 'node:crypto';
import {
  CONTACT_CODE_DIGITS,
  TELEGRAM_LINK_CODE_BYTES,
  TELEGRAM_LINK_TTL_MS,
  telegramLinkUrl,
  type Contact,
  type ContactVerification,
  type ConfirmContactResult,
  type LinkTelegramResult,
  type Locale,
  type NoticeType,
  type SendContactCodeResult,
  type TestContactResult,
} from '@sos/model';
import { FieldValue, Timestamp, createDoc, db, readAllIn, readDoc, reachRefs, refs, type Transaction } from '../../firestore';
import { localeOf } from '../../notify/texts';
import { contactLogs } from '../../logs';
import { channelTransport, type ChannelMessage } from '../transport';
import { sayTwiml } from '../transport/twiml';
import {
  EMPTY_VERIFICATION,
  decideConfirm,
  decideSendCode,
  decideTest,
  hashLinkCode,
  parseConfirmation,
  parseContactId,
  refuseContact,
  refuseWrongCode,
  type ContactView,
  type VerificationState,
} from './decisions';
import { contactTexts } from './texts';

const millis = (value: Timestamp | null | undefined): number | null => (value ? value.toMillis() : null);

function stateOf(stored: ContactVerification<Timestamp> | undefined): VerificationState {
  if (!stored) return EMPTY_VERIFICATION;
  return {
    codes: Object.fromEntries(Object.entries(stored.codes).map(([id, pending]) => [id, { ...pending, expiresAt: pending.expiresAt.toMillis() }])),
    codesSentAt: stored.codesSentAt.map((at) => at.toMillis()),
    testsSentAt: stored.testsSentAt.map((at) => at.toMillis()),
    wrongTries: stored.wrongTries,
    lockedUntil: millis(stored.lockedUntil),
  };
}

function storedOf(state: VerificationState): ContactVerification<Timestamp> {
  return {
    codes: Object.fromEntries(Object.entries(state.codes).map(([id, pending]) => [id, { ...pending, expiresAt: Timestamp.fromMillis(pending.expiresAt) }])),
    codesSentAt: state.codesSentAt.map((at) => Timestamp.fromMillis(at)),
    testsSentAt: state.testsSentAt.map((at) => Timestamp.fromMillis(at)),
    wrongTries: state.wrongTries,
    lockedUntil: state.lockedUntil === null ? null : Timestamp.fromMillis(state.lockedUntil),
  };
}

const viewOf = (contact: Contact<Timestamp> | undefined): ContactView | undefined =>
  contact && { kind: contact.kind, address: contact.address, verified: contact.verified === true };

/** The contact and the person's verification state, read in one round trip of the transaction. */
async function readForDecision(tx: Transaction, uid: string, contactId: string) {
  const [contactSnap, verificationSnap] = await readAllIn(tx, reachRefs.contact(uid, contactId), reachRefs.contactVerification(uid));
  return { contact: contactSnap.data(), state: stateOf(verificationSnap.data()) };
}

async function localeOfUser(uid: string): Promise<Locale> {
  const profile = await readDoc(refs.user(uid));
  return localeOf(profile.data()?.locale);
}

/** One message over the contact's own channel: `text` for Telegram and SMS, `spoken` for a call. */
function messageTo(contact: ContactView, text: string, spoken: string, locale: Locale): ChannelMessage {
  switch (contact.kind) {
    case 'telegram':
      return { channel: 'telegram', chatId: contact.address, text };
    case 'sms':
      return { channel: 'sms', to: contact.address, body: text };
    case 'voice':
      return { channel: 'voice', to: contact.address, twiml: sayTwiml(spoken, locale) };
  }
}

/** Sends the message and records it as the person's notice; the transport's result. */
async function sendAndRecord(
  uid: string,
  contactId: string,
  contact: ContactView,
  type: NoticeType,
  words: { title: string; text: string; spoken: string },
  locale: Locale,
) {
  const message = messageTo(contact, words.text, words.spoken, locale);
  const result = await channelTransport().send(message);
  const noticeRef = reachRefs.noticeWrite(uid, reachRefs.notices(uid).doc().id);
  await createDoc(noticeRef, {
    type,
    at: FieldValue.serverTimestamp(),
    title: words.title,
    body: contact.kind === 'voice' ? words.spoken : words.text,
    channel: contact.kind,
    status: result.status,
    locationId: null,
    contactId,
    providerId: result.providerId,
    error: result.error,
    ...(result.payload ? { payload: result.payload } : {}),
  });
  contactLogs.contactMessage(uid, contactId, type, contact.kind, result.status, result.error);
  return result;
}

export async function sendContactCode(uid: string, data: unknown): Promise<SendContactCodeResult> {
  const contactId = parseContactId(data);
  const code = String(randomInt(0, 10 ** CONTACT_CODE_DIGITS)).padStart(CONTACT_CODE_DIGITS, '0');
  const salt = randomBytes(16).toString('hex');
  const { contact, expiresAt } = await db.runTransaction(async (tx) => {
    const read = await readForDecision(tx, uid, contactId);
    const next = decideSendCode(viewOf(read.contact), read.state, contactId, code, salt, Date.now());
    tx.set(reachRefs.contactVerification(uid), storedOf(next));
    // decideSendCode refused unless the contact exists.
    return { contact: viewOf(read.contact) as ContactView, expiresAt: next.codes[contactId]?.expiresAt ?? Date.now() };
  });
  const locale = await localeOfUser(uid);
  const texts = contactTexts(locale);
  const words = { title: texts.codeTitle, text: texts.codeText(code), spoken: texts.codeSpoken(code) };
  const result = await sendAndRecord(uid, contactId, contact, 'contact_code', words, locale);
  if (result.status === 'failed') refuseContact('unavailable', 'send-failed', `the code could not be sent: ${result.error ?? 'provider error'}`);
  return { expiresAt: new Date(expiresAt).toISOString() };
}

/** A wrong code is stored first (the count must stick), then refused. */
export async function confirmContact(uid: string, data: unknown): Promise<ConfirmContactResult> {
  const { contactId, code } = parseConfirmation(data);
  const outcome = await db.runTransaction(async (tx) => {
    const read = await readForDecision(tx, uid, contactId);
    const decision = decideConfirm(viewOf(read.contact), read.state, contactId, code, Date.now());
    tx.set(reachRefs.contactVerification(uid), storedOf(decision.state));
    if (decision.kind === 'verified') {
      tx.update(reachRefs.contactWrite(uid, contactId), { verified: true, verifiedAt: FieldValue.serverTimestamp() });
    }
    return decision;
  });
  if (outcome.kind === 'wrong') {
    contactLogs.wrongCode(uid, contactId, outcome.locked);
    refuseWrongCode(outcome.locked);
  }
  contactLogs.contactVerified(uid, contactId);
  return { verified: true };
}

export async function testContact(uid: string, data: unknown): Promise<TestContactResult> {
  const contactId = parseContactId(data);
  const contact = await db.runTransaction(async (tx) => {
    const read = await readForDecision(tx, uid, contactId);
    const next = decideTest(viewOf(read.contact), read.state, Date.now());
    tx.set(reachRefs.contactVerification(uid), storedOf(next));
    return viewOf(read.contact) as ContactView;
  });
  const locale = await localeOfUser(uid);
  const texts = contactTexts(locale);
  const result = await sendAndRecord(
    uid,
    contactId,
    contact,
    'contact_test',
    { title: texts.testTitle, text: texts.testText, spoken: texts.testSpoken },
    locale,
  );
  return { status: result.status };
}

/** A one-time `t.me` link: the code is stored only as its SHA-256, so the link document cannot be turned back into it. */
export async function linkTelegram(uid: string, botName: string): Promise<LinkTelegramResult> {
  const code = randomBytes(TELEGRAM_LINK_CODE_BYTES).toString('base64url');
  const now = Date.now();
  const expiresAt = Timestamp.fromMillis(now + TELEGRAM_LINK_TTL_MS);
  await createDoc(reachRefs.telegramLink(hashLinkCode(code)), { uid, createdAt: Timestamp.fromMillis(now), expiresAt, usedAt: null });
  contactLogs.telegramLinkCreated(uid);
  return { url: telegramLinkUrl(botName, code), expiresAt: expiresAt.toDate().toISOString() };
}
