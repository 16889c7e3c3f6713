// ALERT_TRANSPORT picks the transport; live credentials are the secrets, which only a function listing them has.
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The configuration is read when its module loads: a fresh module graph reads the stubbed environment (unit files share one). */
const freshChannelTransport = async () => {
  vi.resetModules();
  return (await import('../index')).channelTransport();
};

describe('channel transport by configuration', () => {
  it('ALERT_TRANSPORT=emulated records the payload and sends nothing', async () => {
    vi.stubEnv('ALERT_TRANSPORT', 'emulated');
    const transport = await freshChannelTransport();
    expect(transport.name).toBe('emulated');
    expect(await transport.send({ channel: 'sms', to: '+79991234567', body: 'x' })).toMatchObject({
      status: 'emulated',
      payload: { To: '+79991234567', Body: 'x' },
    });
  });

  it('ALERT_TRANSPORT=live without the secrets fails each message naming the missing secret, and sends nothing', async () => {
    vi.stubEnv('ALERT_TRANSPORT', 'live');
    for (const name of ['TELEGRAM_BOT_TOKEN', 'TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM']) vi.stubEnv(name, '');
    const transport = await freshChannelTransport();
    expect(transport.name).toBe('live');
    expect((await transport.send({ channel: 'telegram', chatId: '1', text: 'x' })).error).toContain('TELEGRAM_BOT_TOKEN is not set');
    expect((await transport.send({ channel: 'voice', to: '+79991234567', twiml: '<Response/>' })).error).toContain(
      'TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM not set',
    );
  });
});
