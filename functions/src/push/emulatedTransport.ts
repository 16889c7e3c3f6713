// Emulator transport: records `emulated` and sends nothing. Test tokens with a known prefix behave like
// FCM's dead or failing tokens, so the real removal and failure paths run on the emulators too.
import type { PushOutcome, PushTransport } from './transport';

/** A token starting with this is treated as unregistered (FCM: registration-token-not-registered). */
export const UNREGISTERED_TEST_TOKEN_PREFIX = 'invalid-';
/** A token starting with this fails transiently (FCM: unavailable); the device is kept. */
export const FAILING_TEST_TOKEN_PREFIX = 'failing-';

export function emulatedOutcome(token: string): PushOutcome {
  if (token.startsWith(UNREGISTERED_TEST_TOKEN_PREFIX)) {
    return { status: 'unregistered', error: 'messaging/registration-token-not-registered (emulated)' };
  }
  if (token.startsWith(FAILING_TEST_TOKEN_PREFIX)) return { status: 'failed', error: 'messaging/unavailable (emulated)' };
  return { status: 'emulated', error: null };
}

export const emulatedTransport: PushTransport = {
  name: 'emulated',
  send: async (tokens) => tokens.map(emulatedOutcome),
};
