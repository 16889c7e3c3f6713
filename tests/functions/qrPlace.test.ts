// A wall code's place (`qrCodes/{token}.place`, what its screen shows) follows its location, its object and the
// object's parent: against the real emulators, the admin's edits made through the rules as the app makes them.
import './setup';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Bytes, doc, getDoc, serverTimestamp, updateDoc, writeBatch } from 'firebase/firestore';
import { FORM_KINDS, planPaths, uploadedPlanOf, type PlanDocument, type PlanSize, type QrCode, type QrPlace } from '@sos/model';
import { planRefs, refs } from '../../functions/src/firestore';
import { refreshAllQrPlaces, refreshQrPlace, refreshQrPlacesOfChildren, refreshQrPlacesOfLocation } from '../../functions/src/qr/refreshQrPlace';
import { signIn, signInAsVisitor, type ClientSession } from './clients';
import { waitForDoc } from './admin';
import { createResponseSite, SITE_PASSWORD, type ResponseSite } from './fixtures';

const PLAN = { url: '/plans/floor-1.svg', width: 1000, height: 600 };
let site: ResponseSite;
let admin: ClientSession;
const roomToken = `qr-${randomUUID()}`;
const lobbyToken = `qr-${randomUUID()}`;

beforeAll(async () => {
  site = await createResponseSite(3600);
  await Promise.all([
    refs.object(site.locationId, 'floor').set({ name: '1 этаж', kind: 'floor', parentId: null, plan: PLAN, position: null, qrToken: null, selectable: false }),
    refs.object(site.locationId, 'room').set({ name: 'Кафе', kind: 'room', parentId: 'floor', position: { x: 0.25, y: 0.5 }, qrToken: null, selectable: true }),
    refs.object(site.locationId, 'lobby').set({ name: 'Холл', kind: 'zone', parentId: null, qrToken: null, selectable: true }),
  ]);
  admin = await signIn(site.admin.email, SITE_PASSWORD);
});

afterAll(async () => {
  await admin.close();
});

/** As the admin's QR screen issues a code: the code and the object's token in one batch, through the rules. */
async function issueCode(objectId: string, token: string): Promise<void> {
  const batch = writeBatch(admin.db);
  batch.set(doc(admin.db, 'qrCodes', token), { locationId: site.locationId, objectId, active: true });
  batch.update(doc(admin.db, `locations/${site.locationId}/objects/${objectId}`), { qrToken: token });
  await batch.commit();
}

const waitForPlace = (token: string, check: (place: QrPlace | null | undefined) => boolean, what: string) =>
  waitForDoc(refs.qrCode(token), (code: QrCode | undefined) => check(code?.place), what);
const updateTimeOf = async (token: string) => (await refs.qrCode(token).get()).updateTime?.toMillis();

describe('the place a wall code shows', () => {
  it('is written when the code is issued and follows the object, the parent plan and the location; replays write nothing', { timeout: 120_000 }, async () => {
    await Promise.all([issueCode('room', roomToken), issueCode('lobby', lobbyToken)]);
    const issued = await waitForDoc(refs.qrCode(roomToken), (code) => code?.place != null, 'the place of a new code');
    expect(issued?.place).toEqual({
      locationName: site.locationName,
      staffPhone: '+73420000000',
      responseMinutes: 10,
      kinds: [...FORM_KINDS],
      emergencyNumber: '112',
      objectName: 'Кафе',
      parentName: '1 этаж',
      plan: { ...PLAN, marker: { x: 0.25, y: 0.5 } },
    } satisfies QrPlace);
    await waitForPlace(lobbyToken, (place) => place?.objectName === 'Холл' && place.plan === null, 'the place of a code without a plan');
    const lobbyProjectedAt = await updateTimeOf(lobbyToken);

    // The admin renames the room, then gives its floor a new plan: only the room's code follows.
    await updateDoc(doc(admin.db, `locations/${site.locationId}/objects/room`), { name: 'Столовая' });
    await waitForPlace(roomToken, (place) => place?.objectName === 'Столовая', 'the renamed object');
    await updateDoc(doc(admin.db, `locations/${site.locationId}/objects/floor`), { plan: { ...PLAN, url: '/plans/floor-1-v2.svg' } });
    await waitForPlace(
      roomToken,
      (place) => place?.plan !== undefined && place.plan !== null && 'url' in place.plan && place.plan.url === '/plans/floor-1-v2.svg',
      "the parent's new plan",
    );
    expect(await updateTimeOf(lobbyToken)).toBe(lobbyProjectedAt);

    // The admin changes the staff phone and the kinds: every code of the location follows.
    await updateDoc(doc(admin.db, `locations/${site.locationId}`), { staffPhone: '+73429999999', kinds: ['fire', 'other'] });
    for (const token of [roomToken, lobbyToken]) {
      await waitForPlace(token, (place) => place?.staffPhone === '+73429999999' && place.kinds.join() === 'fire,other', 'the new staff phone and kinds');
    }

    // Replayed events (the same code created, the same edits) write nothing.
    const before = await Promise.all([updateTimeOf(roomToken), updateTimeOf(lobbyToken)]);
    await expect(refreshQrPlace(roomToken)).resolves.toBe(false);
    await refreshQrPlacesOfLocation(site.locationId);
    await refreshQrPlacesOfChildren(site.locationId, 'floor');
    // So does the backfill (scripts/migrate.ts) over codes already in step.
    await refreshAllQrPlaces();
    expect(await Promise.all([updateTimeOf(roomToken), updateTimeOf(lobbyToken)])).toEqual(before);
  });

  it('is written again when a set() erased it (the seed, data from before), and stays as it was once revoked', { timeout: 90_000 }, async () => {
    await waitForPlace(lobbyToken, (place) => place != null, 'the first place');
    await refs.qrCode(lobbyToken).set({ locationId: site.locationId, objectId: 'lobby', active: true });
    const restored = await waitForPlace(lobbyToken, (place) => place != null, 'the place written again');
    expect(restored?.place).toMatchObject({ objectName: 'Холл', parentName: null, plan: null });

    await updateDoc(doc(admin.db, 'qrCodes', lobbyToken), { active: false });
    await expect(refreshQrPlace(lobbyToken)).resolves.toBe(false);
    expect((await refs.qrCode(lobbyToken).get()).data()).toMatchObject({ active: false, place: { objectName: 'Холл' } });
  });

  it(
    'an uploaded plan is named by the place, readable by the code’s visitors while a code shows it, and kept in size when replaced',
    { timeout: 120_000 },
    async () => {
      const planToken = `qr-${randomUUID()}`;
      await Promise.all([
        refs
          .object(site.locationId, 'floor-up')
          .set({ name: '3 этаж', kind: 'floor', parentId: null, plan: null, position: null, qrToken: null, selectable: false }),
        refs
          .object(site.locationId, 'room-up')
          .set({ name: 'Серверная', kind: 'room', parentId: 'floor-up', position: { x: 0.4, y: 0.6 }, qrToken: null, selectable: true }),
      ]);
      // As «Загрузить план» writes it: the image and the floor's plan in one batch, through the rules.
      const upload = async (size: PlanSize) => {
        const batch = writeBatch(admin.db);
        batch.set(
          doc(admin.db, planPaths.plan(site.locationId, 'floor-up')),
          { contentType: 'image/png', data: Bytes.fromUint8Array(new Uint8Array([0x89, 0x50, 0x4e, 0x47])), ...size, updatedAt: serverTimestamp() },
          { merge: true },
        );
        batch.update(doc(admin.db, `locations/${site.locationId}/objects/floor-up`), { plan: uploadedPlanOf(site.locationId, 'floor-up', size) });
        await batch.commit();
      };
      await upload({ width: 640, height: 480 });
      await issueCode('room-up', planToken);
      await waitForPlace(planToken, (place) => place?.plan != null, 'the place with the uploaded plan');
      expect((await refs.qrCode(planToken).get()).data()?.place?.plan).toEqual({
        ...uploadedPlanOf(site.locationId, 'floor-up', { width: 640, height: 480 }),
        marker: { x: 0.4, y: 0.6 },
      });
      const plan = planRefs.plan(site.locationId, 'floor-up');
      await waitForDoc(plan, (image: PlanDocument | undefined) => image?.public === true, 'the plan readable by the code’s visitors');
      const visitor = await signInAsVisitor();
      try {
        await expect(getDoc(doc(visitor.db, planPaths.plan(site.locationId, 'floor-up')))).resolves.toMatchObject({ id: 'floor-up' });

        // Replaced with another size: the code shows the new size with the room where it was.
        await upload({ width: 800, height: 450 });
        await waitForPlace(planToken, (place) => place?.plan?.width === 800, 'the replaced plan');
        expect((await refs.qrCode(planToken).get()).data()?.place?.plan).toMatchObject({
          planId: 'floor-up',
          width: 800,
          height: 450,
          marker: { x: 0.4, y: 0.6 },
        });
        expect((await plan.get()).data()?.public).toBe(true);

        // The last code showing it is revoked: the plan is the members' alone again.
        await updateDoc(doc(admin.db, 'qrCodes', planToken), { active: false });
        await waitForDoc(plan, (image: PlanDocument | undefined) => image?.public === false, 'the plan private again');
        await expect(getDoc(doc(visitor.db, planPaths.plan(site.locationId, 'floor-up')))).rejects.toMatchObject({ code: 'permission-denied' });
      } finally {
        await visitor.close();
      }
    },
  );
});
