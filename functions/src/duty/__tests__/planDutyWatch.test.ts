import { describe, expect, it } from 'vitest';
import type { DispatchDuty, DutyOverride, RosterDuty, Shift, TimestampLike } from '@sos/model';
import { planDutyWatch, type DutyWatchPlan } from '../planDutyWatch';
import { dutyNoticeWords, wallTimeLabel } from '../texts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ts = (millis: number): TimestampLike => ({ toMillis: () => millis });
/** Monday 2026-12-07 at the given UTC time (the watched location's zone is UTC). */
const monday = (hour: number, minute = 0) => Date.UTC(2026, 11, 7, hour, minute);
const NOW = monday(7);

const shift = (uid: string, start: string, minutes: number, tier: 1 | 2 = 1): Shift => ({ uid, tier, days: [1], start, minutes });
const on = (uid: string, start: number, end: number): DutyOverride => ({ uid, action: 'on', start: ts(start), end: ts(end), createdBy: 'adm' });
const off = (rest: Partial<RosterDuty> = {}): RosterDuty => ({ tier: 1, onDuty: false, ...rest });

/** a and b at tier 1, c at tier 2, nobody switched on; admins adm1 and adm2. */
function watch(duty: Partial<DispatchDuty>, remembered: DutyWatchPlan['state'] = null, now = NOW): DutyWatchPlan {
  const roster = { a: off(), b: off(), c: off({ tier: 2 }), ...duty.roster };
  return planDutyWatch(
    { locationId: 'loc', timezone: 'UTC', admins: ['adm1', 'adm2'], duty: { shifts: [], overrides: [], ...duty, roster } },
    remembered ?? undefined,
    now,
  );
}

const ofKind = (plan: DutyWatchPlan, type: string) => plan.notices.filter((notice) => notice.type === type);

describe('gap warnings', () => {
  // a until 07:30, then nobody at tier 1 until b at 10:00.
  const gapAt0730: Shift[] = [shift('a', '06:00', 90), shift('b', '10:00', 60)];

  it('a gap starting within the hour warns each admin once, and the watch remembers it', () => {
    const plan = watch({ shifts: gapAt0730 });
    expect(plan.notices).toEqual(
      ['adm1', 'adm2'].map((uid) => ({
        uid,
        type: 'gap_warning',
        key: `gap-loc-${monday(7, 30)}`,
        subject: { kind: 'gap', startMillis: monday(7, 30), endMillis: monday(10) },
      })),
    );
    expect(plan.state).toEqual({ warnedGaps: [{ startMillis: monday(7, 30), endMillis: monday(10) }] });

    const nextRun = watch({ shifts: gapAt0730 }, plan.state, NOW + 5 * MINUTE);
    expect(nextRun.notices).toEqual([]);
    expect(nextRun.state).toBeNull();
  });

  it('a gap more than an hour ahead, or one already under way, warns nobody', () => {
    expect(watch({ shifts: [shift('a', '06:00', 125), shift('b', '10:00', 60)] }).notices).toEqual([]);
    // Nobody on duty now: the open step's "nobody on duty" covers a gap under way.
    expect(watch({ shifts: [shift('b', '10:00', 60)] }).notices).toEqual([]);
  });

  it('tier 2 does not cover a gap', () => {
    const plan = watch({ shifts: [...gapAt0730, shift('c', '07:30', 150, 2)] });
    expect(ofKind(plan, 'gap_warning')).toHaveLength(2);
  });

  it('a gap that runs past the 14 days it looks at is told as open-ended', () => {
    const plan = watch({ shifts: [{ ...shift('a', '06:00', 90), until: '2026-12-07' }] });
    expect(plan.notices[0]?.subject).toEqual({ kind: 'gap', startMillis: monday(7, 30), endMillis: null });
  });

  it('a warned gap covered before it starts is called off once, and forgotten', () => {
    const warned = watch({ shifts: gapAt0730 }).state;
    const covered = { shifts: gapAt0730, overrides: [on('b', monday(7, 30), monday(10))] };
    const plan = watch(covered, warned, NOW + 5 * MINUTE);
    expect(plan.notices).toEqual(
      ['adm1', 'adm2'].map((uid) => ({
        uid,
        type: 'gap_warning',
        key: `gap-covered-loc-${monday(7, 30)}`,
        subject: { kind: 'gap-covered', startMillis: monday(7, 30) },
      })),
    );
    expect(plan.state).toEqual({ warnedGaps: [] });
    expect(watch(covered, plan.state, NOW + 10 * MINUTE).notices).toEqual([]);
  });

  it('a gap covered only at its start is called off and its rest warned as a new gap', () => {
    const warned = watch({ shifts: gapAt0730 }).state;
    const plan = watch({ shifts: gapAt0730, overrides: [on('b', monday(7, 30), monday(7, 45))] }, warned, NOW + 5 * MINUTE);
    expect(plan.notices.filter((notice) => notice.uid === 'adm1').map((notice) => notice.subject)).toEqual([
      { kind: 'gap', startMillis: monday(7, 45), endMillis: monday(10) },
      { kind: 'gap-covered', startMillis: monday(7, 30) },
    ]);
    expect(plan.state).toEqual({ warnedGaps: [{ startMillis: monday(7, 45), endMillis: monday(10) }] });
  });

  it('a warned gap that has started is forgotten without a word', () => {
    const warned = watch({ shifts: gapAt0730 }).state;
    const plan = watch({ shifts: gapAt0730 }, warned, monday(7, 35));
    expect(ofKind(plan, 'gap_warning')).toEqual([]);
    expect(plan.state).toEqual({ warnedGaps: [] });
  });
});

describe('shift reminders and ends', () => {
  // Tier 1 covered all morning by a, so no gap warning mixes in.
  const cover = shift('a', '00:00', 12 * 60);

  it('a duty starting within 15 minutes is reminded, with its end', () => {
    const plan = watch({ shifts: [cover, shift('b', '07:10', 120)] });
    expect(plan.notices).toEqual([
      {
        uid: 'b',
        type: 'shift_reminder',
        key: `shift-start-loc-${monday(7, 10)}`,
        subject: { kind: 'shift-start', startMillis: monday(7, 10), endMillis: monday(9, 10) },
      },
    ]);
  });

  it('an `on` override is reminded too; a duty 20 minutes away is not yet', () => {
    expect(ofKind(watch({ shifts: [cover], overrides: [on('b', monday(7, 5), monday(8))] }), 'shift_reminder').map((n) => n.uid)).toEqual(['b']);
    expect(ofKind(watch({ shifts: [cover, shift('b', '07:20', 60)] }), 'shift_reminder')).toEqual([]);
  });

  it('more duty straight after duty is no new start and no end', () => {
    const plan = watch({ shifts: [cover, shift('b', '06:00', 65), shift('b', '07:05', 60)] });
    expect(plan.notices).toEqual([]);
  });

  it('a duty that ended in the last 30 minutes is told once per end; an older one is not', () => {
    const plan = watch({ shifts: [cover, shift('b', '05:00', 110), shift('c', '05:00', 80, 2)] });
    expect(plan.notices).toEqual([
      { uid: 'b', type: 'shift_ended', key: `shift-end-loc-${monday(6, 50)}`, subject: { kind: 'shift-end', endMillis: monday(6, 50) } },
    ]);
  });

  it('an early end tells nobody: they chose it', () => {
    const roster = { b: off({ offUntil: ts(monday(8)) }) };
    expect(watch({ shifts: [cover, shift('b', '05:00', 180)], roster }).notices).toEqual([]);
  });

  it('a manual start 12 hours old is switched off and its end told; a younger one or one without its time is left', () => {
    const roster = {
      b: off({ onDuty: true, onDutySince: ts(NOW - 12 * HOUR) }),
      c: off({ tier: 2, onDuty: true, onDutySince: ts(NOW - 12 * HOUR + MINUTE) }),
      a: off({ onDuty: true }),
    };
    const plan = watch({ roster });
    expect(plan.manualStartsToEnd).toEqual([{ uid: 'b', sinceMillis: NOW - 12 * HOUR }]);
    expect(plan.notices).toEqual([{ uid: 'b', type: 'shift_ended', key: `shift-end-loc-${NOW}`, subject: { kind: 'shift-end', endMillis: NOW } }]);
  });
});

describe('duty notice words', () => {
  const place = { name: 'БЦ «Демо»', timezone: 'Asia/Yekaterinburg' };

  it('times are the location’s, with the date when not today there', () => {
    expect(wallTimeLabel(place.timezone, monday(15), NOW)).toBe('20:00');
    expect(wallTimeLabel(place.timezone, monday(20), NOW)).toBe('01:00, 08.12');
  });

  it('say where, from when and until when, in the reader’s language', () => {
    expect(dutyNoticeWords('ru', { kind: 'gap', startMillis: monday(15), endMillis: monday(20) }, place, NOW)).toEqual({
      title: 'Скоро никого на смене',
      body: 'БЦ «Демо»: с 20:00 до 01:00, 08.12 нет дежурного первой линии. Назначьте кого-нибудь в разделе «Смены».',
    });
    expect(dutyNoticeWords('en', { kind: 'shift-start', startMillis: monday(15), endMillis: null }, place, NOW)).toEqual({
      title: 'Your shift starts soon',
      body: 'БЦ «Демо»: your shift from 20:00.',
    });
  });
});
