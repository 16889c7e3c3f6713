// The admin's stores and screens' listeners against the emulators: session, profile and home location,
// served locations and the chosen one, roster, statistics (daily rollups), object tree and QR codes, request settings, a request's detail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { effectScope, ref } from 'vue';
import { Timestamp } from 'firebase/firestore';
import { paths, reportPaths, rollupDayOf } from '@sos/model';
import { useSessionStore } from '../stores/session';
import { useServedLocationsStore } from '../stores/servedLocations';
import { useProfileStore } from '../stores/profile';
import { useHomeLocationStore } from '../stores/homeLocation';
import { useLocationAdminStore } from '../stores/locationAdmin';
import { liveRoster } from '../composables/liveRoster';
import { liveDailyRollups } from '../composables/liveDailyRollups';
import { presetDays } from '../components/admin/stats/statsRange';
import { addDays } from '../components/admin/shifts/shiftTimes';
import { liveRequestDetail } from '../composables/liveRequestDetail';
import { PASSWORD, closeHarness, createAccount, readDoc, seedDoc, seedDocs, unique, until } from './harness';
import { seedLocations, seedRequest } from './fixtures';

describe('admin stores', () => {
  const email = `${unique('admin')}@web.test`;
  let locationIds: string[] = [];
  let uid = '';

  beforeAll(async () => {
    setActivePinia(createPinia());
    locationIds = await seedLocations(['Первая', 'Вторая', 'Третья']);
    uid = await createAccount(email, { role: 'admin', locationIds });
    await seedDoc(paths.user(uid), { displayName: 'Ольга', phone: '+79120000003', locationIds, homeLocationId: locationIds[1] });
    await seedDoc(paths.staffMember(locationIds[0]!, 'staff-1'), { name: 'Иван', phone: '+79120000002', onDuty: true, tier: 1 });
  });

  afterAll(closeHarness);

  it('session: signs in with the claims and the profile, home location included', async () => {
    const session = useSessionStore();
    await session.signIn(email, PASSWORD);
    expect(session.uid).toBe(uid);
    expect(session.role).toBe('admin');
    expect(session.claims?.locationIds).toEqual(locationIds);
    await until(
      () => useProfileStore().displayName,
      (name) => name === 'Ольга',
    );
    const home = useHomeLocationStore();
    expect(home.homeLocationId).toBe(locationIds[1]);
    await until(
      () => home.homeLocation?.name,
      (name) => name === 'Вторая',
    );
    await until(() => home.homeStatus.synced, Boolean, 20_000, 'the profile and the home location confirmed');
  });

  it('served locations: all of them live in the order of the claims; the chosen one falls back to the first', async () => {
    const served = useServedLocationsStore();
    expect(served.ids).toEqual(locationIds);
    await until(
      () => served.locations.map((location) => location.name),
      (names) => names.length === 3,
    );
    expect(served.locations.map((location) => location.name)).toEqual(['Первая', 'Вторая', 'Третья']);
    expect(served.nameOf(locationIds[2]!)).toBe('Третья');
    expect(served.nameOf('not-served')).toBe('not-served');

    expect(served.locationId).toBe(locationIds[0]);
    served.locationId = locationIds[2]!;
    expect(served.location?.name).toBe('Третья');
    // A location that is not (or no longer) served is never the chosen one.
    served.locationId = 'not-served';
    expect(served.locationId).toBe(locationIds[0]);
  });

  it("roster: lists the chosen location's staff and saves a change", async () => {
    const served = useServedLocationsStore();
    served.locationId = locationIds[0]!;
    const scope = effectScope();
    const roster = scope.run(() => liveRoster(() => served.locationId))!;
    await until(
      () => roster.members.value.map((member) => member.name),
      (names) => names.join() === 'Иван',
    );
    const saved = roster.saveMember('staff-1', { onDuty: false, tier: 2 });
    // From the call on, before any snapshot says so: not confirmed yet (the screen shows it unsaved).
    expect(roster.members.value[0]?.pending).toBe(true);
    await saved;
    expect(await readDoc(paths.staffMember(locationIds[0]!, 'staff-1'))).toMatchObject({ onDuty: false, tier: 2 });
    await until(
      () => roster.members.value[0],
      (member) => member?.onDuty === false && !member.pending,
    );

    served.locationId = locationIds[1]!;
    await until(() => roster.loaded.value && roster.members.value.length === 0, Boolean, 20_000, 'the empty roster of the second location');
    scope.stop();
  });

  it("statistics: the chosen location's daily rollups over the range, up to a year, today's live", async () => {
    const served = useServedLocationsStore();
    served.locationId = locationIds[2]!;
    const zone = served.location!.timezone;
    const today = rollupDayOf(zone, Date.now());
    const [lastMonth, lastYear] = [presetDays('30d', today).from, presetDays('year', today).from];
    const longAgo = addDays(lastYear, -1);
    await seedDocs({
      [reportPaths.dailyRollup(locationIds[2]!, today)]: { day: today, requests: 1 },
      [reportPaths.dailyRollup(locationIds[2]!, lastMonth)]: { day: lastMonth, requests: 2 },
      [reportPaths.dailyRollup(locationIds[2]!, lastYear)]: { day: lastYear, requests: 3 },
      [reportPaths.dailyRollup(locationIds[2]!, longAgo)]: { day: longAgo, requests: 4 },
      [reportPaths.dailyRollup(locationIds[0]!, today)]: { day: today, requests: 5 },
    });
    const range = ref(presetDays('today', today));
    const scope = effectScope();
    const { rollups, status } = scope.run(() => liveDailyRollups(() => served.locationId, range))!;
    const days = () => rollups.value.map((rollup) => `${rollup.day}:${rollup.requests}`);
    await until(days, (listed) => listed.join() === `${today}:1`, 20_000, "today's day");
    range.value = presetDays('30d', today);
    await until(days, (listed) => listed.join() === [`${lastMonth}:2`, `${today}:1`].join(), 20_000, 'the last 30 days');
    range.value = presetDays('year', today);
    await until(days, (listed) => listed.join() === [`${lastYear}:3`, `${lastMonth}:2`, `${today}:1`].join(), 20_000, 'the last year, not the day before it');
    // Today's document counted on: the listener shows it without asking again.
    await seedDoc(reportPaths.dailyRollup(locationIds[2]!, today), { day: today, requests: 6 });
    await until(days, (listed) => listed.at(-1) === `${today}:6`, 20_000, "today's new count");
    expect(status.value.error).toBeNull();
    scope.stop();
  });

  it('object tree and QR codes: adds an object, issues a code, replaces it, revokes it', async () => {
    const served = useServedLocationsStore();
    served.locationId = locationIds[0]!;
    const admin = useLocationAdminStore();
    expect(admin.locationId).toBe(locationIds[0]);
    const objectId = await admin.addObject({ name: 'Холл', kind: 'zone', parentId: null, selectable: true });
    await until(
      () => admin.rows.map((row) => row.object.name),
      (names) => names.includes('Холл'),
      20_000,
      'the new object',
    );

    const first = await admin.issueCode(objectId);
    await until(
      () => admin.activeToken(objectId),
      (token) => token === first,
      20_000,
      'the first code',
    );
    const second = await admin.issueCode(objectId);
    expect(await readDoc(paths.qrCode(first))).toMatchObject({ active: false });
    expect(await readDoc(paths.qrCode(second))).toMatchObject({ locationId: locationIds[0], objectId, active: true });
    await until(
      () => admin.activeToken(objectId),
      (token) => token === second,
      20_000,
      'the replacement',
    );

    await admin.revokeCode(objectId);
    await until(
      () => admin.activeToken(objectId),
      (token) => token === null,
      20_000,
      'no code',
    );
    expect(await readDoc(paths.qrCode(second))).toMatchObject({ active: false });
  });

  it('request settings: saves the offered kinds in their order and the emergency number, and the location shows them', async () => {
    const served = useServedLocationsStore();
    served.locationId = locationIds[0]!;
    const admin = useLocationAdminStore();
    await admin.saveRequestSettings({ kinds: ['lift', 'fire', 'other'], emergencyNumber: '+7101' });
    expect(await readDoc(paths.location(locationIds[0]!))).toMatchObject({ kinds: ['lift', 'fire', 'other'], emergencyNumber: '+7101' });
    await until(
      () => admin.location,
      (location) => location?.kinds?.join() === 'lift,fire,other' && location.emergencyNumber === '+7101',
      20_000,
      'the saved settings',
    );
  });

  it('request detail: the request with its audit trail, in time order', async () => {
    const requestId = await seedRequest(locationIds[0]!, 'acknowledged');
    const at = (seconds: number) => Timestamp.fromMillis(Date.now() + seconds * 1000);
    await seedDoc(`${paths.events(requestId)}/b`, { type: 'acknowledged', at: at(2), by: 'staff-1', detail: 'Иван' });
    await seedDoc(`${paths.events(requestId)}/a`, { type: 'created', at: at(0), by: 'someone', detail: 'emergency' });
    const scope = effectScope();
    const detail = scope.run(() => liveRequestDetail(requestId))!;
    await until(detail.loaded, Boolean, 20_000, 'the request');
    expect(detail.error.value).toBeNull();
    expect(detail.request.value?.status).toBe('acknowledged');
    await until(
      () => detail.events.items.value.map((event) => event.type),
      (types) => types.join() === 'created,acknowledged',
    );
    await until(detail.deliveries.loaded, Boolean);
    expect(detail.deliveries.error.value).toBeNull();
    scope.stop();
  });
});
