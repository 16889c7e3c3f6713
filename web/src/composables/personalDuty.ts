// One staff member's own duty, read from their location's schedule with the model's one duty function: whether they
// are on now and until when, their next start, their coming shifts and overrides, and what each of their two buttons
// writes on their roster entry (what firestore.rules let them write: onDuty, onDutySince, offUntil).
import { dutySpans, earlyEndUntil, onDutyAt, type DutyOverride, type DutySchedule, type DutySpan, type OnDuty } from '@sos/model';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** «Мои смены» and «Следующая смена» look this far ahead. */
export const COMING_DAYS = 14;

/** `uid`'s duty at `atMillis`, with when it ends (null: open, or beyond the model's 48-hour look-ahead). */
export function ownDutyAt(schedule: DutySchedule, uid: string, atMillis: number): OnDuty | null {
  return onDutyAt(schedule, atMillis).find((duty) => duty.uid === uid) ?? null;
}

/** The schedule as planned for `uid`: their manual start left out (it is not a shift); an early end still counts. */
function planned(schedule: DutySchedule, uid: string): DutySchedule {
  const entry = Object.hasOwn(schedule.roster, uid) ? schedule.roster[uid] : undefined;
  if (!entry) return schedule;
  return { ...schedule, roster: { ...schedule.roster, [uid]: { tier: entry.tier, onDuty: false, offUntil: entry.offUntil } } };
}

/**
 * `uid`'s stretches of planned duty that have not ended by `atMillis`, up to COMING_DAYS ahead: the current one whole
 * (from its start, up to a day back), then the coming ones. Shifts after overrides and swaps, back-to-back ones joined.
 */
export function comingDuty(schedule: DutySchedule, uid: string, atMillis: number): DutySpan[] {
  return dutySpans(planned(schedule, uid), atMillis - DAY_MS, atMillis + COMING_DAYS * DAY_MS).filter((span) => span.uid === uid && span.endMillis > atMillis);
}

/** When `uid`'s next planned duty starts after `atMillis` (within COMING_DAYS), or null. */
export function nextDutyStart(schedule: DutySchedule, uid: string, atMillis: number): number | null {
  return comingDuty(schedule, uid, atMillis).find((span) => span.startMillis > atMillis)?.startMillis ?? null;
}

/** The overrides that name `uid` (taken off, put on, swapped either way) and have not ended: by start. */
export function ownOverrides<T extends DutyOverride>(overrides: readonly T[], uid: string, atMillis: number): T[] {
  return overrides
    .filter((override) => (override.uid === uid || override.withUid === uid) && override.end.toMillis() > atMillis)
    .sort((a, b) => a.start.toMillis() - b.start.toMillis());
}

/** What «Закончить смену» writes: off until the planned end (none when only the manual start kept them on), and the manual start off. */
export interface EndDutyChange {
  offUntilMillis: number | null;
  stopManualStart: boolean;
}

export function endDutyChange(schedule: DutySchedule, uid: string, atMillis: number): EndDutyChange {
  const entry = Object.hasOwn(schedule.roster, uid) ? schedule.roster[uid] : undefined;
  return { offUntilMillis: earlyEndUntil(schedule, uid, atMillis), stopManualStart: entry?.onDuty === true };
}

/**
 * What «Заступить на смену» writes: back to the shift they ended early when lifting the early end alone puts them on
 * (so duty ends with that shift), else a manual start (12 hours), lifting any early end with it.
 */
export type StartDutyChange = { kind: 'resume'; clearOffUntil: true } | { kind: 'manual-start'; clearOffUntil: boolean };

export function startDutyChange(schedule: DutySchedule, uid: string, atMillis: number): StartDutyChange {
  const entry = Object.hasOwn(schedule.roster, uid) ? schedule.roster[uid] : undefined;
  const hasOffUntil = entry?.offUntil !== undefined && entry.offUntil !== null;
  if (entry && hasOffUntil) {
    const withoutEarlyEnd = { tier: entry.tier, onDuty: entry.onDuty, onDutySince: entry.onDutySince };
    const resumed = ownDutyAt({ ...schedule, roster: { ...schedule.roster, [uid]: withoutEarlyEnd } }, uid, atMillis);
    if (resumed) return { kind: 'resume', clearOffUntil: true };
  }
  return { kind: 'manual-start', clearOffUntil: hasOffUntil };
}
