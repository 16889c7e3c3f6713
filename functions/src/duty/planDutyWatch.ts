// What the duty watch does at one location on one run: pure, from the location's dispatch document, what the watch
// remembers of its last runs, and the time. Unit-tested in __tests__/planDutyWatch.test.ts.
import {
  MANUAL_DUTY_HOURS,
  coverageGaps,
  type ShiftNoticeType,
  dutySpans,
  type DispatchDuty,
  type DutySchedule,
  type DutyWatchState,
  type TimeSpan,
} from '@sos/model';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export const DUTY_WATCH = {
  /** How often Cloud Scheduler runs the watch. */
  everyMinutes: 5,
  /** The admins are warned this long before a gap in tier-1 coverage starts. */
  gapWarningMs: HOUR_MS,
  /** How far ahead a gap's end is looked for (the coverage view's 14 days); a gap reaching it is told as open-ended. */
  horizonMs: 14 * 24 * HOUR_MS,
  /** A staff member is reminded this long before their duty starts. */
  reminderMs: 15 * MINUTE_MS,
  /** How far ahead a reminded duty's end is looked for. */
  reminderSpanMs: 48 * HOUR_MS,
  /** A duty that ended this long ago is still told: runs a scheduler outage skipped are made up for. */
  endedLookbackMs: 30 * MINUTE_MS,
} as const;

/** What a notice is about; its words are texts.ts's. */
export type DutyNoticeSubject =
  | { kind: 'gap'; startMillis: number; endMillis: number | null }
  | { kind: 'gap-covered'; startMillis: number }
  | { kind: 'shift-start'; startMillis: number; endMillis: number | null }
  | { kind: 'shift-end'; endMillis: number };

export interface PlannedNotice {
  uid: string;
  type: ShiftNoticeType;
  /** The notice's id without its channel: the same thing planned by two runs is one notice. */
  key: string;
  subject: DutyNoticeSubject;
}

export interface DutyWatchPlan {
  notices: PlannedNotice[];
  /** What to remember for the next run; null when unchanged (nothing to write). */
  state: DutyWatchState | null;
  /** Manual starts 12 hours old, to switch off; with their `onDutySince`, so that a newer start is left on. */
  manualStartsToEnd: { uid: string; sinceMillis: number }[];
}

export interface WatchedLocation {
  locationId: string;
  timezone: string;
  duty: DispatchDuty;
  /** Who is warned about gaps: the location's admins. */
  admins: readonly string[];
}

const sameGaps = (a: readonly TimeSpan[], b: readonly TimeSpan[]): boolean =>
  a.length === b.length && a.every((gap, i) => gap.startMillis === b[i]?.startMillis && gap.endMillis === b[i]?.endMillis);

/**
 * One run at one location:
 * - a tier-1 gap starting within the hour and not yet warned about: each admin is warned; a warned gap whose start is
 *   still ahead but now covered: each admin is told it is called off. A gap already under way is not a warning (the
 *   open step's "nobody on duty" and the dashboard cover it).
 * - a person whose duty starts within 15 minutes (not a continuation of duty they are on): a reminder.
 * - a person whose duty ended in the last 30 minutes (not followed at once by more duty): told they are off. An early
 *   end («Закончить смену») takes them off from before its own moment, so it tells nobody: they chose it.
 * - a manual start 12 hours old: switched off (the model already stops counting it).
 */
export function planDutyWatch(location: WatchedLocation, remembered: DutyWatchState | undefined, nowMillis: number): DutyWatchPlan {
  const { locationId } = location;
  const schedule: DutySchedule = { timezone: location.timezone, ...location.duty };
  const notices: PlannedNotice[] = [];

  const horizon = nowMillis + DUTY_WATCH.horizonMs;
  const gaps = coverageGaps(schedule, nowMillis, horizon);
  const warned = remembered?.warnedGaps ?? [];
  const stillAhead = warned.filter((gap) => gap.startMillis > nowMillis);
  const isStillAGap = (instant: number) => gaps.some((gap) => gap.startMillis <= instant && instant < gap.endMillis);
  const calledOff = stillAhead.filter((gap) => !isStillAGap(gap.startMillis));
  const newlyDue = gaps.filter(
    (gap) => gap.startMillis > nowMillis && gap.startMillis <= nowMillis + DUTY_WATCH.gapWarningMs && !warned.some((w) => w.startMillis === gap.startMillis),
  );
  for (const uid of location.admins) {
    for (const gap of newlyDue) {
      const endMillis = gap.endMillis >= horizon ? null : gap.endMillis;
      notices.push({
        uid,
        type: 'gap_warning',
        key: `gap-${locationId}-${gap.startMillis}`,
        subject: { kind: 'gap', startMillis: gap.startMillis, endMillis },
      });
    }
    for (const gap of calledOff) {
      notices.push({
        uid,
        type: 'gap_warning',
        key: `gap-covered-${locationId}-${gap.startMillis}`,
        subject: { kind: 'gap-covered', startMillis: gap.startMillis },
      });
    }
  }
  const warnedNext = [
    ...stillAhead.filter((gap) => !calledOff.includes(gap)),
    ...newlyDue.map(({ startMillis, endMillis }) => ({ startMillis, endMillis })),
  ].sort((a, b) => a.startMillis - b.startMillis);

  // Spans from a minute back, so that one starting later than now is a real start, not the window's edge.
  const reminderTo = nowMillis + DUTY_WATCH.reminderSpanMs;
  const coming = dutySpans(schedule, nowMillis - MINUTE_MS, reminderTo);
  for (const span of coming) {
    if (span.startMillis <= nowMillis || span.startMillis > nowMillis + DUTY_WATCH.reminderMs) continue;
    if (coming.some((other) => other.uid === span.uid && other.endMillis === span.startMillis)) continue;
    // Back-to-back spans at another tier are still one duty: its end is the last one's.
    let endMillis = span.endMillis;
    for (const next of coming) if (next.uid === span.uid && next.startMillis === endMillis) endMillis = next.endMillis;
    notices.push({
      uid: span.uid,
      type: 'shift_reminder',
      key: `shift-start-${locationId}-${span.startMillis}`,
      subject: { kind: 'shift-start', startMillis: span.startMillis, endMillis: endMillis >= reminderTo ? null : endMillis },
    });
  }

  const recent = dutySpans(schedule, nowMillis - DUTY_WATCH.endedLookbackMs, nowMillis + MINUTE_MS);
  for (const span of recent) {
    if (span.endMillis > nowMillis) continue;
    if (recent.some((other) => other.uid === span.uid && other.startMillis === span.endMillis)) continue;
    notices.push({
      uid: span.uid,
      type: 'shift_ended',
      key: `shift-end-${locationId}-${span.endMillis}`,
      subject: { kind: 'shift-end', endMillis: span.endMillis },
    });
  }

  const manualStartsToEnd = Object.entries(location.duty.roster).flatMap(([uid, entry]) => {
    const sinceMillis = entry.onDuty ? entry.onDutySince?.toMillis() : undefined;
    return sinceMillis !== undefined && sinceMillis + MANUAL_DUTY_HOURS * HOUR_MS <= nowMillis ? [{ uid, sinceMillis }] : [];
  });

  return { notices, state: sameGaps(warned, warnedNext) ? null : { warnedGaps: warnedNext }, manualStartsToEnd };
}
