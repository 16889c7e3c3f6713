import { describe, expect, it } from 'vitest';
import { callableFailure } from '../../../composables/callableFailure';
import { t } from '../../../i18n';
import { contactFailureMessage } from '../contactFailure';

/** What the person reads for a callable error shaped as the Functions SDK throws it. */
const says = (code: string, reason?: string, message = 'backend words') => {
  const { key, params } = contactFailureMessage(callableFailure({ code: `functions/${code}`, message, details: reason ? { reason } : undefined }));
  return t(key, params);
};

describe('contact callable refusals in words', () => {
  it('a wrong code, a malformed code and a lock each say what happened', () => {
    expect(says('invalid-argument', 'wrong-code')).toBe(t('contacts.errors.wrongCode'));
    expect(says('invalid-argument', 'invalid-code')).toBe(t('contacts.errors.codeFormat'));
    expect(says('resource-exhausted', 'locked')).toBe(t('contacts.errors.locked'));
  });

  it('the hourly limits on codes and tests are told apart', () => {
    expect(says('resource-exhausted', 'too-many-codes')).toBe(t('contacts.errors.tooManyCodes'));
    expect(says('resource-exhausted', 'too-many-tests')).toBe(t('contacts.errors.tooManyTests'));
  });

  it('a code that expired or was never sent asks for a new one; a removed method says so', () => {
    expect(says('failed-precondition', 'no-code')).toBe(t('contacts.errors.expired'));
    expect(says('not-found', 'contact-not-found')).toBe(t('contacts.errors.notFound'));
  });

  it('an unknown reason falls back to its code, and an unknown code to the message itself', () => {
    expect(says('resource-exhausted', 'something-new')).toBe(t('contacts.errors.exhausted'));
    expect(says('internal', undefined, 'boom')).toBe(t('contacts.errors.failed', { message: 'boom' }));
  });
});
