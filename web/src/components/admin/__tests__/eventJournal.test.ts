import { describe, expect, it } from 'vitest';
import { journalPhrases, notifiedPhrases, type JournalPhrase } from '../eventJournal';
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

function everyKey(phrases: JournalPhrase[]): string[] {
  return phrases.flatMap((phrase) => [phrase.key, ...everyKey(Object.values(phrase.params ?? {}).filter((value): value is JournalPhrase => typeof value === 'object'))]);
}

describe('push batches', () => {
  it('reads the batch, the counts and the delivery statuses', () => {
    expect(notifiedPhrases({ batch: 'open', recipients: 1, pushed: 1, grouped: 0, devices: 0, statuses: {} })).toEqual([
      { key: 'journal.batch.open' },
      { key: 'journal.pushed', params: { pushed: 1, recipients: 1, devices: 0 } },
      { key: 'journal.noDevices' },
    ]);
    expect(notifiedPhrases({ batch: 'esc-2', recipients: 4, pushed: 3, grouped: 1, devices: 5, statuses: { emulated: 4, token_removed: 1 } })).toEqual([
      { key: 'journal.batch.escalation', params: { round: 2 } },
      { key: 'journal.pushed', params: { pushed: 3, recipients: 4, devices: 5 } },
      { key: 'journal.delivery.token_removed', params: { count: 1 } },
      { key: 'journal.delivery.emulated', params: { count: 4 } },
      { key: 'journal.grouped', params: { count: 1 } },
    ]);
  });

  it('a batch wholly grouped with an earlier push says only that', () => {
    expect(notifiedPhrases({ batch: 'ack', recipients: 1, pushed: 0, grouped: 1, devices: 0, statuses: {} })).toEqual([
      { key: 'journal.batch.ack' },
      { key: 'journal.grouped', params: { count: 1 } },
    ]);
  });

  it('leaves out a batch id it does not know instead of showing it', () => {
    expect(notifiedPhrases({ batch: 'weird-batch', recipients: 0, pushed: 0, grouped: 0, devices: 0, statuses: {} })).toEqual([
      { key: 'journal.pushed', params: { pushed: 0, recipients: 0, devices: 0 } },
      { key: 'journal.noDevices' },
    ]);
    expect(journalPhrases({ type: 'notified', by: null, detail: 'open: pushed 1 of 1 recipient(s)' }, context)).toEqual([]);
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
    expect(journalPhrases({ type: 'acknowledged', by: 'uid-x', detail: 'Пётр Сидоров' }, context)).toEqual([{ key: 'journal.by', params: { name: 'Пётр Сидоров' } }]);
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
      ...['ack', 'arr-1', 'overdue-2', 'msg-m1'].flatMap((batch) => notifiedPhrases({ batch, recipients: 1, pushed: 1, grouped: 0, devices: 1, statuses: { sent: 1 } })),
      ...journalPhrases({ type: 'escalation_ended', by: null, detail: 'resolved' }, context),
      ...journalPhrases({ type: 'escalation_ended', by: null, detail: 'max-rounds' }, context),
      ...journalPhrases({ type: 'escalated', by: null, detail: { reason: 'nobody_on_duty', round: 1 } }, context),
      ...journalPhrases({ type: 'arrival_overdue', by: null, detail: { repeat: 1 } }, context),
      ...journalPhrases({ type: 'resolved', by: 'uid-staff', detail: 'ok' }, context),
      ...journalPhrases({ type: 'message', by: 'uid-staff', detail: { role: 'admin' } }, context),
    ];
    for (const key of everyKey(samples)) {
      expect(typeof messageAt(ru, key), `ru ${key}`).toBe('string');
      expect(typeof messageAt(en, key), `en ${key}`).toBe('string');
    }
  });
});
