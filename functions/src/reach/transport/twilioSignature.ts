// X-Twilio-Signature: how Twilio signs every webhook it calls, so a webhook can tell Twilio from anyone else.
// https://www.twilio.com/docs/usage/security#validating-requests
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The POST form fields of a Twilio webhook: a field sent more than once is a list of its values. */
export type TwilioFormParams = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * The signature Twilio sends for a POST to `url` (the full URL it called, query included) with form `params`:
 * base64(HMAC-SHA1(authToken, url + each field name followed by its value, the fields sorted by name)).
 */
export function twilioSignature(authToken: string, url: string, params: TwilioFormParams = {}): string {
  let signed = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    if (value === undefined) continue;
    const values = typeof value === 'string' ? [value] : [...value].sort();
    for (const one of values) signed += name + one;
  }
  return createHmac('sha1', authToken).update(Buffer.from(signed, 'utf8')).digest('base64');
}

/** True when `signature` (the X-Twilio-Signature header) is Twilio's for this request; compared in constant time. */
export function isValidTwilioSignature(authToken: string, url: string, params: TwilioFormParams, signature: string | undefined): boolean {
  if (!authToken || !signature) return false;
  const expected = Buffer.from(twilioSignature(authToken, url, params), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
