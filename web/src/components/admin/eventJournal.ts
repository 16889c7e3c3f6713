// The admin «Журнал» in words: each audit event becomes i18n messages with people's names, never uids,
// request ids or the backend's English notes.
import {
  ESCALATION_REASONS,
  MESSAGE_ROLES,
  REJECT_REASONS,
  SOS_SOURCES,
  SOS_STATUSES,
  type SosEvent,
  type SosEventDetail,
  type TimestampLike,
} from '@sos/model';

/** One phrase of an event's detail: an i18n key and its parameters (a parameter may itself be a phrase). */
export interface JournalPhrase {
  key: string;
  params?: Record<string, string | number | JournalPhrase>;
}

export interface JournalContext {
  /** A person's name by uid, or null when not known to this screen. */
  nameOf: (uid: string) => string | null;
}

const DELIVERY_COUNT = /^(sent|failed|token_removed|emulated) (\d+)$/;
const PUSHED = /^pushed (\d+) of (\d+) recipient\(s\), (\d+) device\(s\): (.*)$/;
const GROUPED = /^grouped (\d+) pushed less than a minute ago/;

const includes = <T extends string>(list: readonly T[], value: unknown): value is T => list.includes(value as T);

/** Who the push batch was for, from its id (`open`, `esc-<round>`, `ack`, `arr-<n>`, `msg-<id>`). */
function batchPhrase(batch: string): JournalPhrase | null {
  if (batch === 'open') return { key: 'journal.batch.open' };
  if (batch === 'ack') return { key: 'journal.batch.ack' };
  const escalation = /^esc-(\d+)$/.exec(batch);
  if (escalation) return { key: 'journal.batch.escalation', params: { round: Number(escalation[1]) } };
  if (/^arr-\d+$/.test(batch)) return { key: 'journal.batch.overdue' };
  if (batch.startsWith('msg-')) return { key: 'journal.batch.message' };
  return null;
}

/**
 * A `notified` event's note, `<batch>: pushed P of R recipient(s), D device(s): <status n, …>; grouped …`
 * (functions/src/notify/pushBatch.ts), read into phrases; anything unrecognised is left out, not shown raw.
 */
export function notifiedPhrases(note: string): JournalPhrase[] {
  const separator = note.indexOf(': ');
  if (separator < 0) return [];
  const phrases: JournalPhrase[] = [];
  const batch = batchPhrase(note.slice(0, separator));
  if (batch) phrases.push(batch);
  for (const part of note.slice(separator + 2).split('; ')) {
    const pushed = PUSHED.exec(part);
    if (pushed) {
      phrases.push({ key: 'journal.pushed', params: { pushed: Number(pushed[1]), recipients: Number(pushed[2]), devices: Number(pushed[3]) } });
      const counts = (pushed[4] ?? '').split(', ').map((count) => DELIVERY_COUNT.exec(count));
      if (counts.every((count) => count === null)) phrases.push({ key: 'journal.noDevices' });
      for (const count of counts) if (count) phrases.push({ key: `journal.delivery.${count[1]}`, params: { count: Number(count[2]) } });
    }
    const grouped = GROUPED.exec(part);
    if (grouped) phrases.push({ key: 'journal.grouped', params: { count: Number(grouped[1]) } });
  }
  return phrases;
}

/** What an event's detail says besides its type, in phrases to translate. */
export function journalPhrases(event: Pick<SosEvent<TimestampLike>, 'type' | 'by' | 'detail'>, context: JournalContext): JournalPhrase[] {
  const detail = event.detail;
  const structured: SosEventDetail | null = detail !== null && typeof detail === 'object' ? detail : null;
  const note = typeof detail === 'string' ? detail : null;
  const actor = event.by ? context.nameOf(event.by) : null;
  const by: JournalPhrase[] = actor ? [{ key: 'journal.by', params: { name: actor } }] : [];

  switch (event.type) {
    case 'created':
      return [...by, ...(includes(SOS_SOURCES, note) ? [{ key: `admin.source.${note}` }] : [])];
    case 'rejected':
      return includes(REJECT_REASONS, note) ? [{ key: `reject.${note}` }] : [];
    case 'notified':
      return note ? notifiedPhrases(note) : [];
    case 'acknowledged':
      // The event holds the name the staff member had when accepting.
      return note ? [{ key: 'journal.by', params: { name: note } }] : by;
    case 'resolved':
      return [...by, ...(note ? [{ key: 'journal.note', params: { note } }] : [])];
    case 'escalated': {
      const reason = structured?.reason;
      const round = structured?.round ?? Number(/^round (\d+)$/.exec(note ?? '')?.[1] ?? NaN);
      return [
        ...(Number.isFinite(round) ? [{ key: 'journal.round', params: { round } }] : []),
        ...(includes(ESCALATION_REASONS, reason) ? [{ key: `admin.escalationReason.${reason}` }] : []),
      ];
    }
    case 'escalation_ended':
      if (note === 'max-rounds') return [{ key: 'journal.maxRounds' }];
      return includes(SOS_STATUSES, note) ? [{ key: 'journal.endedBy', params: { status: { key: `status.${note}` } } }] : [];
    case 'arrival_overdue':
      return structured?.repeat ? [{ key: 'journal.repeat', params: { repeat: structured.repeat } }] : [];
    case 'message': {
      const role = structured?.role;
      return [...by, ...(includes(MESSAGE_ROLES, role) ? [{ key: `messages.role.${role}` }] : [])];
    }
    default:
      return by;
  }
}
