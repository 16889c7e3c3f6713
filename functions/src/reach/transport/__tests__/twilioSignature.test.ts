import { describe, expect, it } from 'vitest';
import { isValidTwilioSignature, twilioSignature } from '../twilioSignature';

// Twilio's documented example (https://www.twilio.com/docs/usage/security#validating-requests).
const authToken = '12345';
const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const params = { CallSid: 'CA1234567890ABCDE', Caller: '+14158675309', Digits: '1234', From: '+14158675309', To: '+18005551212' };
const documentedSignature = 'RSOYDt4T1cUTdK1PDd93/VVr8B8=';

describe('X-Twilio-Signature', () => {
  it("signs Twilio's documented example to its documented signature", () => {
    expect(twilioSignature(authToken, url, params)).toBe(documentedSignature);
  });

  it('signs the fields sorted by name, whatever order they came in', () => {
    const reversed = Object.fromEntries(Object.entries(params).reverse());
    expect(twilioSignature(authToken, url, reversed)).toBe(documentedSignature);
  });

  it("accepts the documented example's signature", () => {
    expect(isValidTwilioSignature(authToken, url, params, documentedSignature)).toBe(true);
  });

  it('refuses a changed field, a changed URL, another auth token, a missing or malformed signature', () => {
    expect(isValidTwilioSignature(authToken, url, { ...params, Digits: '1' }, documentedSignature)).toBe(false);
    expect(isValidTwilioSignature(authToken, url, { ...params, Extra: '' }, documentedSignature)).toBe(false);
    expect(isValidTwilioSignature(authToken, 'https://mycompany.com/myapp.php?foo=1&bar=3', params, documentedSignature)).toBe(false);
    expect(isValidTwilioSignature('54321', url, params, documentedSignature)).toBe(false);
    expect(isValidTwilioSignature(authToken, url, params, undefined)).toBe(false);
    expect(isValidTwilioSignature(authToken, url, params, '')).toBe(false);
    expect(isValidTwilioSignature(authToken, url, params, 'short')).toBe(false);
    expect(isValidTwilioSignature('', url, params, twilioSignature('', url, params))).toBe(false);
  });

  it('signs a field sent twice as each of its values, sorted', () => {
    const once = twilioSignature(authToken, url, { A: ['2', '1'] });
    expect(once).toBe(twilioSignature(authToken, `${url}A1A2`, {}));
  });
});
