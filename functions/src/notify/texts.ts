// Every text the backend writes for people to read (pushes, order titles), in each locale. Russian is the default;
// `en` is typed by `ru`, so a key added to one and not the other does not compile. English wording follows web/src/i18n/en.ts.
import { LOCALES, type Locale, type SosKind } from '@sos/model';

const ru = {
  orderTitle: 'Вызов персонала',
  visitor: 'Посетитель',
  noPlace: 'место не указано (экстренный вызов)',
  minutesLeft: (minutes: number) => `осталось ${minutes} мин`,
  arrivalTimeOver: 'время прибытия истекло',
  /** A staff push's title starts with the kind (or the silent call's warning), nothing before it. */
  kinds: {
    emergency: 'Экстренный вызов',
    medical: 'Нужна медицинская помощь',
    fire: 'Пожар или дым',
    security: 'Угроза безопасности',
    lift: 'Застрял(а) в лифте',
    leak: 'Протечка или авария',
    other: 'Другое',
  } satisfies Record<SosKind, string>,
  silentCall: 'Тихий вызов — не звоните заявителю',
  escalationTitle: (head: string, round: number, place: string) => `${head} — никто не принял (эскалация ${round}): ${place}`,
  ackTitle: 'Ваш вызов принят',
  ackBody: (staffName: string | undefined) => `${staffName ?? 'Сотрудник'} уже идёт к вам`,
  overdueTitle: (head: string, place: string) => `${head} — опоздание: ${place}`,
  claimedNotOnSite: (staffName: string | undefined) => `принял ${staffName ?? 'сотрудник'}, ещё не на месте`,
  minutesLate: (minutes: number) => `опоздание ${minutes} мин`,
  messageFromStaff: 'Сообщение от персонала',
  messageFrom: (requesterName: string) => `Сообщение: ${requesterName}`,
  /** A message push announcing messages held back by the throttle, with this one. */
  newMessages: (count: number) => `Новых сообщений: ${count}`,
  /** To the admins, once per flood window, when a QR code gets more visitor calls than people plausibly make. */
  abuseTitle: (place: string) => `Возможное злоупотребление: ${place}`,
  abuseBody: (count: number) => `Вызовов посетителей по этому QR-коду за 10 минут: ${count}. Все записаны и объединены в один.`,
};

export type ServerTexts = typeof ru;

const en: ServerTexts = {
  orderTitle: 'Staff call',
  visitor: 'Visitor',
  noPlace: 'no place given (emergency call)',
  minutesLeft: (minutes) => `${minutes} min left`,
  arrivalTimeOver: 'arrival time is over',
  kinds: {
    emergency: 'Emergency',
    medical: 'Medical help needed',
    fire: 'Fire or smoke',
    security: 'Security threat',
    lift: 'Stuck in a lift',
    leak: 'Leak or breakdown',
    other: 'Other',
  },
  silentCall: 'Silent call — do not call the requester',
  escalationTitle: (head, round, place) => `${head} — nobody accepted (escalation ${round}): ${place}`,
  ackTitle: 'Your call was accepted',
  ackBody: (staffName) => `${staffName ?? 'A staff member'} is on the way`,
  overdueTitle: (head, place) => `${head} — staff late: ${place}`,
  claimedNotOnSite: (staffName) => `accepted by ${staffName ?? 'a staff member'}, not on site yet`,
  minutesLate: (minutes) => `${minutes} min late`,
  messageFromStaff: 'Message from staff',
  messageFrom: (requesterName) => `Message: ${requesterName}`,
  newMessages: (count) => `${count} new messages`,
  abuseTitle: (place) => `Possible abuse: ${place}`,
  abuseBody: (count) => `Visitor calls at this QR code in 10 minutes: ${count}. All are recorded and grouped into one.`,
};

export const SERVER_TEXTS: Record<Locale, ServerTexts> = { ru, en };

/** The locale stored on a profile, or Russian when it is absent or not one we speak. */
export const localeOf = (stored: unknown): Locale => LOCALES.find((locale) => locale === stored) ?? 'ru';

export const textsFor = (locale: Locale): ServerTexts => SERVER_TEXTS[locale];
