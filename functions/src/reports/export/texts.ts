// Every word of the journal export, in each locale: column headers, the labels of values, and the download link's
// refusals. `en` is typed by `ru`, so a key added to one and not the other does not compile. Statuses, kinds, sources and
// channels read exactly as the web app's own labels (web/src/i18n; a unit test holds them equal).
import { LOCALES, type ContactAlertChannel, type Locale, type SosSource, type SosStatus } from '@sos/model';
import { SERVER_TEXTS } from '../../notify/texts';

/** The export's columns, in order: one per field of a row (journalRows.ts). */
export const JOURNAL_COLUMNS = [
  'id',
  'createdAt',
  'ackAt',
  'arrivedAt',
  'resolvedAt',
  'cancelledAt',
  'ackSeconds',
  'arrivalSeconds',
  'status',
  'kind',
  'silent',
  'source',
  'location',
  'place',
  'requester',
  'ackBy',
  'ackChannel',
  'escalationRounds',
  'nobodyOnDuty',
  'arrivalOverdue',
  'groupOf',
  'called112',
  'messages',
] as const;
export type JournalColumn = (typeof JOURNAL_COLUMNS)[number];

/** Who made the request, by role only: the export leaves the system, so it carries no requester's name or phone. */
export const REQUESTER_KINDS = ['member', 'visitor', 'guest'] as const;
export type RequesterKind = (typeof REQUESTER_KINDS)[number];

const ru = {
  sheetName: 'Журнал',
  columns: {
    id: 'Заявка',
    createdAt: 'Создана',
    ackAt: 'Принята',
    arrivedAt: 'На месте',
    resolvedAt: 'Решена',
    cancelledAt: 'Отменена',
    ackSeconds: 'До принятия, с',
    arrivalSeconds: 'До прибытия, с',
    status: 'Статус',
    kind: 'Вид помощи',
    silent: 'Тихий вызов',
    source: 'Источник',
    location: 'Локация',
    place: 'Место',
    requester: 'Заявитель',
    ackBy: 'Принял',
    ackChannel: 'Канал принятия',
    escalationRounds: 'Раундов эскалации',
    nobodyOnDuty: 'Никого на смене',
    arrivalOverdue: 'Опоздание',
    groupOf: 'Вместе с заявкой',
    called112: 'Звонили в экстренные службы',
    messages: 'Сообщений',
  } satisfies Record<JournalColumn, string>,
  status: {
    new: 'Отправлена',
    open: 'Ожидает персонал',
    rejected: 'Отклонена',
    acknowledged: 'Принята',
    on_site: 'Сотрудник на месте',
    resolved: 'Решена',
    cancelled: 'Отменена',
  } satisfies Record<SosStatus, string>,
  /** The kinds as the staff pushes name them (one wording of a kind in the backend). */
  kinds: SERVER_TEXTS.ru.kinds,
  source: { emergency: 'Экстренная', form: 'Форма', qr: 'QR-код' } satisfies Record<SosSource, string>,
  channel: { app: 'Приложение', telegram: 'Telegram', sms: 'SMS', voice: 'Звонок' } satisfies Record<ContactAlertChannel | 'app', string>,
  requester: { member: 'Участник локации', visitor: 'Посетитель', guest: 'Гость' } satisfies Record<RequesterKind, string>,
  yes: 'да',
  no: 'нет',
  /** What the download link answers instead of a file (plain text). */
  link: {
    unknown: 'Ссылка на выгрузку не найдена. Запросите экспорт ещё раз.',
    used: 'Эта ссылка уже использована: каждая работает один раз. Запросите экспорт ещё раз.',
    expired: 'Срок действия ссылки истёк. Запросите экспорт ещё раз.',
    notAdmin: 'Выгружать журнал могут только администраторы этой локации.',
    unknownLocation: 'Этой локации больше нет.',
    getOnly: 'Откройте ссылку в браузере.',
  },
};

export type ExportTexts = typeof ru;

const en: ExportTexts = {
  sheetName: 'Journal',
  columns: {
    id: 'Request',
    createdAt: 'Created',
    ackAt: 'Claimed',
    arrivedAt: 'On site',
    resolvedAt: 'Resolved',
    cancelledAt: 'Cancelled',
    ackSeconds: 'To claim, s',
    arrivalSeconds: 'To arrival, s',
    status: 'Status',
    kind: 'Kind of help',
    silent: 'Silent call',
    source: 'Source',
    location: 'Location',
    place: 'Place',
    requester: 'Requester',
    ackBy: 'Claimed by',
    ackChannel: 'Claim channel',
    escalationRounds: 'Escalation rounds',
    nobodyOnDuty: 'Nobody on duty',
    arrivalOverdue: 'Arrival overdue',
    groupOf: 'Grouped with',
    called112: 'Emergency services called',
    messages: 'Messages',
  },
  status: {
    new: 'Sent',
    open: 'Waiting for staff',
    rejected: 'Rejected',
    acknowledged: 'Acknowledged',
    on_site: 'Staff on site',
    resolved: 'Resolved',
    cancelled: 'Cancelled',
  },
  /** The kinds as the staff pushes name them (one wording of a kind in the backend). */
  kinds: SERVER_TEXTS.en.kinds,
  source: { emergency: 'Emergency', form: 'Form', qr: 'QR code' },
  channel: { app: 'App', telegram: 'Telegram', sms: 'SMS', voice: 'Call' },
  requester: { member: 'Member of the location', visitor: 'Visitor', guest: 'Guest' },
  yes: 'yes',
  no: 'no',
  link: {
    unknown: 'This export link is unknown. Ask for the export again.',
    used: 'This link has been used already: each works once. Ask for the export again.',
    expired: 'This link has expired. Ask for the export again.',
    notAdmin: 'Only admins of this location may export its journal.',
    unknownLocation: 'This location no longer exists.',
    getOnly: 'Open the link in a browser.',
  },
};

export const EXPORT_TEXTS: Record<Locale, ExportTexts> = { ru, en };

/** The language of a reader whose ticket is unknown: their browser's first choice, Russian unless it is English. */
export function localeOfAcceptLanguage(header: string | undefined): Locale {
  const first = (header ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return LOCALES.find((locale) => first === locale || first.startsWith(`${locale}-`)) ?? 'ru';
}
