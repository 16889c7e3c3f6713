// What the contact messages and the bot's replies say, in each locale (Russian first; `en` is typed by `ru`).
import type { Locale } from '@sos/model';

/** Digits spoken one by one, so a voice reads "1, 2, 3" rather than "one hundred twenty-three". */
const spelled = (code: string) => code.split('').join(', ');

const ru = {
  codeTitle: 'Код подтверждения',
  codeText: (code: string) => `SOS: ваш код подтверждения ${code}. Никому его не сообщайте.`,
  codeSpoken: (code: string) => `Ваш код подтверждения: ${spelled(code)}. Повторяю: ${spelled(code)}.`,
  testTitle: 'Проверка связи',
  testText: 'SOS: проверка связи. Так к вам придёт вызов о помощи.',
  testSpoken: 'Это проверка связи сервиса SOS. Так к вам придёт вызов о помощи.',
  telegramLinked: 'Готово: вызовы о помощи будут приходить в этот чат.',
  telegramLinkUnknown: 'Эта ссылка не подходит. Получите новую в приложении: «Как со мной связаться» → «Привязать Telegram».',
  telegramLinkUsed: 'Эта ссылка уже использована. Если нужно привязать чат снова, получите новую ссылку в приложении.',
  telegramLinkExpired: 'Срок ссылки истёк (она действует 15 минут). Получите новую в приложении: «Привязать Telegram».',
  telegramHello: 'Это бот сервиса SOS. Чтобы получать вызовы о помощи, откройте в приложении «Как со мной связаться» → «Привязать Telegram».',
};

export type ContactTexts = typeof ru;

const en: ContactTexts = {
  codeTitle: 'Verification code',
  codeText: (code) => `SOS: your verification code is ${code}. Do not share it with anyone.`,
  codeSpoken: (code) => `Your verification code is: ${spelled(code)}. Again: ${spelled(code)}.`,
  testTitle: 'Test message',
  testText: 'SOS: a test message. This is how a call for help will reach you.',
  testSpoken: 'This is a test call from the SOS service. This is how a call for help will reach you.',
  telegramLinked: 'Done: calls for help will come to this chat.',
  telegramLinkUnknown: 'This link does not work. Get a new one in the app: "How to reach me" → "Link Telegram".',
  telegramLinkUsed: 'This link has already been used. To link a chat again, get a new link in the app.',
  telegramLinkExpired: 'This link has expired (it lasts 15 minutes). Get a new one in the app: "Link Telegram".',
  telegramHello: 'This is the SOS bot. To get calls for help here, open "How to reach me" → "Link Telegram" in the app.',
};

const TEXTS: Record<Locale, ContactTexts> = { ru, en };

export const contactTexts = (locale: Locale): ContactTexts => TEXTS[locale];

/** The language of a Telegram user (`from.language_code`): Russian unless they use another language. */
export function telegramLocale(languageCode: unknown): Locale {
  return typeof languageCode === 'string' && languageCode !== '' && !languageCode.startsWith('ru') ? 'en' : 'ru';
}
