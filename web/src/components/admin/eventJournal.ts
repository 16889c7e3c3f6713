// The admin «Журнал» in words: each audit event becomes i18n messages with people's names, never uids,
// request ids or the backend's own strings; the events in time order, each with its offset from the request.
import {
  DELIVERY_STATUSES,
  formatOffset,
  ESCALATION_REASONS,
  MESSAGE_ROLES,
  REJECT_REASONS,
  SECOND_PATH_VIAS,
  SOS_SOURCES,
  SOS_STATUSES,
  type Delivery,
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

const includes = <T extends string>(list: readonly T[], value: unknown): value is T => list.includes(value as T);

/** Who the push batch was for, from its id (`open`, `esc-<round>`, `ack`, `arr-<n>` or `overdue-<n>`, `msg-<id>`). */
function batchPhrase(batch: string): JournalPhrase | null {
  if (batch === 'open') return { key: 'journal.batch.open' };
  if (batch === 'ack') return { key: 'journal.batch.ack' };
  const escalation = /^esc-(\d+)$/.exec(batch);
  if (escalation) return { key: 'journal.batch.escalation', params: { round: Number(escalation[1]) } };
  if (/^(arr|overdue)-\d+$/.test(batch)) return { key: 'journal.batch.overdue' };
  if (batch.startsWith('msg-')) return { key: 'journal.batch.message' };
  const alert = /^alert-(\d+)-(\d+)$/.exec(batch);
  if (alert) {
    const [round, step] = [Number(alert[1]), Number(alert[2])];
    return round === 0 ? { key: 'journal.batch.alert', params: { step } } : { key: 'journal.batch.alertRound', params: { round, step } };
  }
  return null;
}

/** «2 человека», «4 устройства»: a count in the plural form of the reader's language. */
const countOf = (key: 'journal.people' | 'journal.devices', count: number): JournalPhrase => ({ key, params: { count } });

/**
 * A push batch's `notified` detail (functions/src/notify/pushBatch.ts): who it was for, how many people on how many
 * devices, and what became of the pushes, in phrases. People whose pushes were grouped with an earlier one are said apart.
 */
export function notifiedPhrases(detail: SosEventDetail): JournalPhrase[] {
  const phrases: JournalPhrase[] = [];
  const batch = detail.batch === undefined ? null : batchPhrase(detail.batch);
  if (batch) phrases.push(batch);
  if (includes(CONTACT_CHANNELS, detail.channel)) return [...phrases, ...alertPhrases(detail.channel, detail)];
  if (detail.pushed !== undefined && (detail.pushed > 0 || !detail.grouped)) {
    const people = countOf('journal.people', detail.pushed);
    const devices = detail.devices ?? 0;
    if (detail.pushed === 0) phrases.push({ key: 'journal.nobodyToNotify' });
    else if (devices === 0) phrases.push({ key: 'journal.noDevice', params: { people } });
    else phrases.push({ key: 'journal.pushedTo', params: { people, devices: countOf('journal.devices', devices) } });
    for (const status of DELIVERY_STATUSES.filter((known) => (detail.statuses?.[known] ?? 0) > 0)) {
      phrases.push({ key: `journal.delivery.${status}`, params: { count: detail.statuses?.[status] ?? 0 } });
    }
  }
  if (detail.grouped) phrases.push({ key: 'journal.grouped', params: { count: detail.grouped } });
  return phrases;
}

/** A delivery row as the summary counts it (a row without a channel predates Reach: a push). */
export type SummaryDelivery = Pick<Delivery<unknown>, 'uid' | 'deviceId' | 'status' | 'channel'>;

/**
 * The request's notifications in one line, counted as the journal lists them: the people and devices pushed
 * («Push: 2 человека, 4 устройства»), the pushes that did not arrive, then the Telegram, SMS and call messages.
 */
export function deliverySummary(rows: readonly SummaryDelivery[]): JournalPhrase[] {
  const pushes = rows.filter((row) => (row.channel ?? 'push') === 'push');
  const alerts = rows.filter((row) => (row.channel ?? 'push') !== 'push');
  const phrases: JournalPhrase[] = [];
  if (pushes.length === 0) phrases.push({ key: 'timeline.noPush' });
  else {
    const people = new Set(pushes.map((row) => row.uid)).size;
    const devices = new Set(pushes.map((row) => `${row.uid}/${row.deviceId}`)).size;
    phrases.push({ key: 'timeline.pushSummary', params: { people: countOf('journal.people', people), devices: countOf('journal.devices', devices) } });
    const lost = pushes.filter((row) => row.status === 'failed' || row.status === 'token_removed').length;
    if (lost > 0) phrases.push({ key: 'timeline.notDelivered', params: { count: lost } });
  }
  if (alerts.length > 0) {
    phrases.push({
      key: 'timeline.alertSummary',
      params: { people: countOf('journal.people', new Set(alerts.map((row) => row.uid)).size), count: alerts.length },
    });
  }
  return phrases;
}

const CONTACT_CHANNELS = ['telegram', 'sms', 'voice'] as const;
const REPORTED_STATUSES = ['delivered', 'failed', 'no-answer'] as const;

/** An alert step's batch on Telegram, SMS or a call (functions/src/reach/steps): what went out, what came of it, what the rate limit held. */
function alertPhrases(channel: (typeof CONTACT_CHANNELS)[number], detail: SosEventDetail): JournalPhrase[] {
  const phrases: JournalPhrase[] = [
    { key: 'journal.sentOn', params: { channel: { key: `journal.channel.${channel}` }, sent: detail.pushed ?? 0, contacts: detail.devices ?? 0 } },
  ];
  for (const status of DELIVERY_STATUSES.filter((known) => (detail.statuses?.[known] ?? 0) > 0)) {
    phrases.push({ key: `journal.delivery.${status}`, params: { count: detail.statuses?.[status] ?? 0 } });
  }
  if (detail.grouped) phrases.push({ key: 'journal.alertGrouped', params: { count: detail.grouped } });
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
    case 'validated':
      // Opened by the second path (the create trigger did not): which one, and how late.
      return includes(SECOND_PATH_VIAS, structured?.via)
        ? [{ key: `journal.openedLate.${structured.via}`, params: { seconds: structured.afterSeconds ?? 0 } }]
        : [];
    case 'rejected':
      return includes(REJECT_REASONS, note) ? [{ key: `reject.${note}` }] : [];
    case 'notified':
      return structured ? notifiedPhrases(structured) : [];
    case 'acknowledged':
      // Accepted from Telegram, SMS or a call: the channel, the name the claim carried, the key pressed.
      if (includes(CONTACT_CHANNELS, structured?.channel)) {
        return [{ key: `journal.claim.${structured.channel}`, params: { name: structured.name ?? actor ?? '', digits: structured.digits ?? '1' } }];
      }
      // The event holds the name the staff member had when accepting.
      return note ? [{ key: 'journal.by', params: { name: note } }] : by;
    case 'delivery': {
      // A provider's report on one SMS or call: whose it was, in words.
      const channel = structured?.channel;
      const status = structured?.status;
      if ((channel === 'sms' || channel === 'voice') && includes(REPORTED_STATUSES, status)) {
        return [{ key: `journal.channelStatus.${channel}.${status}`, params: { name: actor ?? '—' } }];
      }
      return by;
    }
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
    case 'called_112':
      // The type says «Заявитель позвонил 112»; the detail, who pressed it (the requester, by name).
      return by;
    case 'message': {
      const role = structured?.role;
      return [...by, ...(includes(MESSAGE_ROLES, role) ? [{ key: `messages.role.${role}` }] : [])];
    }
    default:
      return by;
  }
}

/** Who a uid is in the journal: a member of the location by name, else the requester by the name they had. */
export function journalNameOf(
  members: readonly { id: string; name: string }[],
  requester: { uid: string; name: string | null } | null,
): (uid: string) => string | null {
  const names = new Map(members.map((member) => [member.id, member.name]));
  return (uid) => names.get(uid) ?? (uid === requester?.uid ? requester.name : null);
}

/** One line of the journal: the event, its offset from the request («+1:05») and its detail in phrases. */
export type JournalEntry<E> = E & { offset: string; phrases: JournalPhrase[] };

type JournalEvent = Pick<SosEvent<TimestampLike>, 'type' | 'at' | 'by' | 'detail'>;

/** The events in time order (the order they were written when two share a time), shaped for the journal. */
export function journalEntries<E extends JournalEvent>(events: readonly E[], createdMillis: number | null, context: JournalContext): JournalEntry<E>[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.at.toMillis() - b.event.at.toMillis() || a.index - b.index)
    .map(({ event }) => ({
      ...event,
      offset: createdMillis === null ? '' : formatOffset(event.at.toMillis() - createdMillis),
      phrases: journalPhrases(event, context),
    }));
}

/** A translator as vue-i18n's `t` is called here: a key and its parameters. */
export type Translate = (key: string, params: Record<string, string | number>) => string;

/** A phrase in words: its parameters that are phrases themselves are said first. */
export function sayPhrase(translate: Translate, phrase: JournalPhrase): string {
  const params = Object.entries(phrase.params ?? {}).map(([name, value]) => [name, typeof value === 'object' ? sayPhrase(translate, value) : value]);
  return translate(phrase.key, Object.fromEntries(params) as Record<string, string | number>);
}

/** An event's detail in words, its phrases joined as the journal shows them. */
export function sayPhrases(translate: Translate, phrases: readonly JournalPhrase[]): string {
  return phrases.map((phrase) => sayPhrase(translate, phrase)).join(' · ');
}
