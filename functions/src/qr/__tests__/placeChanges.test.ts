import { describe, expect, it } from 'vitest';
import { qrPlaceOf, uploadedPlanOf, type Location, type LocationObject, type QrCode } from '@sos/model';
import { codeNeedsPlace, locationPlaceChanged, objectPlaceChanges, placeDiffers, planLeftBy, shownPlanOf } from '../placeChanges';

const LOCATION: Location = { name: 'Site', staffPhone: '+73420000000', responseMinutes: 10, ackSeconds: 60, timezone: 'UTC', admins: ['a1'] };
const PLAN = { url: '/plans/f1.svg', width: 1000, height: 600 };
const FLOOR: LocationObject = { name: '1 этаж', kind: 'floor', parentId: null, plan: PLAN, position: null, qrToken: 'qr-floor', selectable: false };
const ROOM: LocationObject = { name: 'Кафе', kind: 'room', parentId: 'floor-1', position: { x: 0.2, y: 0.3 }, qrToken: 'qr-cafe', selectable: true };
const CODE: QrCode = { locationId: 'loc', objectId: 'cafe', active: true };

describe('codeNeedsPlace', () => {
  it('a new active code, or one whose place is missing, is projected', () => {
    expect(codeNeedsPlace(undefined, CODE)).toBe(true);
    expect(codeNeedsPlace({ ...CODE, place: qrPlaceOf(LOCATION, ROOM, FLOOR) }, CODE)).toBe(true);
  });

  it('its own place write, a revoke, a deletion or another server field change nothing', () => {
    const placed = { ...CODE, place: qrPlaceOf(LOCATION, ROOM, FLOOR) };
    expect(codeNeedsPlace(CODE, placed)).toBe(false);
    expect(codeNeedsPlace(placed, { ...placed, active: false })).toBe(false);
    expect(codeNeedsPlace(placed, undefined)).toBe(false);
    expect(codeNeedsPlace({ ...placed, place: null }, { ...placed, place: null })).toBe(false);
  });

  it('a code repointed (written outside the rules) is projected again', () => {
    const placed = { ...CODE, place: qrPlaceOf(LOCATION, ROOM, FLOOR) };
    expect(codeNeedsPlace(placed, { ...placed, objectId: 'lobby' })).toBe(true);
  });
});

describe('locationPlaceChanged', () => {
  it.each([
    ['the name', { name: 'Renamed' }],
    ['the staff phone', { staffPhone: '+73429999999' }],
    ['the response time', { responseMinutes: 15 }],
    ['the offered kinds', { kinds: ['fire' as const] }],
    ['the emergency number', { emergencyNumber: '101' }],
  ])('%s changes every code of the location', (_label, change) => {
    expect(locationPlaceChanged(LOCATION, { ...LOCATION, ...change })).toBe(true);
  });

  it.each([
    ['the admins', { admins: ['a1', 'a2'] }],
    ['the alert steps', { alertSteps: [{ channel: 'sms' as const, afterSeconds: 60 }] }],
    ['the acknowledgement time', { ackSeconds: 120 }],
    ['the default kinds written out', { kinds: ['medical', 'fire', 'security', 'lift', 'leak', 'other'] as Location['kinds'] }],
  ])('%s changes no code', (_label, change) => {
    expect(locationPlaceChanged(LOCATION, { ...LOCATION, ...change })).toBe(false);
  });

  it('a location created or deleted changes its codes', () => {
    expect(locationPlaceChanged(undefined, LOCATION)).toBe(true);
    expect(locationPlaceChanged(LOCATION, undefined)).toBe(true);
  });
});

describe('objectPlaceChanges', () => {
  it.each([
    ['renamed', { name: 'Столовая' }],
    ['moved on the plan', { position: { x: 0.5, y: 0.5 } }],
    ['moved to another parent', { parentId: 'floor-2', position: null }],
    ['given a new code', { qrToken: 'qr-cafe-2' }],
  ])('an object %s refreshes its own code', (_label, change) => {
    const after = { ...ROOM, ...change };
    expect(objectPlaceChanges(ROOM, after).ownCode).toBe(after.qrToken);
  });

  it('a change it does not show refreshes no code', () => {
    expect(objectPlaceChanges(ROOM, { ...ROOM, selectable: false, kind: 'zone' })).toEqual({ ownCode: null, children: false });
  });

  it("a parent's new plan or name refreshes its children's codes, not its own unless shown", () => {
    expect(objectPlaceChanges(FLOOR, { ...FLOOR, plan: { ...PLAN, url: '/plans/f1-v2.svg' } })).toEqual({ ownCode: null, children: true });
    expect(objectPlaceChanges(FLOOR, { ...FLOOR, name: 'Первый этаж' })).toEqual({ ownCode: 'qr-floor', children: true });
  });

  it('a new object refreshes only its code; a deleted one its code and its children', () => {
    expect(objectPlaceChanges(undefined, ROOM)).toEqual({ ownCode: 'qr-cafe', children: false });
    expect(objectPlaceChanges(ROOM, undefined)).toEqual({ ownCode: 'qr-cafe', children: true });
    expect(objectPlaceChanges(undefined, { ...ROOM, qrToken: null })).toEqual({ ownCode: null, children: false });
  });
});

describe('placeDiffers', () => {
  const place = qrPlaceOf(LOCATION, ROOM, FLOOR);

  it('the same place, in any key order, is not written again', () => {
    const reordered = Object.fromEntries(Object.entries(place!).reverse()) as typeof place;
    expect(placeDiffers(reordered, place)).toBe(false);
    expect(placeDiffers(null, null)).toBe(false);
  });

  it('a missing place is written, even as null; a changed one is written', () => {
    expect(placeDiffers(undefined, null)).toBe(true);
    expect(placeDiffers(undefined, place)).toBe(true);
    expect(placeDiffers(place, { ...place!, staffPhone: '+73429999999' })).toBe(true);
    expect(placeDiffers(place, null)).toBe(true);
  });
});

describe('the uploaded plan a code shows', () => {
  const UPLOADED = uploadedPlanOf('loc', 'floor-1', { width: 640, height: 480 });
  const showing = { ...CODE, place: qrPlaceOf(LOCATION, ROOM, { ...FLOOR, plan: UPLOADED }) };

  it('is the plan of an active code’s place; a shipped file, no plan or a revoked code show none', () => {
    expect(shownPlanOf(showing)).toEqual(UPLOADED);
    expect(shownPlanOf({ ...CODE, place: qrPlaceOf(LOCATION, ROOM, FLOOR) })).toBeNull();
    expect(shownPlanOf({ ...showing, active: false })).toBeNull();
    expect(shownPlanOf(undefined)).toBeNull();
  });

  it('is left when the code is revoked or deleted, or its place moves off the plan', () => {
    expect(planLeftBy(showing, { ...showing, active: false })).toEqual(UPLOADED);
    expect(planLeftBy(showing, undefined)).toEqual(UPLOADED);
    expect(planLeftBy(showing, { ...showing, place: qrPlaceOf(LOCATION, { ...ROOM, position: null }, { ...FLOOR, plan: UPLOADED }) })).toEqual(UPLOADED);
  });

  it('is not left by a replaced image of another size, a rename, or a code that never showed it', () => {
    const resized = { ...CODE, place: qrPlaceOf(LOCATION, { ...ROOM, name: 'Столовая' }, { ...FLOOR, plan: { ...UPLOADED, width: 800 } }) };
    expect(planLeftBy(showing, resized)).toBeNull();
    expect(planLeftBy(undefined, showing)).toBeNull();
    expect(planLeftBy(CODE, { ...CODE, active: false })).toBeNull();
  });
});
