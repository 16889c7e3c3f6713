// useLive against the Firestore emulator: a listener follows the server, shows local writes as
// pending until the server confirms them, reports a refused read, and stops with its scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectScope, ref } from 'vue';
import { signInWithEmailAndPassword } from 'firebase/auth';
import { disableNetwork, enableNetwork, updateDoc } from 'firebase/firestore';
import { paths } from '@sos/model';
import { auth, db } from '../firebase/app';
import { refs } from '../firebase/refs';
import { useLiveDocument, useLiveDocuments, useLiveQueries, useLiveQuery } from '../composables/useLive';
import { PASSWORD, closeHarness, createAccount, seedDoc, unique, until } from './harness';

const LOCATION = { staffPhone: '+73422580078', responseMinutes: 10, ackSeconds: 60, timezone: 'Asia/Yekaterinburg', admins: [] };

describe('useLive', () => {
  const mine = unique('live-mine');
  const second = unique('live-second');
  const foreign = unique('live-foreign');
  let uid = '';

  beforeAll(async () => {
    const email = `${unique('live')}@web.test`;
    uid = await createAccount(email, { role: 'admin', locationIds: [mine, second] });
    await Promise.all([
      seedDoc(paths.location(mine), { ...LOCATION, name: 'Mine' }),
      seedDoc(paths.location(second), { ...LOCATION, name: 'Second' }),
      seedDoc(paths.location(foreign), { ...LOCATION, name: 'Foreign' }),
      seedDoc(paths.staffMember(foreign, 'staff-f'), { name: 'F', phone: '+79120000004', onDuty: true, tier: 1 }),
      seedDoc(paths.user(uid), { displayName: 'Before', phone: '+79120000001', locationIds: [mine], homeLocationId: mine }),
      seedDoc(paths.staffMember(mine, 'staff-a'), { name: 'A', phone: '+79120000002', onDuty: true, tier: 1 }),
      seedDoc(paths.staffMember(second, 'staff-b'), { name: 'B', phone: '+79120000003', onDuty: false, tier: 2 }),
    ]);
    await signInWithEmailAndPassword(auth, email, PASSWORD);
  });

  afterAll(closeHarness);

  it('subscribes: loads the document from the server and follows its changes', async () => {
    const scope = effectScope();
    const live = scope.run(() => useLiveDocument(() => refs.location(mine)))!;
    expect(live.loaded.value).toBe(false);
    await until(
      () => live.data.value?.name,
      (name) => name === 'Mine',
      20_000,
      'the first snapshot',
    );
    expect(live.error.value).toBeNull();

    await seedDoc(paths.location(mine), { ...LOCATION, name: 'Renamed' });
    await until(
      () => live.data.value?.name,
      (name) => name === 'Renamed',
      20_000,
      'the server change',
    );
    await until(live.fromCache, (fromCache) => !fromCache);
    scope.stop();
    await seedDoc(paths.location(mine), { ...LOCATION, name: 'Mine' });
  });

  it('shows a local write as pending until the server confirms it', async () => {
    const scope = effectScope();
    const live = scope.run(() => useLiveDocument(() => refs.user(uid)))!;
    await until(
      () => live.data.value?.displayName,
      (name) => name === 'Before',
    );
    const write = updateDoc(refs.user(uid), { displayName: 'After' });
    await until(() => live.hasPendingWrites.value && live.data.value?.displayName === 'After', Boolean, 20_000, 'the pending write');
    await write;
    await until(() => !live.hasPendingWrites.value && live.data.value?.displayName === 'After', Boolean, 20_000, 'the confirmed write');
    scope.stop();
  });

  it('reports a read the rules refuse as an error, and counts as loaded', async () => {
    const scope = effectScope();
    // Another location's roster: only its own staff and admins read it.
    const live = scope.run(() => useLiveDocument(() => refs.staffMember(foreign, 'staff-f')))!;
    const error = await until(live.error, (value) => value !== null, 20_000, 'the refusal');
    expect(error?.code).toBe('permission-denied');
    expect(live.loaded.value).toBe(true);
    expect(live.data.value).toBeNull();
    scope.stop();
  });

  it('stops listening when its scope ends (the component unmounts)', async () => {
    const stopped = effectScope();
    const old = stopped.run(() => useLiveDocument(() => refs.location(second)))!;
    await until(
      () => old.data.value?.name,
      (name) => name === 'Second',
    );
    stopped.stop();

    const watching = effectScope();
    const current = watching.run(() => useLiveDocument(() => refs.location(second)))!;
    await seedDoc(paths.location(second), { ...LOCATION, name: 'Second, renamed' });
    await until(
      () => current.data.value?.name,
      (name) => name === 'Second, renamed',
      20_000,
      'the live listener',
    );
    expect(old.data.value?.name).toBe('Second');
    watching.stop();
  });

  it('a query follows its source: switching the key resets and resubscribes', async () => {
    const locationId = ref(mine);
    const scope = effectScope();
    const roster = scope.run(() =>
      useLiveQuery(
        () => refs.staff(locationId.value),
        () => locationId.value,
      ),
    )!;
    await until(
      () => roster.items.value.map((member) => member.id),
      (ids) => ids.join() === 'staff-a',
    );
    expect(roster.items.value[0]).toMatchObject({ name: 'A', pending: false });

    locationId.value = second;
    await until(
      () => roster.items.value.map((member) => member.id),
      (ids) => ids.join() === 'staff-b',
      20_000,
      'the other roster',
    );
    scope.stop();
  });

  it('many documents and many queries: one listener each, loaded once all answered', async () => {
    const scope = effectScope();
    const ids = ref([mine, second]);
    const locations = scope.run(() => useLiveDocuments(ids, refs.location))!;
    const rosters = scope.run(() =>
      useLiveQueries(
        () => ids.value.map((id) => refs.staff(id)),
        () => ids.value.join(),
      ),
    )!;
    await until(locations.loaded, Boolean);
    expect(Object.keys(locations.byId.value).sort()).toEqual([mine, second].sort());
    await until(rosters.loaded, Boolean);
    expect(rosters.items.value.map((member) => member.id)).toEqual(['staff-a', 'staff-b']);

    ids.value = [second];
    await until(
      () => Object.keys(locations.byId.value),
      (keys) => keys.join() === second,
      20_000,
      'one location left',
    );
    await until(
      () => rosters.items.value.map((member) => member.id).join(),
      (joined) => joined === 'staff-b',
    );
    scope.stop();
  });

  it('every shape (a document, a query, many of each) means the same by loaded and fromCache', async () => {
    const scope = effectScope();
    const target = ref<string | null>(null);
    const shapes = scope.run(() => ({
      document: useLiveDocument(() => (target.value ? refs.location(target.value) : null)),
      query: useLiveQuery(
        () => (target.value ? refs.staff(target.value) : null),
        () => target.value ?? '',
      ),
      documents: useLiveDocuments(() => (target.value ? [target.value, second] : null), refs.location),
      queries: useLiveQueries(
        () => (target.value ? [refs.staff(target.value), refs.staff(second)] : null),
        () => target.value ?? '',
      ),
      noDocuments: useLiveDocuments(() => (target.value ? [] : null), refs.location),
      noQueries: useLiveQueries(
        () => (target.value ? [] : null),
        () => target.value ?? '',
      ),
    }))!;
    const states = () => Object.values(shapes).map((live) => ({ loaded: live.loaded.value, fromCache: live.fromCache.value }));
    const all = (state: { loaded: boolean; fromCache: boolean }) => (list: (typeof state)[]) =>
      list.every((each) => each.loaded === state.loaded && each.fromCache === state.fromCache);

    // Nothing to listen to yet (not signed in, no id): not loaded, nothing confirmed.
    expect(states()).toSatisfy(all({ loaded: false, fromCache: true }));

    target.value = mine;
    await until(states, all({ loaded: true, fromCache: false }), 20_000, 'every shape confirmed by the server');

    // Offline, what is shown is the device's copy: every shape says so, and says it again once back online.
    await disableNetwork(db);
    try {
      await until(() => states().slice(0, 4), all({ loaded: true, fromCache: true }), 20_000, 'every listening shape on the device copy');
    } finally {
      await enableNetwork(db);
    }
    await until(states, all({ loaded: true, fromCache: false }), 20_000, 'every shape confirmed again');
    scope.stop();
  });
});
