// The dispatch document of a location, built and read (pure, so the choice of recipients and tokens is unit-tested).
import type { Dispatch, DispatchContact, DispatchRecipient, Locale, Location, StaffMember, TimestampLike } from '@sos/model';
import type { RosterEntry } from '../notify/audience';
import type { PushTarget } from '../notify/pushBatch';
import { localeOf } from '../notify/texts';

/** Everything but the rebuild time: on-duty staff with their tier, admins, and each one's devices, locale and verified contact methods. */
export function buildDispatch(
  location: Location,
  onDuty: readonly { uid: string; tier: StaffMember['tier'] }[],
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
  for (const { uid, tier } of onDuty) recipients[uid] = recipient(uid, tier, false);
  for (const uid of location.admins ?? []) recipients[uid] = recipient(uid, recipients[uid]?.tier ?? null, true);
  return { location, recipients, recipientUids: Object.keys(recipients).sort() };
}

/** Whether a profile write changed the language its owner is pushed in (absent and unknown read as Russian). */
export const localeChanged = (before: { locale?: unknown } | undefined, after: { locale?: unknown } | undefined): boolean =>
  localeOf(before?.locale) !== localeOf(after?.locale);

/** Who is on duty, in the roster shape the audience rules take. */
export function rosterOf(dispatch: Pick<Dispatch<TimestampLike>, 'recipients'>): RosterEntry[] {
  return Object.entries(dispatch.recipients).flatMap(([uid, recipient]) =>
    recipient.tier === null ? [] : [{ uid, member: { onDuty: true, tier: recipient.tier } }],
  );
}

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
