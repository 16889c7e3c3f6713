// The resident's stores against the emulators (functions included): a request is queued at once, the
// backend opens it, the order follows; a refused write is reported; a QR code's plan screen data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { effectScope } from 'vue';
import { FORM_KINDS, paths } from '@sos/model';
import { useSessionStore } from '../stores/session';
import { useSosRequestStore } from '../stores/sosRequests';
import { useHomeLocationStore } from '../stores/homeLocation';
import { liveQrPlan } from '../composables/liveQrPlan';
import { liveObjectOptions } from '../composables/liveObjectOptions';
import { liveOrder, liveOrders } from '../composables/liveOrders';
import { liveSosRequest } from '../composables/liveSosRequest';
import { PASSWORD, closeHarness, createAccount, readDoc, seedDoc, unique, until } from './harness';
import { seedLocations } from './fixtures';

const PLAN = { url: '/plans/demo-bc-floor-1.svg', width: 1000, height: 600 };

describe('resident stores', () => {
  const email = `${unique('resident')}@web.test`;
  let home = '';
  let uid = '';
  const token = unique('qr');
  const revokedToken = unique('qr-revoked');

  beforeAll(async () => {
    setActivePinia(createPinia());
    home = (await seedLocations(['Дом']))[0]!;
    uid = await createAccount(email, { role: 'resident', locationIds: [home] });
    await seedDoc(paths.user(uid), { displayName: 'Анна', phone: '+79120000001', locationIds: [home], homeLocationId: home });
    await Promise.all([
      seedDoc(paths.object(home, 'floor'), { name: '1 этаж', kind: 'floor', parentId: null, plan: PLAN, position: null, qrToken: null, selectable: false }),
      seedDoc(paths.object(home, 'hall'), {
        name: 'Холл',
        kind: 'zone',
        parentId: 'floor',
        plan: null,
        position: { x: 0.2, y: 0.5 },
        qrToken: token,
        selectable: true,
      }),
      seedDoc(paths.qrCode(token), { locationId: home, objectId: 'hall', active: true }),
      seedDoc(paths.qrCode(revokedToken), { locationId: home, objectId: 'hall', active: false }),
    ]);
    await useSessionStore().signIn(email, PASSWORD);
  });

  afterAll(closeHarness);

  it('offers the selectable objects of the home location on the form', async () => {
    const scope = effectScope();
    const home = useHomeLocationStore();
    const options = scope.run(() =>
      liveObjectOptions(
        () => home.homeLocationId,
        () => home.homeStatus,
      ),
    )!;
    await until(
      () => options.options.value.map((option) => option.id),
      (ids) => ids.join() === 'hall',
      20_000,
      'the options',
    );
    scope.stop();
  });

  it('creates a request at once, the backend opens it, the order follows, the resident cancels it', async () => {
    const store = useSosRequestStore();
    const scope = effectScope();
    const requestId = store.createRequest({ source: 'emergency', objectId: null, description: null, repeatOf: null });
    const live = scope.run(() => liveSosRequest(requestId))!;
    const orders = scope.run(() => liveOrders(uid))!;
    await until(
      () => live.data.value?.status,
      (status) => status === 'open',
      20_000,
      'the backend to open it',
    );
    expect(live.data.value).toMatchObject({ uid, locationId: home, source: 'emergency', locationName: 'Дом' });
    await until(
      () => orders.items.value.find((order) => order.id === requestId)?.status,
      (status) => status === 'open',
      20_000,
      'the order',
    );

    await store.cancelRequest(requestId);
    expect(await readDoc(paths.sosRequest(requestId))).toMatchObject({ status: 'cancelled' });
    const order = scope.run(() => liveOrder(uid, requestId))!;
    await until(
      () => order.data.value?.status,
      (status) => status === 'cancelled',
      20_000,
      'the cancelled order',
    );
    scope.stop();
  });

  it('a qr request carries its code; a write the rules refuse is reported by request id', async () => {
    const store = useSosRequestStore();
    const qrRequest = store.createRequest({ source: 'qr', objectId: 'hall', qrToken: token, description: null, repeatOf: null });
    const refused = store.createRequest({ source: 'emergency', objectId: null, description: null, repeatOf: null, locationId: unique('not-mine') });
    await until(
      () => store.failedWrites[refused],
      (code) => code !== undefined,
      20_000,
      'the refusal',
    );
    expect(store.failedWrites[refused]).toBe('permission-denied');
    expect(store.failedWrites[qrRequest]).toBeUndefined();
    const scope = effectScope();
    const live = scope.run(() => liveSosRequest(qrRequest))!;
    await until(
      () => live.data.value?.status,
      (status) => status === 'open',
      20_000,
      'the qr request opened',
    );
    expect(live.data.value).toMatchObject({ source: 'qr', qrToken: token, objectName: 'Холл' });
    scope.stop();
  });

  it('passes the kind and a silent call through; records «I called 112» once, alone, and the backend keeps the request open', async () => {
    const store = useSosRequestStore();
    const scope = effectScope();
    const silentId = store.createRequest({ source: 'emergency', silent: true, objectId: null, description: null, repeatOf: null });
    const leakId = store.createRequest({ source: 'qr', kind: 'leak', objectId: 'hall', qrToken: token, description: null, repeatOf: null });
    const silent = scope.run(() => liveSosRequest(silentId))!;
    const leak = scope.run(() => liveSosRequest(leakId))!;
    await until(
      () => [silent.data.value?.status, leak.data.value?.status],
      (statuses) => statuses.every((status) => status === 'open'),
      20_000,
      'both opened',
    );
    expect(silent.data.value).toMatchObject({ source: 'emergency', kind: 'emergency', silent: true });
    expect(leak.data.value).toMatchObject({ source: 'qr', kind: 'leak' });
    expect(leak.data.value?.silent).toBeUndefined();

    await Promise.all([store.recordCalled112(silentId), store.recordCalled112(silentId)]);
    const stored = await readDoc(paths.sosRequest(silentId));
    expect(stored?.called112At).toBeDefined();
    expect(stored?.status).toBe('open');
    // A second tap writes nothing more (the rules would refuse it: once only).
    await store.recordCalled112(silentId);
    expect((await readDoc(paths.sosRequest(silentId)))?.called112At).toEqual(stored?.called112At);
    await Promise.all([store.cancelRequest(silentId), store.cancelRequest(leakId)]);
    scope.stop();
  });

  it("a valid code shows its object on the parent's plan, projected by functions; a revoked and an unknown one say so", async () => {
    const scope = effectScope();
    const valid = scope.run(() => liveQrPlan(token))!;
    const revoked = scope.run(() => liveQrPlan(revokedToken))!;
    const unknown = scope.run(() => liveQrPlan(unique('qr-unknown')))!;
    await until(valid.planMarker, (marker) => marker !== null, 20_000, 'the plan marker');
    expect(valid.state.value).toBe('valid');
    expect(valid.planMarker.value).toEqual({ plan: PLAN, marker: { x: 0.2, y: 0.5, label: 'Холл' } });
    // All of it from the code: the place functions projected onto it (nobody at the wall reads the location).
    expect(valid.place.value).toMatchObject({ objectName: 'Холл', parentName: '1 этаж', locationName: 'Дом', kinds: [...FORM_KINDS] });
    await until(revoked.state, (state) => state === 'revoked', 20_000, 'revoked');
    await until(unknown.state, (state) => state === 'unknown', 20_000, 'unknown');
    scope.stop();
  });
});
