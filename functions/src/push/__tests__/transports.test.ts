import { describe, expect, it } from 'vitest';
import { emulatedOutcome, emulatedTransport } from '../emulatedTransport';
import { fcmErrorOutcome } from '../fcmTransport';

describe('emulated transport', () => {
  it('records emulated for real-looking tokens and sends nothing', async () => {
    const message = { title: 't', body: 'b', link: '/', tag: 'x', data: {} };
    expect(await emulatedTransport.send(['abc', 'invalid-1', 'failing-1'], message)).toEqual([
      { status: 'emulated', error: null },
      { status: 'unregistered', error: 'messaging/registration-token-not-registered (emulated)' },
      { status: 'failed', error: 'messaging/unavailable (emulated)' },
    ]);
  });
  it('treats only the documented prefix as unregistered', () => {
    expect(emulatedOutcome('token-invalid-').status).toBe('emulated');
  });
});

describe('fcm error classification', () => {
  it('dead tokens are unregistered, everything else a failure that keeps the device', () => {
    expect(fcmErrorOutcome('messaging/registration-token-not-registered', 'gone').status).toBe('unregistered');
    expect(fcmErrorOutcome('messaging/invalid-registration-token', 'bad').status).toBe('unregistered');
    expect(fcmErrorOutcome('messaging/unavailable', 'later')).toEqual({ status: 'failed', error: 'messaging/unavailable: later' });
    expect(fcmErrorOutcome(undefined, 'boom')).toEqual({ status: 'failed', error: 'boom' });
  });
});
