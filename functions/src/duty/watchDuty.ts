// The duty watch (every 5 minutes, see triggers.ts): for each location, from its dispatch document alone, the gap
// warnings to its admins, the staff's shift reminders and "shift ended", and the end of 12-hour-old manual starts.
// Each message is a notice under a fixed id (`users/{uid}/notices/<key>-<channel>`) created before it is sent, so a
// run repeated or overlapping another sends nothing twice (a crash between the two loses that one message).
import type { ChannelMessage } from '../reach/transport';
import type { ContactAlertChannel, Dispatch, DispatchContact, DispatchRecipient, DutyWatchState, Notice, NoticeChannel } from '@sos/model';
import { FieldValue, type Timestamp, createDoc, db, mergeDoc, reachRefs, readQuery, refs, writeDoc } from '../firestore';
import { dutyLogs } from '../logs';
import { pushTransport, type PushOutcome } from '../push';
import { channelTransport } from '../reach/transport';
import { planDutyWatch, type PlannedNotice } from './planDutyWatch';
import { dutyNoticeWords } from './texts';

/** Besides the push (always recorded, also for someone with no device): the contact methods each kind goes to. */
const CONTACT_CHANNELS: Record<PlannedNotice['type'], readonly ContactAlertChannel[]> = {
  gap_warning: ['telegram', 'sms'],
  shift_reminder: ['telegram'],
  shift_ended: ['telegram'],
};

/** Where a push of each kind opens the app. */
const LINKS: Record<PlannedNotice['type'], string> = { gap_warning: '/admin/shifts', shift_reminder: '/staff/shifts', shift_ended: '/staff/shifts' };

/** Locations watched at once. */
const CONCURRENCY = 4;

export interface DutyWatchCounts {
  locations: number;
  notices: number;
  gapsWarned: number;
  manualStartsEnded: number;
  failed: number;
}

type SendResult = Pick<Notice, 'status'> & { error: string | null; providerId?: string | null; payload?: Record<string, unknown> | null };

/** One run over every location with a dispatch document: one query, one read of the watch's memory per location. */
export async function watchDuty(nowMillis = Date.now()): Promise<DutyWatchCounts> {
  const startedAt = Date.now();
  const dispatches = (await readQuery(refs.dispatches())).docs.filter((doc) => doc.data().duty !== undefined);
  const memories = dispatches.length > 0 ? await db.getAll(...dispatches.map((doc) => refs.dutyWatch(doc.id))) : [];
  const counts: DutyWatchCounts = { locations: dispatches.length, notices: 0, gapsWarned: 0, manualStartsEnded: 0, failed: 0 };
  const queue = dispatches.map((doc, i) => ({ locationId: doc.id, dispatch: doc.data(), remembered: memories[i]?.data() as DutyWatchState | undefined }));
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      try {
        const done = await watchLocation(next.locationId, next.dispatch, next.remembered, nowMillis);
        counts.notices += done.notices;
        counts.gapsWarned += done.gapsWarned;
        counts.manualStartsEnded += done.manualStartsEnded;
      } catch (error) {
        counts.failed += 1;
        dutyLogs.locationFailed(next.locationId, error);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  dutyLogs.watched(counts, Date.now() - startedAt);
  return counts;
}

async function watchLocation(locationId: string, dispatch: Dispatch<Timestamp>, remembered: DutyWatchState | undefined, nowMillis: number) {
  const duty = dispatch.duty;
  if (!duty) return { notices: 0, gapsWarned: 0, manualStartsEnded: 0 };
  const admins = Object.entries(dispatch.recipients).flatMap(([uid, recipient]) => (recipient.admin ? [uid] : []));
  const plan = planDutyWatch({ locationId, timezone: dispatch.location.timezone, duty, admins }, remembered, nowMillis);
  const place = { name: dispatch.location.name, timezone: dispatch.location.timezone };
  const sent = await Promise.all(plan.notices.map((notice) => deliverNotice(locationId, notice, dispatch.recipients[notice.uid], place, nowMillis)));
  const writes: Promise<unknown>[] = plan.manualStartsToEnd.map(({ uid, sinceMillis }) => endManualStart(locationId, uid, sinceMillis));
  // The memory is written after the warnings went out: a run that dies before it warns again, never not at all.
  if (plan.state) writes.push(writeDoc(refs.dutyWatch(locationId), plan.state));
  const ended = await Promise.all(writes);
  const notices = sent.reduce((sum, count) => sum + count, 0);
  if (notices > 0 || plan.manualStartsToEnd.length > 0)
    dutyLogs.locationWatched(
      locationId,
      notices,
      plan.manualStartsToEnd.map(({ uid }) => uid),
    );
  return {
    notices,
    gapsWarned: plan.notices.filter((notice) => notice.subject.kind === 'gap').length,
    manualStartsEnded: ended.filter((result) => result === true).length,
  };
}

/** The push (recorded even when the person has no device) and the contact methods of its kind; how many were sent now. */
async function deliverNotice(
  locationId: string,
  notice: PlannedNotice,
  recipient: DispatchRecipient | undefined,
  place: { name: string; timezone: string },
  nowMillis: number,
): Promise<number> {
  const words = dutyNoticeWords(recipient?.locale ?? 'ru', notice.subject, place, nowMillis);
  const record = { type: notice.type, title: words.title, body: words.body, locationId };
  const tokens = Object.values(recipient?.devices ?? {});
  const contacts = (recipient?.contacts ?? []).filter((contact) => CONTACT_CHANNELS[notice.type].includes(contact.channel));
  const sends = [
    sendOnce(notice.uid, `${notice.key}-push`, { ...record, channel: 'push' }, async () =>
      tokens.length === 0
        ? { status: 'no-device', error: null }
        : pushResult(
            await pushTransport.send(tokens, {
              ...words,
              link: LINKS[notice.type],
              tag: notice.key,
              data: { type: notice.type, locationId },
            }),
          ),
    ),
    ...contacts.map((contact) =>
      sendOnce(notice.uid, `${notice.key}-${contact.id}`, { ...record, channel: contact.channel, contactId: contact.id }, () =>
        channelTransport().send(channelMessage(contact, words)),
      ),
    ),
  ];
  return (await Promise.all(sends)).filter(Boolean).length;
}

/**
 * Creates the notice, then sends and records the outcome; false (nothing sent) when the notice exists: an earlier run
 * sent it.
 */
async function sendOnce(
  uid: string,
  noticeId: string,
  record: Pick<Notice, 'type' | 'title' | 'body' | 'locationId' | 'contactId'> & { channel: NoticeChannel },
  send: () => Promise<SendResult>,
): Promise<boolean> {
  const ref = reachRefs.noticeWrite(uid, noticeId);
  try {
    await createDoc(ref, { ...record, at: FieldValue.serverTimestamp(), status: 'sending' });
  } catch (error) {
    if (isAlreadyExists(error)) return false;
    throw error;
  }
  const result = await send().catch((error: unknown): SendResult => ({ status: 'failed', error: String(error) }));
  await mergeDoc(ref, {
    status: result.status,
    error: result.error,
    ...(result.providerId !== undefined ? { providerId: result.providerId } : {}),
    ...(result.payload ? { payload: result.payload } : {}),
  });
  if (result.status === 'failed') dutyLogs.noticeFailed(uid, noticeId, result.error ?? 'unknown');
  return true;
}

const isAlreadyExists = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 6;

/** One status for all of a person's devices: sent (or emulated) if any device took it. */
function pushResult(outcomes: readonly PushOutcome[]): SendResult {
  const delivered = outcomes.find((outcome) => outcome.status === 'sent' || outcome.status === 'emulated');
  if (delivered) return { status: delivered.status, error: null };
  return { status: 'failed', error: outcomes.map((outcome) => outcome.error).join('; ') || 'no outcome' };
}

function channelMessage(contact: DispatchContact, words: { title: string; body: string }): ChannelMessage {
  const text = `SOS: ${words.title}. ${words.body}`;
  switch (contact.channel) {
    case 'telegram':
      return { channel: 'telegram', chatId: contact.address, text };
    case 'sms':
      return { channel: 'sms', to: contact.address, body: text };
    case 'voice':
      throw new Error('duty notices are not called');
  }
}

/** Switches a 12-hour-old manual start off, unless it was switched off or started anew meanwhile. */
async function endManualStart(locationId: string, uid: string, sinceMillis: number): Promise<boolean> {
  const ref = refs.staffMember(locationId, uid);
  return db.runTransaction(async (tx) => {
    const entry = (await tx.get(ref)).data();
    if (entry?.onDuty !== true || entry.onDutySince?.toMillis() !== sinceMillis) return false;
    tx.update(ref, { onDuty: false, onDutySince: FieldValue.delete() });
    return true;
  });
}
