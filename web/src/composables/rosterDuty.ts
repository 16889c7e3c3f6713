// The admin roster's duty column: each person's duty now by the model's one duty function (timetable, overrides, their
// own start), with until when and why, and whether they ended their shift early.
import { onDutyAt, type DutySchedule, type OnDuty, type RosterDuty } from '@sos/model';

/** What puts a person on duty: a shift of the timetable, an admin's override (`on`, or standing in), their own start. */
export type DutyReason = 'shift' | 'override' | 'manual';

export interface RosterDutyNow {
  /** On duty now: their tier then, and when it ends (null: open-ended, or beyond the model's 48-hour look-ahead). */
  duty: Pick<OnDuty, 'tier' | 'untilMillis'> | null;
  /** Why they are on duty, in this order; empty when off. */
  reasons: DutyReason[];
  /** «Закончить смену»: off, whatever the rest says, until this instant; null when they have not ended early. */
  offUntilMillis: number | null;
}

const isOn = (schedule: DutySchedule, uid: string, atMillis: number): boolean => onDutyAt(schedule, atMillis).some((duty) => duty.uid === uid);
/** A roster entry with no manual start and no early end: what a shift or an override alone does. */
const plain = (entry: RosterDuty): RosterDuty => ({ tier: entry.tier, onDuty: false });

/** Whether each source alone would put `uid` on duty at `atMillis` (each asked of the model with only that source). */
function reasonsOf(schedule: DutySchedule, uid: string, entry: RosterDuty, atMillis: number): DutyReason[] {
  const { timezone, shifts, overrides, roster } = schedule;
  const reasons: DutyReason[] = [];
  // Their shifts, less the overrides that take them off them.
  const byShift: DutySchedule = {
    timezone,
    shifts: shifts.filter((shift) => shift.uid === uid),
    overrides: overrides.filter((override) => override.uid === uid && override.action !== 'on'),
    roster: { [uid]: plain(entry) },
  };
  if (isOn(byShift, uid, atMillis)) reasons.push('shift');
  // An `on` override of theirs, or standing in for someone (with that person's tier: their entry goes along).
  const puttingOn = overrides.filter(
    (override) => (override.action === 'on' && override.uid === uid) || (override.action === 'swap' && override.withUid === uid),
  );
  const absent = Object.fromEntries(
    puttingOn.flatMap((override) => {
      const other = Object.hasOwn(roster, override.uid) ? roster[override.uid] : undefined;
      return other && override.uid !== uid ? [[override.uid, plain(other)]] : [];
    }),
  );
  const byOverride: DutySchedule = { timezone, shifts: [], overrides: puttingOn, roster: { ...absent, [uid]: plain(entry) } };
  if (puttingOn.length > 0 && isOn(byOverride, uid, atMillis)) reasons.push('override');
  const manual = { tier: entry.tier, onDuty: entry.onDuty, ...(entry.onDutySince ? { onDutySince: entry.onDutySince } : {}) };
  if (entry.onDuty && isOn({ timezone, shifts: [], overrides: [], roster: { [uid]: manual } }, uid, atMillis)) reasons.push('manual');
  return reasons;
}

/** Everyone on the location's roster: their duty at `atMillis`, by uid (one `onDutyAt` over the whole schedule). */
export function rosterDutyAt(schedule: DutySchedule, atMillis: number): Map<string, RosterDutyNow> {
  const onDuty = new Map(onDutyAt(schedule, atMillis).map((duty) => [duty.uid, duty]));
  const result = new Map<string, RosterDutyNow>();
  for (const [uid, entry] of Object.entries(schedule.roster)) {
    const duty = onDuty.get(uid);
    const offUntilMillis = entry.offUntil ? entry.offUntil.toMillis() : null;
    result.set(uid, {
      duty: duty ? { tier: duty.tier, untilMillis: duty.untilMillis } : null,
      reasons: duty ? reasonsOf(schedule, uid, entry, atMillis) : [],
      offUntilMillis: offUntilMillis !== null && offUntilMillis > atMillis ? offUntilMillis : null,
    });
  }
  return result;
}
