// The staff side against the emulators: one staff member serving 12 locations (12 × 4 active statuses
// is past Firestore's 30 disjunctions per query) sees every request; claim, arrive, resolve.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { ACTIVE_STATUSES, paths } from '@sos/model';
import { useSessionStore } from '../stores/session';
import { useProfileStore } from '../stores/profile';
import { disjunctionChunks, useLocationRequestsStore } from '../stores/adminRequests';
import { useStaffResponseStore } from '../stores/staffResponse';
import { PASSWORD, closeHarness, createAccount, readDoc, seedDoc, unique, until } from './harness';
import { seedLocations, seedRequest, seedRequests } from './fixtures';

describe('disjunctionChunks', () => {
  it('keeps locations × statuses within 30 per query, every location once', () => {
    const ids = Array.from({ length: 12 }, (_, index) => `l${index}`);
    const chunks = disjunctionChunks(ids, ACTIVE_STATUSES.length);
    expect(chunks.every((chunk) => chunk.length * ACTIVE_STATUSES.length <= 30)).toBe(true);
    expect(chunks.flat()).toEqual(ids);
    expect(disjunctionChunks(Array.from({ length: 31 }, String))).toHaveLength(2);
    expect(disjunctionChunks([])).toEqual([]);
  });
});

describe('staff stores, 12 locations', () => {
  const email = `${unique('staff')}@web.test`;
  let locationIds: string[] = [];
  let uid = '';

  beforeAll(async () => {
    setActivePinia(createPinia());
    // As main.ts does: the profile follows the session from the start.
    useProfileStore();
    locationIds = await seedLocations(Array.from({ length: 12 }, (_, index) => `Площадка ${index + 1}`));
    uid = await createAccount(email, { role: 'staff', locationIds });
    // A profile renamed since joining: a claim still carries the roster name the admins keep.
    await seedDoc(paths.user(uid), { displayName: 'Ваня', phone: '+79120000002', locationIds, homeLocationId: locationIds[0] });
    await seedDoc(paths.staffMember(locationIds[5]!, uid), { name: 'Иван Петров', phone: '+79120000002', onDuty: true, tier: 1 });
    await useSessionStore().signIn(email, PASSWORD);
  });

  afterAll(closeHarness);

  it('lists the active and the recent requests of all 12 locations, live', async () => {
    const requests = useLocationRequestsStore();
    await until(() => requests.loaded, Boolean, 20_000, 'the first snapshots');
    expect(requests.error).toBeNull();
    const open = await seedRequests(locationIds, 'open');
    const resolved = await seedRequest(locationIds[11]!, 'resolved');
    const elsewhere = await seedRequest(unique('not-mine'), 'open');
    await until(
      () => requests.requests.map((request) => request.id),
      (ids) => [...open, resolved].every((id) => ids.includes(id)),
      15_000,
      'a request of every location',
    );
    expect(requests.requests.map((request) => request.id)).not.toContain(elsewhere);
    expect(new Set(requests.requests.map((request) => request.locationId))).toEqual(new Set(locationIds));
    const created = requests.requests.map((request) => request.createdAt.toMillis());
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it('claims an open request, arrives and resolves it, with the transition fields the rules require', async () => {
    const requestId = await seedRequest(locationIds[5]!, 'open');
    const response = useStaffResponseStore();
    await response.claim(requestId);
    expect(response.failures[requestId]).toBeUndefined();
    expect(await readDoc(paths.sosRequest(requestId))).toMatchObject({ status: 'acknowledged', ackBy: uid, ackByName: 'Иван Петров' });

    await response.markOnSite(requestId);
    expect(await readDoc(paths.sosRequest(requestId))).toMatchObject({ status: 'on_site', arrivedBy: uid });
    await response.resolve(requestId, '  Помогли  ');
    expect(await readDoc(paths.sosRequest(requestId))).toMatchObject({ status: 'resolved', resolvedBy: uid, resolution: 'Помогли' });
    expect(response.busy[requestId]).toBeUndefined();
  });

  it('a claim at a location whose roster does not hold the claimer is refused as such, and the request stays open', async () => {
    const requestId = await seedRequest(locationIds[7]!, 'open');
    const response = useStaffResponseStore();
    await response.claim(requestId);
    expect(response.failures[requestId]).toMatchObject({ code: 'not-on-roster' });
    expect(await readDoc(paths.sosRequest(requestId))).toMatchObject({ status: 'open' });
  });

  it('a claim of a request someone else took is refused with their name', async () => {
    const requestId = await seedRequest(locationIds[3]!, 'open');
    const taken = { ...(await readDoc(paths.sosRequest(requestId))), status: 'acknowledged', ackBy: 'other', ackByName: 'Пётр' };
    await seedDoc(paths.sosRequest(requestId), taken);
    const response = useStaffResponseStore();
    await response.claim(requestId);
    expect(response.failures[requestId]).toMatchObject({ code: 'already-taken', byName: 'Пётр' });
    expect(await readDoc(paths.sosRequest(requestId))).toMatchObject({ ackBy: 'other' });
  });
});
