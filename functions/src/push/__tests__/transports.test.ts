import { describe, expect, it } from 'vitest';
import { emulatedOutcome, emulatedTransport } from '../emulatedTransport';
import { PUSH_TTL_SECONDS, fcmErrorOutcome, multicastMessage } from '../fcmTransport';

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

describe('fcm message', () => {
  const message = { title: 'SOS', body: 'b', link: '/staff?request=r1', tag: 'sos-r1', data: { requestId: 'r1', kind: 'open' } };
  it('wakes the phone at once (Urgency: high) and expires with the response window', () => {
    const built = multicastMessage(['t1'], message);
    expect(built.webpush?.headers).toEqual({ Urgency: 'high', TTL: String(PUSH_TTL_SECONDS) });
    expect(built.android?.priority).toBe('high');
    expect(built.android?.ttl).toBe(PUSH_TTL_SECONDS * 1000);
    expect(PUSH_TTL_SECONDS).toBeLessThanOrEqual(30 * 60);
  });
  it('carries the link and request in data for the service worker', () => {
    expect(multicastMessage(['t1'], message).data).toEqual({ requestId: 'r1', kind: 'open', link: '/staff?request=r1' });
  });
});
