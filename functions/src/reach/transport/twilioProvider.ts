// Live SMS and voice through Twilio's REST API: Messages, and Calls with the TwiML inline. Basic auth with the account
// SID and auth token; form-encoded bodies (payloads.ts); statuses come back to twilioWebhook (StatusCallback).
// https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource
// https://www.twilio.com/docs/voice/api/call-resource#create-a-call-resource
import type { ChannelSendResult } from './channels';
import { twilioCallForm, twilioMessageForm } from './payloads';
import { excerptOf, fieldOf, postToProvider } from './providerHttp';
import type { SmsVoiceProvider } from './smsVoiceProvider';

export const TWILIO_API_BASE_URL = 'https://api.twilio.com';

export interface TwilioOptions {
  /** TWILIO_ACCOUNT_SID (AC…). */
  accountSid: string;
  /** TWILIO_AUTH_TOKEN. */
  authToken: string;
  /** TWILIO_FROM: the Twilio number (E.164) messages and calls come from. */
  from: string;
  /** Where the REST API is (a test points it at its own fake). */
  apiBaseUrl?: string;
}

const failed = (error: string): ChannelSendResult => ({ status: 'failed', providerId: null, error, payload: null });

export function twilioProvider({ accountSid, authToken, from, apiBaseUrl = TWILIO_API_BASE_URL }: TwilioOptions): SmsVoiceProvider {
  const authorization = `Basic ${Buffer.from(`${accountSid}:${authToken}`, 'utf8').toString('base64')}`;

  /** Creates a Message or a Call: 201 with its `sid`, or an error `{code, message, more_info, status}`. */
  async function create(resource: 'Messages' | 'Calls', form: Record<string, string>): Promise<ChannelSendResult> {
    const missing = (
      [
        ['TWILIO_ACCOUNT_SID', accountSid],
        ['TWILIO_AUTH_TOKEN', authToken],
        ['TWILIO_FROM', from],
      ] as const
    ).filter(([, value]) => !value);
    if (missing.length) {
      return failed(`twilio ${resource}: ${missing.map(([name]) => name).join(', ')} not set (the function must list REACH_SECRETS)`);
    }
    const response = await postToProvider(`${apiBaseUrl}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/${resource}.json`, {
      headers: { Authorization: authorization, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    if (!response.reached) return failed(`twilio ${resource}: ${response.reason}`);
    const sid = fieldOf(response.body, 'sid');
    if (response.status >= 200 && response.status < 300 && typeof sid === 'string') {
      return { status: 'sent', providerId: sid, error: null, payload: null };
    }
    const code = fieldOf(response.body, 'code');
    const message = fieldOf(response.body, 'message');
    const reason = typeof message === 'string' ? `${typeof code === 'number' ? `${code} ` : ''}${message}` : excerptOf(response.body);
    return failed(`twilio ${resource} ${response.status}: ${reason}`);
  }

  return {
    name: 'twilio',
    sendSms: (message) => create('Messages', twilioMessageForm(message, from)),
    call: (message) => create('Calls', twilioCallForm(message, from)),
  };
}
