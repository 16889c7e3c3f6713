import { describe, expect, it } from 'vitest';
import { SOS_KINDS, SOS_SOURCES, SOS_STATUSES, type TimestampLike } from '@sos/model';
import ru from '../../../../../web/src/i18n/ru';
import en from '../../../../../web/src/i18n/en';
import { formatWallTime, journalHeader, journalRow, requesterKindOf, wallMillisOf, type JournalCell, type JournalRequest } from '../journalRows';
import { EXPORT_TEXTS, JOURNAL_COLUMNS, localeOfAcceptLanguage } from '../texts';

const at = (iso: string): TimestampLike => ({ toMillis: () => Date.parse(iso) });
const ZONE = 'Asia/Yekaterinburg';
const context = { locale: 'ru' as const, timezone: ZONE, locationName: 'Бизнес-центр «Демо»' };

/** A resolved request claimed by Telegram: created 09:00:00 local (04:00 UTC), claimed 42 s later, on site after 5 min. */
const resolved: JournalRequest = {
  status: 'resolved',
  source: 'form',
  kind: 'lift',
  createdAt: at('2025-03-10T04:00:00.400Z'),
  ackAt: at('2025-03-10T04:00:42.900Z'),
  ackByName: 'Иван Петров',
  ackChannel: 'telegram',
  arrivedAt: at('2025-03-10T04:05:00Z'),
  resolvedAt: at('2025-03-10T04:20:00Z'),
  locationName: 'Бизнес-центр «Демо»',
  objectName: 'Лифт №2',
  requester: { name: 'Анна', phone: '+79001112233' },
  escalationLevel: 2,
  arrivalOverdue: true,
};

const cellsByColumn = (cells: JournalCell[]) => Object.fromEntries(JOURNAL_COLUMNS.map((column, index) => [column, cells[index]]));

describe('a journal row', () => {
  it('has a cell per column: times as the location’s wall clock, seconds from creation, labels in Russian', () => {
    const row = cellsByColumn(journalRow('req-1', resolved, 3, context));
    expect(row).toEqual({
      id: { text: 'req-1' },
      createdAt: { wallMillis: Date.parse('2025-03-10T09:00:00Z') },
      ackAt: { wallMillis: Date.parse('2025-03-10T09:00:42Z') },
      arrivedAt: { wallMillis: Date.parse('2025-03-10T09:05:00Z') },
      resolvedAt: { wallMillis: Date.parse('2025-03-10T09:20:00Z') },
      cancelledAt: null,
      ackSeconds: { number: 43 },
      arrivalSeconds: { number: 300 },
      status: { text: 'Решена' },
      kind: { text: 'Застрял(а) в лифте' },
      silent: { text: 'нет' },
      source: { text: 'Форма' },
      location: { text: 'Бизнес-центр «Демо»' },
      place: { text: 'Лифт №2' },
      requester: { text: 'Участник локации' },
      ackBy: { text: 'Иван Петров' },
      ackChannel: { text: 'Telegram' },
      escalationRounds: { number: 2 },
      nobodyOnDuty: { text: 'нет' },
      arrivalOverdue: { text: 'да' },
      groupOf: null,
      called112: { text: 'нет' },
      messages: { number: 3 },
    });
  });

  it('never carries the requester’s name or phone', () => {
    const texts = journalRow('req-1', resolved, 0, context).flatMap((cell) => (cell && 'text' in cell ? [cell.text] : []));
    expect(texts.join('|')).not.toMatch(/Анна|\+7900/);
  });

  it('in English: the same row in English labels', () => {
    const row = cellsByColumn(journalRow('req-1', resolved, 0, { ...context, locale: 'en' }));
    expect([row.status, row.kind, row.source, row.requester, row.ackChannel, row.arrivalOverdue, row.silent]).toEqual([
      { text: 'Resolved' },
      { text: 'Stuck in a lift' },
      { text: 'Form' },
      { text: 'Member of the location' },
      { text: 'Telegram' },
      { text: 'yes' },
      { text: 'no' },
    ]);
    expect(journalHeader('en')).toEqual(JOURNAL_COLUMNS.map((column) => EXPORT_TEXTS.en.columns[column]));
  });

  it('a cancelled visitor call, never claimed: no claim channel, the kind read as the source’s, the location’s name when the request has none', () => {
    const row = cellsByColumn(
      journalRow(
        'req-2',
        {
          status: 'cancelled',
          source: 'emergency',
          silent: true,
          createdAt: at('2025-03-10T20:30:00Z'),
          cancelledAt: at('2025-03-10T20:31:05Z'),
          requester: { name: 'Посетитель', phone: '', visitor: true },
          groupOf: 'req-1',
          called112At: at('2025-03-10T20:30:30Z'),
          nobodyOnDuty: true,
        },
        0,
        context,
      ),
    );
    expect(row).toMatchObject({
      createdAt: { wallMillis: Date.parse('2025-03-11T01:30:00Z') },
      cancelledAt: { wallMillis: Date.parse('2025-03-11T01:31:05Z') },
      ackAt: null,
      ackSeconds: null,
      ackChannel: null,
      ackBy: null,
      kind: { text: 'Экстренный вызов' },
      silent: { text: 'да' },
      requester: { text: 'Посетитель' },
      location: { text: 'Бизнес-центр «Демо»' },
      place: null,
      groupOf: { text: 'req-1' },
      called112: { text: 'да' },
      nobodyOnDuty: { text: 'да' },
      escalationRounds: { number: 0 },
    });
  });

  it('a claim from the app reads as the app', () => {
    const row = cellsByColumn(journalRow('req-3', { ...resolved, ackChannel: undefined }, 0, context));
    expect(row.ackChannel).toEqual({ text: 'Приложение' });
  });

  it('the requester by role: member, visitor, guest; none before the request was opened', () => {
    expect(requesterKindOf({ name: 'А', phone: '' })).toBe('member');
    expect(requesterKindOf({ name: 'Посетитель', phone: '', visitor: true })).toBe('visitor');
    expect(requesterKindOf({ name: 'Гость', phone: '', guest: true })).toBe('guest');
    expect(requesterKindOf(undefined)).toBeNull();
  });
});

describe('wall clock of a zone', () => {
  it('follows the zone’s offset, daylight saving included', () => {
    // Berlin: +01:00 in winter, +02:00 from 2025-03-30 03:00 local.
    expect(formatWallTime(wallMillisOf('Europe/Berlin', Date.parse('2025-03-30T00:59:59Z')))).toBe('2025-03-30 01:59:59');
    expect(formatWallTime(wallMillisOf('Europe/Berlin', Date.parse('2025-03-30T01:00:00Z')))).toBe('2025-03-30 03:00:00');
    expect(formatWallTime(wallMillisOf(ZONE, Date.parse('2025-12-31T19:00:00.999Z')))).toBe('2026-01-01 00:00:00');
  });
});

describe('the export’s labels', () => {
  it('read as the web app’s own labels of statuses, kinds, sources and claim channels, in both languages', () => {
    for (const [locale, web] of [
      ['ru', ru],
      ['en', en],
    ] as const) {
      const texts = EXPORT_TEXTS[locale];
      for (const status of SOS_STATUSES) expect(texts.status[status]).toBe(web.status[status]);
      for (const kind of SOS_KINDS) expect(texts.kinds[kind]).toBe(web.kinds[kind]);
      for (const source of SOS_SOURCES) expect(texts.source[source]).toBe(web.admin.source[source]);
      for (const channel of ['app', 'telegram', 'sms', 'voice'] as const) expect(texts.channel[channel]).toBe(web.journal.channel[channel]);
      expect(texts.requester.visitor).toBe(web.staff.visitor);
    }
  });

  it('a reader without a link in hand reads the browser’s language, Russian unless English', () => {
    expect(localeOfAcceptLanguage('en-GB,en;q=0.9')).toBe('en');
    expect(localeOfAcceptLanguage('ru-RU,ru;q=0.9,en;q=0.8')).toBe('ru');
    expect(localeOfAcceptLanguage('de-DE')).toBe('ru');
    expect(localeOfAcceptLanguage(undefined)).toBe('ru');
  });
});
