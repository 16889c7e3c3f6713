// The dispatch document of a location, built and read (pure, so the choice of recipients and tokens is unit-tested).
import {
  onDutyAt,
  type Dispatch,
  type DispatchContact,
  type DispatchDuty,
  type DispatchRecipient,
  type DutyOverride,
  type DutySchedule,
  type Locale,
  type Location,
  type RosterDuty,
  type Shift,
  type StaffMember,
  type TimestampLike,
} from '@sos/model';
import type { RosterEntry } from '../notify/audience';
import type { PushTarget } from '../notify/pushBatch';
import { localeOf } from '../notify/texts';

/**
 * Everything but the rebuild time: what decides duty, and everyone who may be on duty (the whole roster, with their
 * tier) and the admins, each with their devices, locale and verified contact methods.
 */
export function buildDispatch(
  location: Location,
  duty: DispatchDuty,
  devicesOf: (uid: string) => Record<string, string>,
  localeOfUser: (uid: string) => Locale,
  contactsOf: (uid: string) => DispatchContact[] = () => [],
): Omit<Dispatch, 'rebuiltAt'> {
  const recipients: Record<string, DispatchRecipient> = {};
  const recipient = (uid: string, tier: StaffMember['tier'] | null, admin: boolean): DispatchRecipient => ({
    tier,
    admin,
    devices: devicesOf(uid),
    locale: localeOfUser(uid),
    contacts: contactsOf(uid),
  });
  for (const [uid, entry] of Object.entries(duty.roster)) recipients[uid] = recipient(uid, entry.tier, false);
  for (const uid of location.admins ?? []) recipients[uid] = recipient(uid, recipients[uid]?.tier ?? null, true);
  return { location, duty, recipients, recipientUids: Object.keys(recipients).sort() };
}

const isTime = (value: unknown): value is TimestampLike => typeof (value as { toMillis?: unknown } | null)?.toMillis === 'function';

/**
 * What duty needs of the roster, shifts and overrides as read: each with only the keys duty reads (a Firestore write
 * takes no `undefined`), and the overrides that have not ended by `nowMillis` (an ended one changes no instant to come).
 */
export function dutyOf(
  roster: readonly { uid: string; member: Partial<StaffMember> }[],
  shifts: readonly Shift[],
  overrides: readonly DutyOverride[],
  nowMillis: number,
): DispatchDuty {
  const entries = roster.flatMap(({ uid, member }): [string, RosterDuty][] => {
    if (member.tier !== 1 && member.tier !== 2) return [];
    return [
      [
        uid,
        {
          tier: member.tier,
          onDuty: member.onDuty === true,
          ...(isTime(member.onDutySince) ? { onDutySince: member.onDutySince } : {}),
          ...(isTime(member.offUntil) ? { offUntil: member.offUntil } : {}),
        },
      ],
    ];
  });
  return {
    shifts: shifts.map(({ uid, tier, days, start, minutes, from, until }) => ({
      uid,
      tier,
      days,
      start,
      minutes,
      ...(from ? { from } : {}),
      ...(until ? { until } : {}),
    })),
    overrides: overrides.flatMap(({ uid, action, withUid, start, end, createdBy }) =>
      isTime(start) && isTime(end) && end.toMillis() > nowMillis ? [{ uid, action, ...(withUid === undefined ? {} : { withUid }), start, end, createdBy }] : [],
    ),
    roster: Object.fromEntries(entries),
  };
}

/** What a reader of the dispatch document needs to know who is on duty. */
export type DutySource = Pick<Dispatch<unknown>, 'location' | 'duty' | 'recipients'>;

/** The location's duty schedule as the dispatch document holds it, for `onDutyAt`. */
export function dutyScheduleOf(dispatch: DutySource): DutySchedule {
  const timezone = dispatch.location.timezone;
  if (dispatch.duty) return { timezone, ...dispatch.duty };
  // A document built before shifts listed only the staff switched on, each with their tier: they stay on duty until its rebuild.
  const roster = Object.fromEntries(
    Object.entries(dispatch.recipients).flatMap(([uid, recipient]) => (recipient.tier === null ? [] : [[uid, { tier: recipient.tier, onDuty: true }]])),
  );
  return { timezone, shifts: [], overrides: [], roster };
}

/** Who is on duty at the instant, with their tier then, in the roster shape the audience rules take. */
export function rosterOf(dispatch: DutySource, atMillis: number): RosterEntry[] {
  return onDutyAt(dutyScheduleOf(dispatch), atMillis).map(({ uid, tier }) => ({ uid, member: { onDuty: true, tier } }));
}

/** Whether a profile write changed the language its owner is pushed in (absent and unknown read as Russian). */
export const localeChanged = (before: { locale?: unknown } | undefined, after: { locale?: unknown } | undefined): boolean =>
  localeOf(before?.locale) !== localeOf(after?.locale);

/** The recipients of a dispatch document as stored: one built before recipients carried a locale has none. */
export interface StoredRecipients {
  recipients: Record<string, Omit<DispatchRecipient, 'locale'> & Partial<Pick<DispatchRecipient, 'locale'>>>;
}

/** Every device of the given people, with their locale, as the dispatch document knows them. */
export function targetsOf(dispatch: StoredRecipients, uids: readonly string[]): PushTarget[] {
  return uids.flatMap((uid) => {
    const recipient = dispatch.recipients[uid];
    // localeOf: a document built before recipients carried a locale reads as Russian until its next rebuild.
    const locale = localeOf(recipient?.locale);
    return Object.entries(recipient?.devices ?? {}).map(([deviceId, token]) => ({ uid, deviceId, token, locale }));
  });
}

/** The contact methods alert steps may use: verified ones of a known channel with an address (anything else is skipped). */
export function verifiedContacts(docs: readonly { id: string; data(): { kind?: unknown; address?: unknown; verified?: unknown } }[]): DispatchContact[] {
  return docs.flatMap((doc) => {
    const { kind, address, verified } = doc.data();
    const channel = CONTACT_CHANNELS.find((known) => known === kind);
    return verified === true && channel && typeof address === 'string' && address !== '' ? [{ id: doc.id, channel, address }] : [];
  });
}

const CONTACT_CHANNELS = ['telegram', 'sms', 'voice'] as const;
