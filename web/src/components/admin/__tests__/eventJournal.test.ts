import { describe, expect, it } from 'vitest';
import { ref } from 'vue';
import { deliverySummary, journalEntries, journalNameOf, journalPhrases, notifiedPhrases, sayPhrase, sayPhrases, type JournalPhrase } from '../eventJournal';
import { createTranslator } from '../../../i18n';
import ru from '../../../i18n/ru';
import en from '../../../i18n/en';

const NAMES = new Map([
  ['uid-staff', 'Иван Петров'],
  ['uid-resident', 'Анна Смирнова'],
]);
const context = { nameOf: (uid: string) => NAMES.get(uid) ?? null };

/** The message a key names in a catalogue, or undefined. */
function messageAt(catalogue: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalogue);
}

/** A message, or a group of plural forms (i18n/index.ts): what `t` can say. */
const sayable = (message: unknown) =>
  typeof message === 'string' || (typeof message === 'object' && message !== null && typeof (message as { other?: unknown }).other === 'string');

/** The app's own translator in one language, as the journal calls it. */
const inLanguage = (language: 'ru' | 'en') => createTranslator({ ru, en }, 'ru', ref(language)).t;

function everyKey(phrases: JournalPhrase[]): string[] {
  return phrases.flatMap((phrase) => [
    phrase.key,
    ...everyKey(Object.values(phrase.params ?? {}).filter((value): value is JournalPhrase => typeof value === 'object')),
  ]);
}

describe('push batches', () => {
  it('reads the batch, the people and devices pushed, and the delivery statuses', () => {
    expect(notifiedPhrases({ batch: 'esc-2', recipients: 4, pushed: 3, grouped: 1, devices: 5, statuses: { emulated: 4, token_removed: 1 } })).toEqual([
      { key: 'journal.batch.escalation', params: { round: 2 } },
      {
        key: 'journal.pushedTo',
        params: { people: { key: 'journal.people', params: { count: 3 } }, devices: { key: 'journal.devices', params: { count: 5 } } },
      },
      { key: 'journal.delivery.token_removed', params: { count: 1 } },
      { key: 'journal.delivery.emulated', params: { count: 4 } },
      { key: 'journal.grouped', params: { count: 1 } },
    ]);
  });

  it('says it in words, in both languages: no «устройств: 0 · нет устройств»', () => {
    const twoOnFour = notifiedPhrases({ batch: 'open', recipients: 2, pushed: 2, grouped: 0, devices: 4, statuses: { sent: 4 } });
    expect(sayPhrases(inLanguage('ru'), twoOnFour)).toBe('персоналу · 2 человека, 4 устройства · доставлено: 4');
    expect(sayPhrases(inLanguage('en'), twoOnFour)).toBe('to staff · 2 people, 4 devices · delivered: 4');
    const oneOnOne = notifiedPhrases({ batch: 'ack', recipients: 1, pushed: 1, grouped: 0, devices: 1, statuses: { emulated: 1 } });
    expect(sayPhrases(inLanguage('ru'), oneOnOne)).toBe('заявителю · 1 человек, 1 устройство · эмулятор: 1');
    expect(sayPhrases(inLanguage('en'), oneOnOne)).toBe('to the requester · 1 person, 1 device · emulated: 1');
    const noDevice = notifiedPhrases({ batch: 'ack', recipients: 1, pushed: 1, grouped: 0, devices: 0, statuses: {} });
    expect(sayPhrases(inLanguage('ru'), noDevice)).toBe('заявителю · 1 человек без включённых уведомлений: push не отправлен');
    expect(sayPhrases(inLanguage('en'), noDevice)).toBe('to the requester · 1 person without notifications turned on: no push sent');
    const five = notifiedPhrases({ batch: 'esc-1', recipients: 5, pushed: 5, grouped: 0, devices: 11, statuses: { sent: 11 } });
    expect(sayPhrases(inLanguage('ru'), five)).toBe('эскалация, круг 1 · 5 человек, 11 устройств · доставлено: 11');
  });

  it('a batch wholly grouped with an earlier push says only that', () => {
    expect(notifiedPhrases({ batch: 'ack', recipients: 1, pushed: 0, grouped: 1, devices: 0, statuses: {} })).toEqual([
      { key: 'journal.batch.ack' },
      { key: 'journal.grouped', params: { count: 1 } },
    ]);
  });

  it('leaves out a batch id it does not know instead of showing it', () => {
    expect(notifiedPhrases({ batch: 'weird-batch', recipients: 0, pushed: 0, grouped: 0, devices: 0, statuses: {} })).toEqual([
      { key: 'journal.nobodyToNotify' },
    ]);
    expect(journalPhrases({ type: 'notified', by: null, detail: 'open: pushed 1 of 1 recipient(s)' }, context)).toEqual([]);
  });
});

describe('the notification summary', () => {
  const push = (uid: string, deviceId: string, status: 'sent' | 'failed' | 'token_removed' | 'emulated' = 'sent') => ({ uid, deviceId, status });

  it('counts the people and devices pushed, not the rows: 2 people, 4 devices over 6 pushes', () => {
    const rows = [
      push('ivan', 'phone'),
      push('ivan', 'tablet'),
      push('olga', 'phone'),
      push('olga', 'laptop'),
      // A second batch (an escalation round) to the same devices adds no one.
      push('ivan', 'phone'),
      push('olga', 'phone'),
    ];
    expect(deliverySummary(rows)).toEqual([
      {
        key: 'timeline.pushSummary',
        params: { people: { key: 'journal.people', params: { count: 2 } }, devices: { key: 'journal.devices', params: { count: 4 } } },
      },
    ]);
    expect(sayPhrases(inLanguage('ru'), deliverySummary(rows))).toBe('Push: 2 человека, 4 устройства');
    expect(sayPhrases(inLanguage('en'), deliverySummary(rows))).toBe('Push: 2 people, 4 devices');
  });

  it('says which pushes did not arrive, and the Telegram, SMS and call messages apart', () => {
    const rows = [
      push('ivan', 'phone', 'emulated'),
      push('ivan', 'old-phone', 'token_removed'),
      push('olga', 'phone', 'failed'),
      { uid: 'ivan', deviceId: 'tg', status: 'sent' as const, channel: 'telegram' as const },
      { uid: 'ivan', deviceId: 'sms', status: 'sent' as const, channel: 'sms' as const },
      { uid: 'olga', deviceId: 'sms', status: 'sent' as const, channel: 'sms' as const },
    ];
    expect(sayPhrases(inLanguage('ru'), deliverySummary(rows))).toBe(
      'Push: 2 человека, 3 устройства · не доставлено: 2 · Telegram, SMS и звонки: 2 человека, всего 3',
    );
    expect(sayPhrases(inLanguage('en'), deliverySummary(rows))).toBe(
      'Push: 2 people, 3 devices · not delivered: 2 · Telegram, SMS and calls: 2 people, 3 in all',
    );
  });

  it('says when no push was sent at all, and reads a row without a channel as a push', () => {
    expect(sayPhrases(inLanguage('ru'), deliverySummary([]))).toBe('Push-уведомления не отправлялись');
    expect(sayPhrases(inLanguage('en'), deliverySummary([{ uid: 'a', deviceId: 'tg', status: 'sent', channel: 'telegram' }]))).toBe(
      'No push notifications sent · Telegram, SMS and calls: 1 person, 1 in all',
    );
    expect(sayPhrases(inLanguage('ru'), deliverySummary([push('a', 'phone')]))).toBe('Push: 1 человек, 1 устройство');
  });
});

describe('journal phrases', () => {
  it('names the actor instead of their uid', () => {
    expect(journalPhrases({ type: 'on_site', by: 'uid-staff', detail: null }, context)).toEqual([{ key: 'journal.by', params: { name: 'Иван Петров' } }]);
    expect(journalPhrases({ type: 'created', by: 'uid-resident', detail: 'emergency' }, context)).toEqual([
      { key: 'journal.by', params: { name: 'Анна Смирнова' } },
      { key: 'admin.source.emergency' },
    ]);
    expect(journalPhrases({ type: 'message', by: 'uid-staff', detail: { messageId: 'm-1', role: 'staff' } }, context)).toEqual([
      { key: 'journal.by', params: { name: 'Иван Петров' } },
      { key: 'messages.role.staff' },
    ]);
  });

  it('shows nobody rather than an unknown uid', () => {
    expect(journalPhrases({ type: 'cancelled', by: 'uid-unknown', detail: null }, context)).toEqual([]);
  });

  it('uses the name an acknowledgement recorded, and the note of a resolution', () => {
    expect(journalPhrases({ type: 'acknowledged', by: 'uid-x', detail: 'Пётр Сидоров' }, context)).toEqual([
      { key: 'journal.by', params: { name: 'Пётр Сидоров' } },
    ]);
    expect(journalPhrases({ type: 'resolved', by: 'uid-staff', detail: 'Дверь открыта' }, context)).toEqual([
      { key: 'journal.by', params: { name: 'Иван Петров' } },
      { key: 'journal.note', params: { note: 'Дверь открыта' } },
    ]);
  });

  it('reads escalation rounds and reasons, how an escalation ended, and overdue repeats', () => {
    expect(journalPhrases({ type: 'escalated', by: null, detail: 'round 2' }, context)).toEqual([{ key: 'journal.round', params: { round: 2 } }]);
    expect(journalPhrases({ type: 'escalated', by: null, detail: { reason: 'nobody_on_duty', round: 1 } }, context)).toEqual([
      { key: 'journal.round', params: { round: 1 } },
      { key: 'admin.escalationReason.nobody_on_duty' },
    ]);
    expect(journalPhrases({ type: 'escalation_ended', by: null, detail: 'acknowledged' }, context)).toEqual([
      { key: 'journal.endedBy', params: { status: { key: 'status.acknowledged' } } },
    ]);
    expect(journalPhrases({ type: 'escalation_ended', by: null, detail: 'max-rounds' }, context)).toEqual([{ key: 'journal.maxRounds' }]);
    expect(journalPhrases({ type: 'arrival_overdue', by: null, detail: { repeat: 2 } }, context)).toEqual([{ key: 'journal.repeat', params: { repeat: 2 } }]);
    expect(journalPhrases({ type: 'rejected', by: null, detail: 'not-a-member' }, context)).toEqual([{ key: 'reject.not-a-member' }]);
  });

  it('only uses keys both languages translate', () => {
    const samples = [
      ...notifiedPhrases({ batch: 'esc-1', recipients: 2, pushed: 1, grouped: 1, devices: 4, statuses: { sent: 1, failed: 1, token_removed: 1, emulated: 1 } }),
      ...notifiedPhrases({ batch: 'open', recipients: 0, pushed: 0, grouped: 0, devices: 0, statuses: {} }),
      ...notifiedPhrases({ batch: 'ack', recipients: 1, pushed: 1, grouped: 0, devices: 0, statuses: {} }),
      ...deliverySummary([]),
      ...deliverySummary([
        { uid: 'a', deviceId: 'd', status: 'failed' },
        { uid: 'a', deviceId: 'c', status: 'sent', channel: 'sms' },
      ]),
      ...['ack', 'arr-1', 'overdue-2', 'msg-m1'].flatMap((batch) =>
        notifiedPhrases({ batch, recipients: 1, pushed: 1, grouped: 0, devices: 1, statuses: { sent: 1 } }),
      ),
      ...journalPhrases({ type: 'escalation_ended', by: null, detail: 'resolved' }, context),
      ...journalPhrases({ type: 'escalation_ended', by: null, detail: 'max-rounds' }, context),
      ...journalPhrases({ type: 'escalated', by: null, detail: { reason: 'nobody_on_duty', round: 1 } }, context),
      ...journalPhrases({ type: 'arrival_overdue', by: null, detail: { repeat: 1 } }, context),
      ...journalPhrases({ type: 'resolved', by: 'uid-staff', detail: 'ok' }, context),
      ...journalPhrases({ type: 'message', by: 'uid-staff', detail: { role: 'admin' } }, context),
    ];
    for (const key of everyKey(samples)) {
      expect(sayable(messageAt(ru, key)), `ru ${key}`).toBe(true);
      expect(sayable(messageAt(en, key)), `en ${key}`).toBe(true);
    }
  });
});

describe('journal entries', () => {
  const at = (millis: number) => ({ toMillis: () => millis });
  const CREATED = 1_000_000;

  it('puts the events in time order, keeping the written order of events at the same time', () => {
    const events = [
      { id: 'c', type: 'on_site' as const, at: at(CREATED + 65_000), by: null, detail: null },
      { id: 'a', type: 'created' as const, at: at(CREATED), by: null, detail: null },
      { id: 'b1', type: 'notified' as const, at: at(CREATED + 1_000), by: null, detail: null },
      { id: 'b2', type: 'escalated' as const, at: at(CREATED + 1_000), by: null, detail: null },
    ];
    expect(journalEntries(events, CREATED, context).map((entry) => entry.id)).toEqual(['a', 'b1', 'b2', 'c']);
  });

  it('gives each event its offset from the request, and none before the request is known', () => {
    const events = [{ id: 'a', type: 'on_site' as const, at: at(CREATED + 65_000), by: 'uid-staff', detail: null }];
    expect(journalEntries(events, CREATED, context)).toEqual([
      { ...events[0], offset: '+1:05', phrases: [{ key: 'journal.by', params: { name: 'Иван Петров' } }] },
    ]);
    expect(journalEntries(events, null, context)[0]?.offset).toBe('');
  });

  it('names members of the location, then the requester, and nobody else', () => {
    const nameOf = journalNameOf([{ id: 'uid-staff', name: 'Иван Петров' }], { uid: 'uid-resident', name: 'Анна' });
    expect(nameOf('uid-staff')).toBe('Иван Петров');
    expect(nameOf('uid-resident')).toBe('Анна');
    expect(nameOf('uid-other')).toBeNull();
    expect(journalNameOf([], null)('uid-resident')).toBeNull();
  });

  it("says a phrase with its nested phrases translated first, and joins an event's phrases", () => {
    const translate = (key: string, params: Record<string, string | number>) =>
      `${key}(${Object.entries(params)
        .map(([name, value]) => `${name}=${value}`)
        .join(',')})`;
    expect(sayPhrase(translate, { key: 'journal.endedBy', params: { status: { key: 'status.resolved' } } })).toBe('journal.endedBy(status=status.resolved())');
    expect(sayPhrases(translate, [{ key: 'journal.round', params: { round: 2 } }, { key: 'journal.maxRounds' }])).toBe(
      'journal.round(round=2) · journal.maxRounds()',
    );
  });
});

describe('Reach in the journal', () => {
  const say = (catalogue: object) => (key: string, params: Record<string, string | number>) =>
    String(messageAt(catalogue, key)).replace(/\{(\w+)\}/g, (_match, name: string) => String(params[name]));

  it('says what an alert step sent on which channel, and what the rate limit held', () => {
    const phrases = notifiedPhrases({ batch: 'alert-0-3', channel: 'sms', recipients: 2, pushed: 1, grouped: 1, devices: 2, statuses: { emulated: 1 } });
    expect(sayPhrases(say(ru), phrases)).toBe('шаг оповещения 3 · SMS: отправлено 1 из 2 · эмулятор: 1 · сгруппировано по лимиту: 1');
    expect(sayPhrases(say(en), notifiedPhrases({ batch: 'alert-2-1', channel: 'voice', recipients: 1, pushed: 1, devices: 1, statuses: { sent: 1 } }))).toBe(
      'escalation, round 2, alert step 1 · Call: sent 1 of 1 · delivered: 1',
    );
  });

  it('says who accepted from a call, an SMS or Telegram', () => {
    const voice = journalPhrases({ type: 'acknowledged', by: 'uid-staff', detail: { channel: 'voice', name: 'Иван Петров', digits: '1' } }, context);
    expect(sayPhrases(say(ru), voice)).toBe('Звонок: Иван Петров принял (нажал 1)');
    const sms = journalPhrases({ type: 'acknowledged', by: 'uid-staff', detail: { channel: 'sms', name: 'Иван Петров' } }, context);
    expect(sayPhrases(say(en), sms)).toBe('SMS: Иван Петров accepted (replied “1”)');
    const telegram = journalPhrases({ type: 'acknowledged', by: 'uid-staff', detail: { channel: 'telegram', name: 'Иван Петров' } }, context);
    expect(everyKey(telegram)).toEqual(['journal.claim.telegram']);
  });

  it('says what the provider reported of an SMS or a call, by name', () => {
    const delivered = journalPhrases({ type: 'delivery', by: 'uid-staff', detail: { channel: 'sms', status: 'delivered' } }, context);
    expect(sayPhrases(say(ru), delivered)).toBe('SMS доставлено: Иван Петров');
    const unanswered = journalPhrases({ type: 'delivery', by: 'uid-staff', detail: { channel: 'voice', status: 'no-answer' } }, context);
    expect(sayPhrases(say(en), unanswered)).toBe('Call not answered: Иван Петров');
  });

  it('has every Reach key in both languages', () => {
    const phrases = [
      ...notifiedPhrases({ batch: 'alert-1-2', channel: 'telegram', pushed: 1, devices: 1, grouped: 1, statuses: { delivered: 1, 'no-answer': 1, failed: 1 } }),
      ...(['telegram', 'sms', 'voice'] as const).flatMap((channel) =>
        journalPhrases({ type: 'acknowledged', by: null, detail: { channel, name: 'X' } }, context),
      ),
      ...(['sms', 'voice'] as const).flatMap((channel) =>
        (['delivered', 'failed', 'no-answer'] as const).flatMap((status) =>
          journalPhrases({ type: 'delivery', by: null, detail: { channel, status } }, context),
        ),
      ),
    ];
    for (const key of everyKey(phrases)) {
      expect(typeof messageAt(ru, key), key).toBe('string');
      expect(typeof messageAt(en, key), key).toBe('string');
    }
    expect([messageAt(ru, 'timeline.type.delivery'), messageAt(en, 'timeline.type.delivery')]).toEqual(['Отчёт о доставке', 'Delivery report']);
  });
});

describe('the requester called 112', () => {
  it('is said in words, with the requester by name', () => {
    expect(messageAt(ru, 'timeline.type.called_112')).toBe('Заявитель позвонил 112');
    expect(messageAt(en, 'timeline.type.called_112')).toBe('The requester called 112');
    expect(journalPhrases({ type: 'called_112', by: 'uid-resident', detail: null }, context)).toEqual([
      { key: 'journal.by', params: { name: 'Анна Смирнова' } },
    ]);
  });

  it('takes its place in time order with its offset from the request', () => {
    const at = (millis: number) => ({ toMillis: () => millis });
    const events = [
      { id: 'call', type: 'called_112' as const, at: at(42_000), by: 'uid-resident', detail: null },
      { id: 'created', type: 'created' as const, at: at(0), by: null, detail: null },
    ];
    expect(journalEntries(events, 0, context).map((entry) => [entry.id, entry.offset])).toEqual([
      ['created', '+0:00'],
      ['call', '+0:42'],
    ]);
  });
});

describe('a request opened by the second path', () => {
  const say = (catalogue: object) => (key: string, params: Record<string, string | number>) =>
    String(messageAt(catalogue, key)).replace(/\{(\w+)\}/g, (_match, name: string) => String(params[name]));

  it('says which path opened it and how late, in both languages', () => {
    const bySweeper = journalPhrases({ type: 'validated', by: null, detail: { via: 'sweeper', afterSeconds: 34 } }, context);
    expect(sayPhrases(say(ru), bySweeper)).toBe('открыт повторно через 34 с (проверка раз в минуту)');
    const byApp = journalPhrases({ type: 'validated', by: null, detail: { via: 'requester', afterSeconds: 11 } }, context);
    expect(sayPhrases(say(en), byApp)).toBe('opened again after 11 s (the requester’s app)');
  });

  it('says nothing more for a request the trigger opened', () => {
    expect(journalPhrases({ type: 'validated', by: null, detail: null }, context)).toEqual([]);
  });
});
