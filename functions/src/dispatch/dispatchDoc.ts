// The dispatch document of a location, built and read (pure, so the choice of recipients and tokens is unit-tested).
import type { Dispatch, DispatchRecipient, Location, StaffMember, TimestampLike } from '@sos/model';
import type { RosterEntry } from '../notify/audience';
import type { PushTarget } from '../notify/pushBatch';

/** Everything but the rebuild time: on-duty staff with their tier, admins, and each one's devices. */
export function buildDispatch(
  location: Location,
  onDuty: readonly { uid: string; tier: StaffMember['tier'] }[],
  devicesOf: (uid: string) => Record<string, string>,
): Omit<Dispatch, 'rebuiltAt'> {
  const recipients: Record<string, DispatchRecipient> = {};
  for (const { uid, tier } of onDuty) recipients[uid] = { tier, admin: false, devices: devicesOf(uid) };
  for (const uid of location.admins ?? []) {
    recipients[uid] = { tier: recipients[uid]?.tier ?? null, admin: true, devices: devicesOf(uid) };
  }
  return { location, recipients, recipientUids: Object.keys(recipients).sort() };
}

/** Who is on duty, in the roster shape the audience rules take. */
export function rosterOf(dispatch: Pick<Dispatch<TimestampLike>, 'recipients'>): RosterEntry[] {
  return Object.entries(dispatch.recipients).flatMap(([uid, recipient]) =>
    recipient.tier === null ? [] : [{ uid, member: { onDuty: true, tier: recipient.tier } }],
  );
}

/** Every device of the given people, as the dispatch document knows them. */
export function targetsOf(dispatch: Pick<Dispatch<TimestampLike>, 'recipients'>, uids: readonly string[]): PushTarget[] {
  return uids.flatMap((uid) =>
    Object.entries(dispatch.recipients[uid]?.devices ?? {}).map(([deviceId, token]) => ({ uid, deviceId, token })),
  );
}
