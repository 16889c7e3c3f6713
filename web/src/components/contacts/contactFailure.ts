// What a refused contact callable says to the person: the contract's HttpsError codes in words.
import type { CallableFailure } from '../../composables/callableFailure';

/** The message key (and its parameters) for a failed sendContactCode, confirmContact, linkTelegram or testContact. */
export function contactFailureMessage(failure: CallableFailure): { key: string; params?: Record<string, string> } {
  switch (failure.code) {
    case 'invalid-argument':
      return /wrong-code/.test(failure.message) ? { key: 'contacts.errors.wrongCode' } : { key: 'contacts.errors.codeFormat' };
    case 'resource-exhausted':
      return { key: 'contacts.errors.exhausted' };
    case 'failed-precondition':
    case 'deadline-exceeded':
      return { key: 'contacts.errors.expired' };
    case 'not-found':
      return { key: 'contacts.errors.notFound' };
    default:
      return { key: 'contacts.errors.failed', params: { message: failure.message } };
  }
}
