// The duty watch (`watchDuty`, every 5 minutes) against the real emulators, run as Cloud Scheduler runs it: a gap in
// tier-1 coverage an hour ahead warns the admin over push and Telegram, once, and is called off when covered; a shift
// 15 minutes ahead reminds its person; a 12-hour-old manual start is switched off and its end told. What it decides:
// functions/src/duty/__tests__/planDutyWatch.test.ts.
import './setup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Timestamp } from 'firebase-admin/firestore';
import { telegramContactId, type Dispatch, type IsoWeekday, type Notice, type Shift } from '@sos/model';
import { reachRefs, refs, shiftRefs } from '../../functions/src/firestore';
import { waitForDoc } from './admin';
import { createResponseSite, type ResponseSite } from './fixtures';
import { EMULATOR_HOSTS, PROJECT_ID } from '../helpers/emulators';
import { functionLogMark, waitForLogged } from '../helpers/functionLog';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** The fixture's sites are in Asia/Yekaterinburg: UTC+5 all year. */
const SITE_OFFSET = 5 * HOUR;

/** A weekly tier-1 shift of `uid` starting at the instant `startMillis` (its local weekday and time). */
function shiftAt(uid: string, startMillis: number, minutes: number): Shift {
  const local = new Date(startMillis + SITE_OFFSET);
  const day = (local.getUTCDay() || 7) as IsoWeekday;
  const start = `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
  return { uid, tier: 1, days: [day], start, minutes };
}

/** Cloud Scheduler's call (the emulators have none), and the run's summary line once it is done. */
async function runWatch(): Promise<Record<string, unknown>> {
  const mark = functionLogMark();
  const response = await fetch(`http://${EMULATOR_HOSTS.functions}/${PROJECT_ID}/us-central1/watchDuty-0`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  expect(response.status).toBe(200);
  const [watched] = await waitForLogged(mark, 'duty watched', (entries) => entries.length > 0, 'the duty watch', 30_000);
  return watched ?? {};
}

const noticesOf = async (uid: string): Promise<Record<string, Notice<Timestamp>>> =>
  Object.fromEntries((await reachRefs.notices(uid).get()).docs.map((doc) => [doc.id, doc.data()]));

/** Ids and update times: equal before and after a run means it sent and changed nothing. */
const noticeFingerprint = async (uids: string[]): Promise<string[]> =>
  (await Promise.all(uids.map((uid) => reachRefs.notices(uid).get())))
    .flatMap((snapshot) => snapshot.docs.map((doc) => `${doc.ref.path}@${doc.updateTime.toMillis()}`))
    .sort();

let site: ResponseSite;
const TELEGRAM_CHAT = '700000777';

beforeAll(async () => {
  site = await createResponseSite(3600);
});

afterAll(async () => {
  // Nothing of the site's timetable is left to other suites' runs of the watch.
  await Promise.all([shiftRefs.shift(site.locationId, 'soon').delete(), shiftRefs.override(site.locationId, 'cover').delete()]);
});

describe('the duty watch', () => {
  it(
    'warns the admin of a gap an hour ahead once, reminds a shift 15 minutes ahead, ends a 12-hour manual start, and calls the warning off when the gap is covered',
    { timeout: 90_000 },
    async () => {
      const now = Date.now();
      // tier1OffDuty's shift starts 10–11 minutes from now and lasts 30; nobody else is on tier 1 after it.
      const shiftStart = Math.ceil(now / MINUTE) * MINUTE + 10 * MINUTE;
      const gapStart = shiftStart + 30 * MINUTE;
      const manualSince = now - 12 * HOUR - 2 * MINUTE;
      const telegramId = telegramContactId(TELEGRAM_CHAT);
      await Promise.all([
        shiftRefs.shift(site.locationId, 'soon').set(shiftAt(site.tier1OffDuty.uid, shiftStart, 30)),
        refs.staffMember(site.locationId, site.tier1.uid).update({ onDuty: true, onDutySince: Timestamp.fromMillis(manualSince) }),
        reachRefs.contact(site.admin.uid, telegramId).set({
          kind: 'telegram',
          address: TELEGRAM_CHAT,
          verified: true,
          verifiedAt: Timestamp.fromMillis(now),
          createdAt: Timestamp.fromMillis(now),
        }),
      ]);
      await waitForDoc(
        refs.dispatch(site.locationId),
        (d: Dispatch<Timestamp> | undefined) =>
          d?.duty?.shifts.length === 1 && d.duty.roster[site.tier1.uid]?.onDutySince !== undefined && d.recipients[site.admin.uid]?.contacts?.length === 1,
        'the shift, the manual start and the admin’s Telegram in the dispatch document',
      );

      const first = await runWatch();
      expect(first.failed).toBe(0);
      const gapKey = `gap-${site.locationId}-${gapStart}`;
      const adminNotices = await noticesOf(site.admin.uid);
      expect(Object.keys(adminNotices).sort()).toEqual([`${gapKey}-push`, `${gapKey}-${telegramId}`].sort());
      expect(adminNotices[`${gapKey}-push`]).toMatchObject({
        type: 'gap_warning',
        channel: 'push',
        status: 'emulated',
        locationId: site.locationId,
        title: 'Скоро никого на смене',
      });
      expect(adminNotices[`${gapKey}-push`]?.body).toContain(site.locationName);
      expect(adminNotices[`${gapKey}-${telegramId}`]).toMatchObject({ type: 'gap_warning', channel: 'telegram', status: 'emulated', contactId: telegramId });
      expect(adminNotices[`${gapKey}-${telegramId}`]?.payload).toMatchObject({ chat_id: TELEGRAM_CHAT });
      expect(String(adminNotices[`${gapKey}-${telegramId}`]?.payload?.text)).toContain('Скоро никого на смене');

      expect(await noticesOf(site.tier1OffDuty.uid)).toEqual({
        [`shift-start-${site.locationId}-${shiftStart}-push`]: expect.objectContaining({
          type: 'shift_reminder',
          status: 'emulated',
          title: 'Скоро ваша смена',
        }),
      });
      expect(await noticesOf(site.tier1.uid)).toEqual({
        [`shift-end-${site.locationId}-${manualSince + 12 * HOUR}-push`]: expect.objectContaining({
          type: 'shift_ended',
          status: 'emulated',
          title: 'Смена закончилась',
        }),
      });
      const entry = (await refs.staffMember(site.locationId, site.tier1.uid).get()).data();
      expect(entry?.onDuty).toBe(false);
      expect(entry?.onDutySince).toBeUndefined();
      expect((await refs.dutyWatch(site.locationId).get()).data()?.warnedGaps.map((gap) => gap.startMillis)).toEqual([gapStart]);

      // Run again (Cloud Scheduler's next run, or a repeated one): nothing is sent twice.
      const people = [site.admin.uid, site.tier1OffDuty.uid, site.tier1.uid];
      const before = await noticeFingerprint(people);
      expect((await runWatch()).failed).toBe(0);
      expect(await noticeFingerprint(people)).toEqual(before);

      // The admin covers the gap's first hours: the warning is called off, once.
      await shiftRefs.override(site.locationId, 'cover').set({
        uid: site.tier1.uid,
        action: 'on',
        start: Timestamp.fromMillis(gapStart),
        end: Timestamp.fromMillis(gapStart + 3 * HOUR),
        createdBy: site.admin.uid,
      });
      await waitForDoc(refs.dispatch(site.locationId), (d) => d?.duty?.overrides.length === 1, 'the override in the dispatch document');
      expect((await runWatch()).failed).toBe(0);
      const calledOff = `gap-covered-${site.locationId}-${gapStart}`;
      const afterCover = await noticesOf(site.admin.uid);
      expect(afterCover[`${calledOff}-push`]).toMatchObject({ type: 'gap_warning', status: 'emulated', title: 'Пробел в сменах закрыт' });
      expect(afterCover[`${calledOff}-${telegramId}`]).toMatchObject({ status: 'emulated' });
      expect(Object.keys(afterCover)).toHaveLength(4);
      expect((await refs.dutyWatch(site.locationId).get()).data()).toEqual({ warnedGaps: [] });
    },
  );
});
