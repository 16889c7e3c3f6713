// Every text the backend writes for people to read (pushes, order titles), in each locale. Russian is the default;
// `en` is typed by `ru`, so a key added to one and not the other does not compile. English wording follows web/src/i18n/en.ts.
import { LOCALES, type Locale } from '@sos/model';

const ru = {
  orderTitle: 'Вызов персонала',
  visitor: 'Посетитель',
  noPlace: 'место не указано (экстренный вызов)',
  minutesLeft: (minutes: number) => `осталось ${minutes} мин`,
  arrivalTimeOver: 'время прибытия истекло',
  openTitle: (locationName: string) => `SOS: ${locationName}`,
  escalationTitle: (round: number, locationName: string) => `SOS — никто не принял (эскалация ${round}): ${locationName}`,
  ackTitle: 'Ваш вызов принят',
  ackBody: (staffName: string | undefined) => `${staffName ?? 'Сотрудник'} уже идёт к вам`,
  overdueTitle: (locationName: string) => `SOS — опоздание: ${locationName}`,
  claimedNotOnSite: (staffName: string | undefined) => `принял ${staffName ?? 'сотрудник'}, ещё не на месте`,
  minutesLate: (minutes: number) => `опоздание ${minutes} мин`,
  messageFromStaff: 'Сообщение от персонала',
  messageFrom: (requesterName: string) => `Сообщение: ${requesterName}`,
};

export type ServerTexts = typeof ru;

const en: ServerTexts = {
  orderTitle: 'Staff call',
  visitor: 'Visitor',
  noPlace: 'no place given (emergency call)',
  minutesLeft: (minutes) => `${minutes} min left`,
  arrivalTimeOver: 'arrival time is over',
  openTitle: (locationName) => `SOS call: ${locationName}`,
  escalationTitle: (round, locationName) => `SOS — nobody accepted (escalation ${round}): ${locationName}`,
  ackTitle: 'Your call was accepted',
  ackBody: (staffName) => `${staffName ?? 'A staff member'} is on the way`,
  overdueTitle: (locationName) => `SOS — staff late: ${locationName}`,
  claimedNotOnSite: (staffName) => `accepted by ${staffName ?? 'a staff member'}, not on site yet`,
  minutesLate: (minutes) => `${minutes} min late`,
  messageFromStaff: 'Message from staff',
  messageFrom: (requesterName) => `Message: ${requesterName}`,
};

export const SERVER_TEXTS: Record<Locale, ServerTexts> = { ru, en };

/** The locale stored on a profile, or Russian when it is absent or not one we speak. */
export const localeOf = (stored: unknown): Locale => LOCALES.find((locale) => locale === stored) ?? 'ru';

export const textsFor = (locale: Locale): ServerTexts => SERVER_TEXTS[locale];
