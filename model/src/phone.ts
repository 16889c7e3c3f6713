// Phone numbers as people type them («8 912 345-67-89», «+7 (912) 345-67-89», «+44 20 7946 0958»): stored as E.164,
// shown grouped. libphonenumber-js with its smallest metadata; the web app loads this module only in chunks with a
// phone field or list (web/src/composables/phoneField.ts), never in the first paint of /, /sos or /q.
import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/min';

/** National forms («8 912…», «912…») are Russian: the buildings this serves are. */
const DEFAULT_COUNTRY = 'RU';
/** What a typed phone may hold: digits, a leading + (or 00), spaces, brackets, hyphens and dots; no letters, no extension. */
const TYPED_PHONE = /^\+?[0-9\s().-]+$/;

function parseTyped(value: string): PhoneNumber | undefined {
  // «00 44 …» is how much of the world dials abroad; Russia's own 8 10 prefix is too rare to guess at.
  const typed = value.trim().replace(/^00(?=[1-9])/, '+');
  if (!TYPED_PHONE.test(typed)) return undefined;
  const number = parsePhoneNumberFromString(typed, DEFAULT_COUNTRY);
  return number?.isValid() ? number : undefined;
}

/** Accepts what people type and returns E.164 (`+79123456789`), or null when it is not a phone in any form. */
export function normalizePhone(value: string): string | null {
  return parseTyped(value)?.number ?? null;
}

/** A phone as people read it, `+79123456789` → «+7 912 345 67 89» (as the source document prints the staff phone); anything else as it is. */
export function formatPhone(value: string): string {
  return parseTyped(value)?.formatInternational() ?? value;
}
