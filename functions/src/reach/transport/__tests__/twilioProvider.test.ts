// The live Twilio transport against a local fake of the REST API: the documented request format, and a refusal as `failed`.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { twilioStatusCallbackUrl } from '../payloads';
import { twilioProvider } from '../twilioProvider';
import { startFakeProviderApi, unreachableUrl, type FakeProviderApi } from './fakeProviderApi';

const accountSid = 'AC0123456789abcdef0123456789abcdef';
const authToken = 'fake-auth-token';
const from = '+15005550006';
const basicAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
const twiml = '<?xml version="1.0" encoding="UTF-8"?><Response><Say language="ru-RU">Нужна помощь</Say></Response>';
let api: FakeProviderApi;

beforeAll(async () => {
  api = await startFakeProviderApi(() => ({ status: 201, body: { sid: 'SM00000000000000000000000000000001', status: 'queued' } }));
});
afterAll(() => api.close());
beforeEach(() => {
  api.requests.length = 0;
});

const provider = () => twilioProvider({ accountSid, authToken, from, apiBaseUrl: api.url });

describe('live Twilio transport (REST API)', () => {
  it('sends an SMS as a form POST to Messages.json with basic auth and a status callback, and returns the message sid', async () => {
    api.answerWith(() => ({ status: 201, body: { sid: 'SM0123', status: 'queued', to: '+79991234567' } }));
    const result = await provider().sendSms({ channel: 'sms', to: '+79991234567', body: 'Нужна помощь: Офис 12. Ответьте 1, чтобы принять' });

    expect(result).toEqual({ status: 'sent', providerId: 'SM0123', error: null, payload: null });
    expect(api.requests).toHaveLength(1);
    const [request] = api.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe(`/2010-04-01/Accounts/${accountSid}/Messages.json`);
    expect(request?.headers.authorization).toBe(basicAuth);
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      To: '+79991234567',
      From: from,
      Body: 'Нужна помощь: Офис 12. Ответьте 1, чтобы принять',
      StatusCallback: twilioStatusCallbackUrl(),
    });
  });

  it('places a call as a form POST to Calls.json with the TwiML inline, and returns the call sid', async () => {
    api.answerWith(() => ({ status: 201, body: { sid: 'CA0456', status: 'queued' } }));
    const result = await provider().call({ channel: 'voice', to: '+79991234567', twiml });

    expect(result).toEqual({ status: 'sent', providerId: 'CA0456', error: null, payload: null });
    const [request] = api.requests;
    expect(`${request?.method} ${request?.path}`).toBe(`POST /2010-04-01/Accounts/${accountSid}/Calls.json`);
    expect(request?.headers.authorization).toBe(basicAuth);
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      To: '+79991234567',
      From: from,
      Twiml: twiml,
      StatusCallback: twilioStatusCallbackUrl(),
    });
  });

  it("a refusal by Twilio is failed with Twilio's error code and message as the reason", async () => {
    api.answerWith(() => ({
      status: 400,
      body: { code: 21211, message: "The 'To' number +7000 is not a valid phone number.", more_info: 'https://www.twilio.com/docs/errors/21211', status: 400 },
    }));
    const result = await provider().sendSms({ channel: 'sms', to: '+7000', body: 'x' });

    expect(result).toEqual({
      status: 'failed',
      providerId: null,
      error: "twilio Messages 400: 21211 The 'To' number +7000 is not a valid phone number.",
      payload: null,
    });
  });

  it('wrong credentials are failed with the reason, and an answer that is not JSON is quoted', async () => {
    api.answerWith(() => ({ status: 401, body: { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 } }));
    expect((await provider().call({ channel: 'voice', to: '+79991234567', twiml })).error).toBe('twilio Calls 401: 20003 Authenticate');

    api.answerWith(() => ({ status: 502, body: '<html>Bad Gateway</html>' }));
    expect((await provider().sendSms({ channel: 'sms', to: '+79991234567', body: 'x' })).error).toBe('twilio Messages 502: <html>Bad Gateway</html>');
  });

  it('an unreachable API is failed, and the reason does not reveal the auth token', async () => {
    const result = await twilioProvider({ accountSid, authToken, from, apiBaseUrl: await unreachableUrl() }).sendSms({
      channel: 'sms',
      to: '+79991234567',
      body: 'x',
    });

    expect(result.status).toBe('failed');
    expect(result.error).toMatch(/^twilio Messages: /);
    expect(result.error).not.toContain(authToken);
  });

  it('without credentials nothing is sent and the message is failed naming the missing secrets', async () => {
    const result = await twilioProvider({ accountSid, authToken: '', from: '', apiBaseUrl: api.url }).sendSms({
      channel: 'sms',
      to: '+79991234567',
      body: 'x',
    });

    expect(result.status).toBe('failed');
    expect(result.error).toContain('TWILIO_AUTH_TOKEN, TWILIO_FROM');
    expect(api.requests).toHaveLength(0);
  });
});
