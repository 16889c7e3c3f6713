// Duty from the timetable against the real emulators: the dispatch document follows shift and override writes (their
// triggers), and the open step computes who is on duty at opening from it. The decisions themselves: dispatchDoc's
// and the model's unit tests.
import './setup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Timestamp } from 'firebase-admin/firestore';
import type { Dispatch, IsoWeekday, Shift } from '@sos/model';
import { refs, shiftRefs } from '../../functions/src/firestore';
import { rebuildDispatch } from '../../functions/src/dispatch/rebuildDispatch';
import { createRequest, signIn, type ClientSession } from './clients';
import { waitForDoc, waitProcessed } from './admin';
import { createResponseSite, deliveriesOf, SITE_PASSWORD, type ResponseSite } from './fixtures';

const MINUTE = 60_000;
/** The fixture's sites are in Asia/Yekaterinburg: UTC+5 all year. */
const SITE_OFFSET = 5 * 60 * MINUTE;

/** A weekly shift of `uid` starting at the instant `startMillis` (its local weekday and time), `minutes` long. */
function shiftAt(uid: string, startMillis: number, minutes: number): Shift {
  const local = new Date(startMillis + SITE_OFFSET);
  const day = (local.getUTCDay() || 7) as IsoWeekday;
  const start = `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
  return { uid, tier: 1, days: [day], start, minutes };
}

let inShift: ResponseSite;
let outOfShift: ResponseSite;
let overridden: ResponseSite;
const residents: ClientSession[] = [];

const waitForDispatch = (site: ResponseSite, check: (dispatch: Dispatch<Timestamp> | undefined) => boolean, what: string) =>
  waitForDoc(refs.dispatch(site.locationId), check, what, 30_000);

beforeAll(async () => {
  [inShift, outOfShift, overridden] = await Promise.all([createResponseSite(3600), createResponseSite(3600), createResponseSite(3600)]);
  residents.push(...(await Promise.all([inShift, outOfShift, overridden].map((site) => signIn(site.resident.email, SITE_PASSWORD)))));
});

afterAll(async () => {
  await Promise.all(residents.map((session) => session.close()));
});

describe('duty from shifts and overrides', () => {
  it("a request opened inside a tier-1 person's shift pushes them though their manual start is off", { timeout: 60_000 }, async () => {
    const site = inShift;
    const now = Date.now();
    // Nobody switched on at tier 1; tier1OffDuty's shift started an hour ago and runs two more.
    await refs.staff(site.locationId).doc(site.tier1.uid).update({ onDuty: false });
    await shiftRefs.shift(site.locationId, 'now').set(shiftAt(site.tier1OffDuty.uid, now - 60 * MINUTE, 180));
    const dispatch = await waitForDispatch(
      site,
      (d) => d?.duty?.shifts.length === 1 && d.duty.roster[site.tier1.uid]?.onDuty === false,
      'the shift and the roster change in the dispatch document',
    );
    expect(dispatch?.duty?.roster[site.tier1OffDuty.uid]).toEqual({ tier: 1, onDuty: false });

    // A rebuild of the same sources writes the same document (the trigger is retried on failure).
    const rebuilt = await rebuildDispatch(site.locationId);
    expect({ duty: rebuilt?.duty, recipients: rebuilt?.recipients }).toEqual({ duty: dispatch?.duty, recipients: dispatch?.recipients });

    const requestId = await createRequest(residents[0]!, { locationId: site.locationId });
    await waitForDoc(refs.event(requestId, 'notified-open'), (e) => e !== undefined, 'open push batch recorded');
    expect(await deliveriesOf(requestId, 'open')).toEqual({ [`${site.tier1OffDuty.uid}/d1`]: 'emulated' });
    const request = (await refs.sosRequest(requestId).get()).data();
    expect(request).toMatchObject({ status: 'open', escalationLevel: 0 });
    expect(request?.nobodyOnDuty).toBeUndefined();
  });

  it('a request opened outside every shift with nobody switched on escalates at once', { timeout: 60_000 }, async () => {
    const site = outOfShift;
    const now = Date.now();
    await Promise.all([
      refs.staff(site.locationId).doc(site.tier1.uid).update({ onDuty: false }),
      refs.staff(site.locationId).doc(site.tier2.uid).update({ onDuty: false }),
    ]);
    // The shift starts in three hours.
    await shiftRefs.shift(site.locationId, 'later').set(shiftAt(site.tier1.uid, now + 180 * MINUTE, 60));
    await waitForDispatch(
      site,
      (d) => d?.duty?.shifts.length === 1 && d.duty.roster[site.tier1.uid]?.onDuty === false && d.duty.roster[site.tier2.uid]?.onDuty === false,
      'the shift and the roster changes in the dispatch document',
    );

    const requestId = await createRequest(residents[1]!, { locationId: site.locationId });
    const opened = await waitProcessed(requestId);
    const escalated = await waitForDoc(refs.event(requestId, 'escalated-1'), (e) => e !== undefined, 'escalation at opening', 30_000);
    expect(escalated).toMatchObject({ type: 'escalated', by: null, detail: { reason: 'nobody_on_duty', round: 1 } });
    // At opening, not after the hour-long acknowledgement timer.
    expect(escalated!.at.toMillis()).toBeLessThan(opened.ackDeadlineAt!.toMillis());
    const openBatch = await waitForDoc(refs.event(requestId, 'notified-open'), (e) => e !== undefined, 'open push batch recorded');
    expect(openBatch?.detail).toMatchObject({ recipients: 0 });
    // Nobody on duty: round 1 reaches the admins alone.
    await waitForDoc(refs.event(requestId, 'notified-esc-1'), (e) => e !== undefined, 'round 1 push batch');
    expect(await deliveriesOf(requestId, 'esc-1')).toEqual({ [`${site.admin.uid}/d1`]: 'emulated' });
  });

  it('an off override covering now takes a person off their shift, and its removal reaches the dispatch document', { timeout: 60_000 }, async () => {
    const site = overridden;
    const now = Date.now();
    // tier1 stays switched on; tier1OffDuty's shift covers now, but an off override covers it.
    await shiftRefs.shift(site.locationId, 'now').set(shiftAt(site.tier1OffDuty.uid, now - 60 * MINUTE, 180));
    await shiftRefs.override(site.locationId, 'leave').set({
      uid: site.tier1OffDuty.uid,
      action: 'off',
      start: Timestamp.fromMillis(now - 30 * MINUTE),
      end: Timestamp.fromMillis(now + 120 * MINUTE),
      createdBy: site.admin.uid,
    });
    const dispatch = await waitForDispatch(site, (d) => d?.duty?.shifts.length === 1 && d.duty.overrides.length === 1, 'the shift and the override');
    expect(dispatch?.duty?.overrides[0]).toMatchObject({ uid: site.tier1OffDuty.uid, action: 'off', createdBy: site.admin.uid });

    const requestId = await createRequest(residents[2]!, { locationId: site.locationId });
    await waitForDoc(refs.event(requestId, 'notified-open'), (e) => e !== undefined, 'open push batch recorded');
    expect(await deliveriesOf(requestId, 'open')).toEqual({
      [`${site.tier1.uid}/ok`]: 'emulated',
      [`${site.tier1.uid}/dead`]: 'token_removed',
    });

    await shiftRefs.override(site.locationId, 'leave').delete();
    await waitForDispatch(site, (d) => d?.duty?.overrides.length === 0, 'the override gone from the dispatch document');
  });
});
