// The app's own messages (web/src/i18n) for the browser tests: a test finds the UI by the text a person reads,
// taken from the same catalogue the app renders, so a rewording moves the test with it and a renamed key fails
// the typecheck instead of a search on screen.
import { ref } from 'vue';
import { createTranslator, type Locale, type MessageParams } from '../../web/src/i18n';
import ru from '../../web/src/i18n/ru';
import en from '../../web/src/i18n/en';

/** Every dotted key of a message (`sos.emergency`), checked against the Russian catalogue. */
type MessageKey<Tree, Prefix extends string = ''> = {
  [Key in keyof Tree & string]: Tree[Key] extends string ? `${Prefix}${Key}` : MessageKey<Tree[Key], `${Prefix}${Key}.`>;
}[keyof Tree & string];
export type Message = MessageKey<typeof ru>;

/** The messages of one language, `{name}` parameters filled, exactly as the app renders them. */
export function messagesIn(locale: Locale): (key: Message, params?: MessageParams) => string {
  const translator = createTranslator<Locale>({ ru, en }, 'ru', ref(locale));
  return (key, params) => translator.t(key, params);
}

/** Russian, the app's default language (every test phone starts in it). */
export const t = messagesIn('ru');
/** English, for the tests of the language switch. */
export const tEn = messagesIn('en');

const PARAMETER_MARK = '\u0000';

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A regular expression source matching the message, each `{parameter}` given in `fixed` as that value and every
 * other one as any number (`push: 1 из 1, устройств: \d+`).
 */
export function messageShape(translate: (key: Message, params?: MessageParams) => string, key: Message, fixed: MessageParams = {}): string {
  const marked = new Proxy({}, { get: (_, name: string) => fixed[name] ?? PARAMETER_MARK }) as MessageParams;
  return translate(key, marked).split(PARAMETER_MARK).map(escapeRegExp).join('\\d+');
}
