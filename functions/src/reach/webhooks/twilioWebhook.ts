// Twilio's one webhook: inbound SMS (`From` + `Body`), a call's gathered key (`Digits`, the request in the query) and
// status callbacks (`MessageStatus`/`CallStatus`). Nothing is read or written unless X-Twilio-Signature is valid for
// `<WEBHOOK_BASE_URL>/twilioWebhook` plus the query Twilio called with (else 403).
import { onRequest } from 'firebase-functions/v2/https';
import { REGION, TWILIO_AUTH_TOKEN, webhookBaseUrl } from '../../params';
import { reportingCosts } from '../../costs';
import { reachLogs } from '../../logs';
import { isValidTwilioSignature } from '../transport/twilioSignature';
import { messageTwiml, sayTwiml } from '../transport/twiml';
import { ALERT_TEXTS } from '../steps/alertTexts';
import { claimBySmsReply, claimFromChannel, claimReplyText, recordDeliveryStatus, reportedStatus, stopSms, type ClaimReply } from '../claims/claimFromChannel';
import { smsIntent } from '../claims/decideClaim';

/** The query string Twilio called with (part of what it signed), or ''. */
const queryOf = (originalUrl: string): string => {
  const at = originalUrl.indexOf('?');
  return at === -1 ? '' : originalUrl.slice(at);
};

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

type Answer = { status: number; twiml: string };

async function answer(fields: Record<string, unknown>, query: Record<string, unknown>): Promise<Answer> {
  const digits = text(fields.Digits);
  if (digits !== '') {
    const requestId = text(query.request);
    // An outbound call's gather: `To` is the staff member's number.
    const reply: ClaimReply =
      digits === '1' && requestId !== ''
        ? await claimFromChannel({ requestId, channel: 'voice', address: text(fields.To), digits })
        : { answer: { result: 'refused' }, locale: 'ru' };
    return { status: 200, twiml: sayTwiml(claimReplyText(reply, 'voice'), reply.locale) };
  }
  const status = reportedStatus(fields);
  const providerId = text(fields.MessageSid) || text(fields.CallSid);
  if (fields.Body === undefined && (fields.MessageStatus !== undefined || fields.CallStatus !== undefined)) {
    if (status && providerId) await recordDeliveryStatus(providerId, status);
    return { status: 200, twiml: messageTwiml(null) };
  }
  const from = text(fields.From);
  const intent = smsIntent(fields.Body);
  if (intent === 'stop') {
    const locale = await stopSms(from);
    return { status: 200, twiml: messageTwiml(ALERT_TEXTS[locale].stopped) };
  }
  if (intent === 'accept') {
    const reply = await claimBySmsReply(from);
    return { status: 200, twiml: messageTwiml(reply.answer.result === 'refused' ? ALERT_TEXTS[reply.locale].nothingToAccept : claimReplyText(reply, 'sms')) };
  }
  return { status: 200, twiml: messageTwiml(null) };
}

export const twilioWebhook = onRequest(
  { region: REGION, secrets: [TWILIO_AUTH_TOKEN] },
  reportingCosts(async (req, res) => {
    const fields = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
    const url = `${webhookBaseUrl()}/twilioWebhook${queryOf(req.originalUrl)}`;
    const signature = req.get('X-Twilio-Signature');
    if (req.method !== 'POST' || !isValidTwilioSignature(TWILIO_AUTH_TOKEN.value(), url, fields as Record<string, string>, signature)) {
      reachLogs.webhookRefused('twilioWebhook', req.method !== 'POST' ? 'method' : 'signature');
      res.status(403).send('forbidden');
      return;
    }
    const { status, twiml } = await answer(fields, req.query as Record<string, unknown>);
    res.status(status).type('text/xml').send(twiml);
  }),
);
