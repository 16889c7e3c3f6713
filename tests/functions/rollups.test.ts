// Daily rollups against the real emulators: the trigger counts each audit event of a request into the day of the
// request once, a replayed event counts nothing, `npm run stats:rebuild` recomputes the same days from the events, and
// the statistics screen's figures read from the days agree with the raw requests.
import './setup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collection, doc, getDocs, serverTimestamp, updateDoc, type CollectionReference } from 'firebase/firestore';
import {
  arriveWrite,
  bucketKeyOf,
  bucketWidthMillis,
  cancelWrite,
  mergeRollups,
  paths,
  reportPaths,
  resolveWrite,
  responseStatistics,
  rollupDayOf,
  toResponseSample,
  type DailyRollup,
  type SosRequest,
} from '@sos/model';
import { rollupRangeQuery } from '../../web/src/composables/rollupRangeQuery';
import { daySeries, rangeFigures } from '../../web/src/components/admin/stats/statsSeries';
import { type Timestamp, db, refs, reportRefs } from '../../functions/src/firestore';
import { countEventInRollup } from '../../functions/src/reports/countEvent';
import { RollupRebuildError, rebuildDailyRollups } from '../../functions/src/reports/rebuildRollups';
import { acknowledge, createRequest, signIn, type ClientSession } from './clients';
import { waitForQuery, waitProcessed } from './admin';
import { functionLogMark, waitForLogged } from '../helpers/functionLog';
import { createResponseSite, SITE_PASSWORD, type ResponseSite } from './fixtures';

const ZONE = 'Asia/Yekaterinburg';

let site: ResponseSite;
let resident: ClientSession;
let staff: ClientSession;
let siteAdmin: ClientSession;
/** The two requests the first test makes: one resolved, one cancelled unclaimed. */
let resolved: SosRequest<Timestamp>;
let resolvedId: string;
let cancelledId: string;

beforeAll(async () => {
  // A claim within the hour of ackSeconds: no escalation round runs while the test waits.
  site = await createResponseSite(3600);
  [resident, staff, siteAdmin] = await Promise.all([
    signIn(site.resident.email, SITE_PASSWORD),
    signIn(site.tier1.email, SITE_PASSWORD),
    signIn(site.admin.email, SITE_PASSWORD),
  ]);
});

afterAll(async () => {
  await Promise.all([resident.close(), staff.close(), siteAdmin.close()]);
});

/** Every day document of the site, by day. */
async function days(): Promise<Record<string, { data: DailyRollup; updatedAt: number }>> {
  const snapshot = await reportRefs.dailyRollups(site.locationId).get();
  return Object.fromEntries(snapshot.docs.map((d) => [d.id, { data: d.data(), updatedAt: d.updateTime.toMillis() }]));
}

/** Every marker of counted events of the site's days. */
async function markers(): Promise<string[]> {
  const byDay = await Promise.all(
    Object.keys(await days()).map(async (day) => (await reportRefs.rollupMarkers(site.locationId, day).get()).docs.map((d) => `${day}/${d.id}`)),
  );
  return byDay.flat().sort();
}

/** The day a request counts on: its creation's date in the site's zone (two days when the test runs across midnight there). */
const dayOf = (request: SosRequest<Timestamp>) => rollupDayOf(ZONE, request.createdAt.toMillis());

describe('daily rollups', () => {
  it('count the events of a request into the day it was made, once each, and a replayed event counts nothing', async () => {
    resolvedId = await createRequest(resident, { locationId: site.locationId });
    cancelledId = await createRequest(resident, { locationId: site.locationId, silent: true });
    await Promise.all([waitProcessed(resolvedId), waitProcessed(cancelledId)]);
    const staffRef = doc(staff.db, paths.sosRequest(resolvedId));
    await acknowledge(staff, resolvedId, site.tier1.name);
    await updateDoc(staffRef, { ...arriveWrite(staff.uid, serverTimestamp()) });
    await updateDoc(staffRef, { ...resolveWrite(staff.uid, 'Помогли', serverTimestamp()) });
    await updateDoc(doc(resident.db, paths.sosRequest(cancelledId)), { ...cancelWrite(serverTimestamp()) });

    resolved = (await refs.sosRequest(resolvedId).get()).data()!;
    const cancelled = (await refs.sosRequest(cancelledId).get()).data()!;
    // The triggers ran: a marker is written with its event's counts, so once all are there the days are complete.
    const eventsCounted = (request: SosRequest<Timestamp>, requestId: string, events: number) =>
      waitForQuery(
        reportRefs.rollupMarkers(site.locationId, dayOf(request)).where('requestId', '==', requestId),
        (docs) => docs.length >= events,
        `${events} events of ${requestId} counted`,
      );
    await Promise.all([eventsCounted(resolved, resolvedId, 4), eventsCounted(cancelled, cancelledId, 2)]);
    expect((await reportRefs.dailyRollup(site.locationId, dayOf(resolved)).get()).data()?.day).toBe(dayOf(resolved));

    const ackMillis = resolved.ackAt!.toMillis() - resolved.createdAt.toMillis();
    const arriveMillis = resolved.arrivedAt!.toMillis() - resolved.createdAt.toMillis();
    const hourOf = (request: SosRequest<Timestamp>) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', hourCycle: 'h23' }).format(request.createdAt.toDate());
    const both = mergeRollups(Object.values(await days()).map((day) => day.data));
    expect(both).toEqual({
      requests: 2,
      byStatus: { open: 2, acknowledged: 1, on_site: 1, resolved: 1, cancelled: 1 },
      byKind: { emergency: 2 },
      bySource: { emergency: 2 },
      byHour: mergeRollups([{ byHour: { [hourOf(resolved)]: 1 } }, { byHour: { [hourOf(cancelled)]: 1 } }]).byHour,
      ackHistogram: { [bucketKeyOf(ackMillis)]: 1 },
      arrivalHistogram: { [bucketKeyOf(arriveMillis)]: 1 },
      ackWithinTarget: 1,
      cancelledUnclaimed: 1,
    });
    expect(await markers()).toEqual(
      [
        `${dayOf(resolved)}/${resolvedId}:validated`,
        `${dayOf(resolved)}/${resolvedId}:acknowledged`,
        `${dayOf(resolved)}/${resolvedId}:on_site`,
        `${dayOf(resolved)}/${resolvedId}:resolved`,
        `${dayOf(cancelled)}/${cancelledId}:validated`,
        `${dayOf(cancelled)}/${cancelledId}:cancelled`,
      ].sort(),
    );

    // Every event delivered again: the counted ones find their marker, the others count nothing; no day changes.
    const before = await days();
    const outcomes: string[] = [];
    for (const requestId of [resolvedId, cancelledId]) {
      for (const event of (await refs.events(requestId).get()).docs)
        outcomes.push(`${event.id}:${await countEventInRollup(requestId, event.id, event.data())}`);
    }
    expect(outcomes.filter((outcome) => !outcome.endsWith(':counts-nothing')).sort()).toEqual(
      ['validated', 'acknowledged', 'on_site', 'resolved', 'validated', 'cancelled'].map((id) => `${id}:already-counted`).sort(),
    );
    expect(outcomes).toContain('created:counts-nothing');
    expect(await days()).toEqual(before);

    // The trigger itself delivered again: the event made anew under its id runs it, and it counts nothing.
    const mark = functionLogMark();
    const claimRef = refs.event(resolvedId, 'acknowledged');
    const claim = (await claimRef.get()).data()!;
    await claimRef.delete();
    await claimRef.create(claim);
    await waitForLogged(
      mark,
      'audit event already counted; replay ignored',
      (entries) => entries.some((entry) => entry.requestId === resolvedId && entry.eventId === 'acknowledged'),
      'the trigger ran again on the claim',
    );
    expect(await days()).toEqual(before);
  });

  it('are rebuilt from the events as the triggers counted them: for days written before rollups, and over a damaged day', async () => {
    const counted = await days();
    const countedMarkers = await markers();
    const range = Object.keys(counted).sort();
    const [from, to] = [range[0]!, range[range.length - 1]!];
    const data = (all: Awaited<ReturnType<typeof days>>) => Object.fromEntries(Object.entries(all).map(([day, { data }]) => [day, data]));

    // Data from before the rollups: no day documents, no markers.
    for (const day of range) await db.recursiveDelete(reportRefs.dailyRollup(site.locationId, day));
    expect(await days()).toEqual({});
    expect(await rebuildDailyRollups(site.locationId, from, to)).toEqual({ days: range.length, daysWithCounts: range.length, requests: 2, events: 6 });
    expect(data(await days())).toEqual(data(counted));
    expect(await markers()).toEqual(countedMarkers);

    // A damaged day: a wrong count and a marker of an event that is not there.
    await reportRefs.dailyRollup(site.locationId, dayOf(resolved)).set({ requests: 99 }, { merge: true });
    await reportRefs.rollupMarker(site.locationId, dayOf(resolved), 'gone:validated').set({ requestId: 'gone', eventId: 'validated' });
    await rebuildDailyRollups(site.locationId, from, to);
    expect(data(await days())).toEqual(data(counted));
    expect(await markers()).toEqual(countedMarkers);

    // After a rebuild a replayed event still counts nothing.
    const rebuilt = await days();
    expect(await countEventInRollup(resolvedId, 'acknowledged', (await refs.event(resolvedId, 'acknowledged').get()).data()!)).toBe('already-counted');
    expect(await days()).toEqual(rebuilt);
  });

  it("give the statistics screen the figures the raw requests give: the admin's query of the days, the screen's sums", async () => {
    // One more shape beside the first test's (resolved; cancelled unclaimed): claimed, not yet there.
    const claimedId = await createRequest(resident, { locationId: site.locationId });
    await waitProcessed(claimedId);
    await acknowledge(staff, claimedId, site.tier1.name);
    const claimed = (await refs.sosRequest(claimedId).get()).data()!;
    await waitForQuery(
      reportRefs.rollupMarkers(site.locationId, dayOf(claimed)).where('requestId', '==', claimedId),
      (docs) => docs.length >= 2,
      `the opening and the claim of ${claimedId} counted`,
    );

    const raw = (await refs.sosRequests().where('locationId', '==', site.locationId).get()).docs.map((request) => request.data());
    const days = raw.map(dayOf).sort();
    const range = { from: days[0]!, to: days[days.length - 1]! };
    // As the screen reads them: the admin's own query (the rules' limit included), then the screen's sums.
    const listed = await getDocs(
      rollupRangeQuery(collection(siteAdmin.db, reportPaths.dailyRollups(site.locationId)) as CollectionReference<DailyRollup>, range.from, range.to),
    );
    const screen = rangeFigures(
      daySeries(
        listed.docs.map((day) => day.data()),
        range,
      ).map((day) => day.counts),
    );
    const exact = responseStatistics(raw.map(toResponseSample), 3600);

    expect(raw).toHaveLength(3);
    expect({ count: screen.count, acknowledged: screen.acknowledged, arrived: screen.arrived, share: screen.ackWithinTargetShare }).toEqual({
      count: exact.count,
      acknowledged: exact.acknowledged,
      arrived: exact.arrived,
      share: exact.ackWithinTargetShare,
    });
    expect(exact).toMatchObject({ count: 3, acknowledged: 2, arrived: 1, ackWithinTargetShare: 1 });
    // Medians and p90 read off the fixed buckets: within the width of the bucket holding the exact value.
    for (const key of ['ackMedianMillis', 'ackP90Millis', 'arriveMedianMillis', 'arriveP90Millis'] as const) {
      const value = exact[key]!;
      expect(Math.abs(screen[key]! - value), key).toBeLessThan(bucketWidthMillis(value)!);
    }
  });

  it('refuse an unknown location and a bad range before writing anything', async () => {
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (error: unknown) => (error instanceof RollupRebuildError ? error.code : String(error)),
      );
    expect(await refusal(rebuildDailyRollups(`${site.locationId}-nowhere`, '2026-01-01', '2026-01-31'))).toBe('unknown-location');
    expect(await refusal(rebuildDailyRollups(site.locationId, '2026-02-01', '2026-01-31'))).toBe('invalid-range');
    expect(await refusal(rebuildDailyRollups(site.locationId, '2025-01-01', '2026-01-31'))).toBe('invalid-range');
  });
});
