// TwiML: what a call says, in the recipient's language, with every text and URL escaped for XML.
import { describe, expect, it } from 'vitest';
import { escapeXml, gatherTwiml, messageTwiml, sayTwiml } from '../twiml';

describe('TwiML', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`Офис "А" & <B> 'C'`)).toBe('Офис &quot;А&quot; &amp; &lt;B&gt; &apos;C&apos;');
  });

  it("a gather says the text in a voice of the locale's language and posts one digit to its action, whose query is escaped", () => {
    const twiml = gatherTwiml(
      'Нужна помощь: Офис <12>. Нажмите 1, чтобы принять.',
      'ru',
      'http://127.0.0.1:5001/demo-sos/us-central1/twilioWebhook?request=r1&uid=u1',
    );
    const gather =
      '<Gather numDigits="1" timeout="8" action="http://127.0.0.1:5001/demo-sos/us-central1/twilioWebhook?request=r1&amp;uid=u1" method="POST">' +
      '<Say voice="Polly.Tatyana" language="ru-RU">Нужна помощь: Офис &lt;12&gt;. Нажмите 1, чтобы принять.</Say></Gather>';
    expect(twiml).toBe(`<?xml version="1.0" encoding="UTF-8"?><Response>${gather}${gather}</Response>`);
    expect(gatherTwiml('Help needed. Press 1 to accept.', 'en', 'https://x.test/twilioWebhook')).toContain(
      '<Say voice="Polly.Joanna" language="en-US">Help needed. Press 1 to accept.</Say>',
    );
  });

  it('a spoken answer ends the call', () => {
    expect(sayTwiml('Already taken by Ivan & Co', 'en')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="Polly.Joanna" language="en-US">Already taken by Ivan &amp; Co</Say><Hangup/></Response>',
    );
  });

  it('an SMS answer is one escaped Message, or an empty Response for no reply', () => {
    expect(messageTwiml('Уже принял «Иван» <Петров>')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Message>Уже принял «Иван» &lt;Петров&gt;</Message></Response>',
    );
    expect(messageTwiml(null)).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
  });
});
