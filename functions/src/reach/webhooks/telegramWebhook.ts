// The Telegram bot's webhook (onRequest). Only Telegram knows the secret it was registered with (setWebhook's
// secret_token): any other caller gets 401 before anything is read or written. Replies ride on the webhook's answer
// (a Bot API method in the response body), so a reply costs no request of its own.
import { onRequest } from 'firebase-functions/v2/https';
import { REACH_SECRETS, REGION, TELEGRAM_WEBHOOK_SECRET } from '../../params';
import { contactLogs } from '../../logs';
import { telegramAnswerCallbackBody, telegramSendMessageBody } from '../transport/payloads';
import { claimFromChannel, claimReplyText } from '../claims/claimFromChannel';
import { linkTelegramChat } from '../contacts/telegramLink';
import { contactTexts, telegramLocale } from '../contacts/texts';
import { isTelegramSecret, routeOf, type TelegramRoute } from './telegramUpdate';

/** What the webhook answers Telegram: a Bot API method to run, or nothing. */
type WebhookAnswer = Record<string, unknown> | null;

const sendMessage = (chatId: string, text: string): WebhookAnswer => ({
  method: 'sendMessage',
  ...telegramSendMessageBody({ channel: 'telegram', chatId, text }),
});

async function answerStart(route: Extract<TelegramRoute, { kind: 'start' }>): Promise<WebhookAnswer> {
  const texts = contactTexts(telegramLocale(route.languageCode));
  if (route.code === null) return sendMessage(route.chatId, texts.telegramHello);
  const outcome = await linkTelegramChat(route.code, route.chatId);
  const reply = { linked: texts.telegramLinked, unknown: texts.telegramLinkUnknown, used: texts.telegramLinkUsed, expired: texts.telegramLinkExpired }[outcome];
  return sendMessage(route.chatId, reply);
}

/** «Принять»: the claim, answered on the button (it is yours / already taken by <name> / closed). */
async function answerAccept(route: Extract<TelegramRoute, { kind: 'accept' }>): Promise<WebhookAnswer> {
  const reply = await claimFromChannel({ requestId: route.requestId, channel: 'telegram', address: route.chatId });
  return { method: 'answerCallbackQuery', ...telegramAnswerCallbackBody(route.callbackQueryId, claimReplyText(reply, 'telegram')), show_alert: true };
}

/** One branch per kind of update the bot acts on. */
async function answerOf(route: TelegramRoute): Promise<WebhookAnswer> {
  switch (route.kind) {
    case 'start':
      return answerStart(route);
    case 'accept':
      return answerAccept(route);
    case 'other':
      contactLogs.telegramUpdateIgnored(route.what);
      return null;
  }
}

export const telegramWebhook = onRequest({ region: REGION, secrets: REACH_SECRETS }, async (request, response) => {
  if (!isTelegramSecret(request.get('X-Telegram-Bot-Api-Secret-Token'), TELEGRAM_WEBHOOK_SECRET.value())) {
    contactLogs.webhookUnauthorized('telegramWebhook');
    response.status(401).send('unauthorized');
    return;
  }
  if (request.method !== 'POST') {
    response.status(405).send('POST only');
    return;
  }
  const answer = await answerOf(routeOf(request.body));
  if (answer) response.status(200).json(answer);
  else response.status(200).send('');
});
