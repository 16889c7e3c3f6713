// The URL the providers call back (and Twilio signs) follows the emulators' ports when SOS_PORT_OFFSET moves them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { movedByPortOffset, webhookBaseUrl } from '../../../params';
import { twilioStatusCallbackUrl } from '../payloads';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('webhook base URL', () => {
  it("is the functions emulator's URL, moved by SOS_PORT_OFFSET like every emulator port", () => {
    vi.stubEnv('SOS_PORT_OFFSET', '3000');
    expect(webhookBaseUrl()).toBe('http://127.0.0.1:8001/demo-sos/us-central1');
    expect(twilioStatusCallbackUrl()).toBe('http://127.0.0.1:8001/demo-sos/us-central1/twilioWebhook');

    vi.stubEnv('SOS_PORT_OFFSET', '');
    expect(webhookBaseUrl()).toBe('http://127.0.0.1:5001/demo-sos/us-central1');
  });

  it('moves only a loopback URL, and refuses an offset that is not a whole number ≥ 0', () => {
    expect(movedByPortOffset('http://localhost:5001/demo-sos/europe-west1', '1000')).toBe('http://localhost:6001/demo-sos/europe-west1');
    expect(movedByPortOffset('https://europe-west1-sos-mycity.cloudfunctions.net', '1000')).toBe('https://europe-west1-sos-mycity.cloudfunctions.net');
    expect(movedByPortOffset('http://127.0.0.1:5001/demo-sos/us-central1', undefined)).toBe('http://127.0.0.1:5001/demo-sos/us-central1');
    expect(() => movedByPortOffset('http://127.0.0.1:5001/x', '-1')).toThrow(/SOS_PORT_OFFSET/);
    expect(() => movedByPortOffset('http://127.0.0.1:5001/x', 'abc')).toThrow(/SOS_PORT_OFFSET/);
  });
});
