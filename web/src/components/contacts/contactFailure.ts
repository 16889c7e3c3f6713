// What a refused contact callable says to the person: the function's refusal reason (details.reason) in words, else
// the contract's HttpsError code.
import type { CallableFailure } from '../../composables/callableFailure';

const BY_REASON: Record<string, string> = {
  'wrong-code': 'contacts.errors.wrongCode',
  'invalid-code': 'contacts.errors.codeFormat',
  locked: 'contacts.errors.locked',
  'too-many-codes': 'contacts.errors.tooManyCodes',
  'too-many-tests': 'contacts.errors.tooManyTests',
  'no-code': 'contacts.errors.expired',
  'already-verified': 'contacts.errors.alreadyVerified',
  'not-verified': 'contacts.errors.notVerified',
  'contact-not-found': 'contacts.errors.notFound',
};

const BY_CODE: Record<string, string> = {
  'resource-exhausted': 'contacts.errors.exhausted',
  'failed-precondition': 'contacts.errors.expired',
  'not-found': 'contacts.errors.notFound',
};

/** The message key (and its parameters) for a failed sendContactCode, confirmContact, linkTelegram or testContact. */
export function contactFailureMessage(failure: CallableFailure): { key: string; params?: Record<string, string> } {
  const key = (failure.detail ? BY_REASON[failure.detail] : undefined) ?? BY_CODE[failure.code];
  return key ? { key } : { key: 'contacts.errors.failed', params: { message: failure.message } };
}
