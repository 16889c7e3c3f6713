// The live Telegram transport against a local fake of the Bot API: the documented request format, and a refusal as `failed`.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { telegramBotApi } from '../telegramBotApi';
import { startFakeProviderApi, unreachableUrl, type FakeProviderApi } from './fakeProviderApi';

const token = '123456:fake-token';
let api: FakeProviderApi;

beforeAll(async () => {
  api = await startFakeProviderApi(() => ({ status: 200, body: { ok: true, result: true } }));
});
afterAll(() => api.close());
beforeEach(() => {
  api.requests.length = 0;
});

describe('live Telegram transport (Bot API)', () => {
  it('sends sendMessage as a JSON POST to /bot<token>/sendMessage with the inline keyboard, and returns the message_id', async () => {
    api.answerWith(() => ({ status: 200, body: { ok: true, result: { message_id: 4711, chat: { id: 1001 }, text: 'x' } } }));
    const result = await telegramBotApi({ token, apiBaseUrl: api.url }).sendMessage({
      channel: 'telegram',
      chatId: '1001',
      text: 'Нужна помощь: Офис 12',
      buttons: [{ text: 'Принять', callbackData: 'accept:req1' }],
    });

    expect(result).toEqual({ status: 'sent', providerId: '4711', error: null, payload: null });
    expect(api.requests).toHaveLength(1);
    const [request] = api.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe(`/bot${token}/sendMessage`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      chat_id: '1001',
      text: 'Нужна помощь: Офис 12',
      reply_markup: { inline_keyboard: [[{ text: 'Принять', callback_data: 'accept:req1' }]] },
    });
  });

  it('answers a button press with answerCallbackQuery', async () => {
    api.answerWith(() => ({ status: 200, body: { ok: true, result: true } }));
    const result = await telegramBotApi({ token, apiBaseUrl: api.url }).answerCallbackQuery('cbq-7', 'Уже принял Иван Петров');

    expect(result).toEqual({ status: 'sent', providerId: null, error: null, payload: null });
    expect(api.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([`POST /bot${token}/answerCallbackQuery`]);
    expect(JSON.parse(api.requests[0]?.body ?? '')).toEqual({ callback_query_id: 'cbq-7', text: 'Уже принял Иван Петров' });
  });

  it("a refusal by the Bot API is failed with Telegram's description as the reason", async () => {
    api.answerWith(() => ({ status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: chat not found' } }));
    const result = await telegramBotApi({ token, apiBaseUrl: api.url }).sendMessage({ channel: 'telegram', chatId: '1', text: 'x' });

    expect(result).toEqual({ status: 'failed', providerId: null, error: 'telegram sendMessage 400: Bad Request: chat not found', payload: null });
  });

  it('an unreachable Bot API is failed, and the reason does not reveal the token', async () => {
    const result = await telegramBotApi({ token, apiBaseUrl: await unreachableUrl() }).sendMessage({ channel: 'telegram', chatId: '1', text: 'x' });

    expect(result.status).toBe('failed');
    expect(result.error).toMatch(/^telegram sendMessage: /);
    expect(result.error).not.toContain(token);
  });

  it('without a bot token nothing is sent and the message is failed naming the secret', async () => {
    const result = await telegramBotApi({ token: '', apiBaseUrl: api.url }).sendMessage({ channel: 'telegram', chatId: '1', text: 'x' });

    expect(result.status).toBe('failed');
    expect(result.error).toContain('TELEGRAM_BOT_TOKEN');
    expect(api.requests).toHaveLength(0);
  });
});
