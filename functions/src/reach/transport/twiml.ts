// TwiML, the XML a Twilio call speaks and gathers by.

import type { Locale } from '@sos/model';

/**
 * The voice and language a call speaks in: Twilio's default voice (`man`) speaks no Russian, and an invalid
 * voice/language pair fails the <Say>, so each locale names an Amazon Polly voice Twilio offers for its language.
 */
const VOICE: Record<Locale, { voice: string; language: string }> = {
  ru: { voice: 'Polly.Tatyana', language: 'ru-RU' },
  en: { voice: 'Polly.Joanna', language: 'en-US' },
};

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const say = (text: string, locale: Locale) => `<Say voice="${VOICE[locale].voice}" language="${VOICE[locale].language}">${escapeXml(text)}</Say>`;

/**
 * A call that says `text` and waits for one key: Twilio posts the `Digits` to `action` (an absolute URL). Said twice,
 * then the call ends if nothing was pressed.
 */
export function gatherTwiml(text: string, locale: Locale, action: string): string {
  const gather = `<Gather numDigits="1" timeout="8" action="${escapeXml(action)}" method="POST">${say(text, locale)}</Gather>`;
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${gather}${gather}</Response>`;
}

/** A spoken answer, then the call ends. */
export function sayTwiml(text: string, locale: Locale): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${say(text, locale)}<Hangup/></Response>`;
}

/** An answer to an inbound SMS (empty: no reply). */
export function messageTwiml(text: string | null): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${text === null ? '' : `<Message>${escapeXml(text)}</Message>`}</Response>`;
}
