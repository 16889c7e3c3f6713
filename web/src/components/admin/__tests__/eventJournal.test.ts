import { describe, expect, it } from 'vitest';
import { journalPhrases, notifiedPhrases, type JournalPhrase } from '../eventJournal';
import { ru } from '../../../i18n/ru';
import { en } from '../../../i18n/en';

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

describe('notified notes', () => {
  it('reads the batch, the counts and the delivery statuses', () => {
    expect(notifiedPhrases('open: pushed 1 of 1 recipient(s), 0 device(s): no devices')).toEqual([
      { key: 'journal.batch.open' },
      { key: 'journal.pushed', params: { pushed: 1, recipients: 1, devices: 0 } },
      { key: 'journal.noDevices' },
    ]);
    expect(notifiedPhrases('esc-2: pushed 3 of 4 recipient(s), 5 device(s): emulated 4, token_removed 1')).toEqual([
      { key: 'journal.batch.escalation', params: { round: 2 } },
      { key: 'journal.pushed', params: { pushed: 3, recipients: 4, devices: 5 } },
      { key: 'journal.delivery.emulated', params: { count: 4 } },
      { key: 'journal.delivery.token_removed', params: { count: 1 } },
    ]);
  });

  it('counts the grouped recipients without the request ids they were pushed for', () => {
    const phrases = notifiedPhrases('open: pushed 1 of 3 recipient(s), 1 device(s): sent 1; grouped 2 pushed less than a minute ago (for req-abc, req-def)');
    expect(phrases).toContainEqual({ key: 'journal.grouped', params: { count: 2 } });
    expect(JSON.stringify(phrases)).not.toMatch(/req-/);
    expect(notifiedPhrases('ack: grouped 1 pushed less than a minute ago (for req-x)')).toEqual([
      { key: 'journal.batch.ack' },
      { key: 'journal.grouped', params: { count: 1 } },
    ]);
  });

  it('leaves out what it cannot read instead of showing it raw', () => {
    expect(notifiedPhrases('something else entirely')).toEqual([]);
    expect(notifiedPhrases('weird-batch: 42 things')).toEqual([]);
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
      ...notifiedPhrases('esc-1: pushed 1 of 2 recipient(s), 4 device(s): sent 1, failed 1, token_removed 1, emulated 1; grouped 1 pushed less than a minute ago (for r)'),
      ...notifiedPhrases('open: pushed 0 of 0 recipient(s), 0 device(s): no devices'),
      ...['ack', 'arr-1', 'msg-m1'].flatMap((batch) => notifiedPhrases(`${batch}: pushed 1 of 1 recipient(s), 1 device(s): sent 1`)),
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
