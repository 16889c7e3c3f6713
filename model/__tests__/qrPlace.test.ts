import { describe, expect, it } from 'vitest';
import { FORM_KINDS, qrPlaceOf, qrPlaceOfLocation, type Location, type LocationObject } from '../src';

const LOCATION: Location = {
  name: 'Бизнес-центр',
  staffPhone: '+73422580078',
  responseMinutes: 10,
  ackSeconds: 60,
  timezone: 'Asia/Yekaterinburg',
  admins: ['admin-1'],
  alertSteps: [{ channel: 'push', afterSeconds: 0 }],
};
const PLAN = { url: '/plans/floor-2.svg', width: 1000, height: 600 };
const FLOOR: LocationObject = { name: '2 этаж', kind: 'floor', parentId: null, plan: PLAN, position: null, qrToken: null, selectable: false };
const ROOM: LocationObject = { name: 'Офис 210', kind: 'room', parentId: 'floor-2', position: { x: 0.25, y: 0.5 }, qrToken: 'qr-210', selectable: true };

describe('qrPlaceOf', () => {
  it("is the object's name, the parent's name and plan with the marker, and the location's phone, clock, kinds and number", () => {
    expect(qrPlaceOf({ ...LOCATION, kinds: ['fire', 'other'], emergencyNumber: '101' }, ROOM, FLOOR)).toEqual({
      locationName: 'Бизнес-центр',
      staffPhone: '+73422580078',
      responseMinutes: 10,
      kinds: ['fire', 'other'],
      emergencyNumber: '101',
      objectName: 'Офис 210',
      parentName: '2 этаж',
      plan: { ...PLAN, marker: { x: 0.25, y: 0.5 } },
    });
  });

  it('resolves the defaults: every kind and 112 when the location chose none', () => {
    expect(qrPlaceOf(LOCATION, ROOM, FLOOR)).toMatchObject({ kinds: [...FORM_KINDS], emergencyNumber: '112' });
  });

  it('carries nothing the screen does not show: no admins, alert steps, codes or ids', () => {
    const place = qrPlaceOf(LOCATION, ROOM, FLOOR);
    expect(Object.keys(place ?? {}).sort()).toEqual(
      ['emergencyNumber', 'kinds', 'locationName', 'objectName', 'parentName', 'plan', 'responseMinutes', 'staffPhone'].sort(),
    );
    expect(JSON.stringify(place)).not.toContain('admin-1');
    expect(JSON.stringify(place)).not.toContain('qr-210');
  });

  it('has no plan without a parent, a parent plan or a position', () => {
    expect(qrPlaceOf(LOCATION, { ...ROOM, parentId: null }, null)).toMatchObject({ parentName: null, plan: null });
    expect(qrPlaceOf(LOCATION, ROOM, { ...FLOOR, plan: null })).toMatchObject({ parentName: '2 этаж', plan: null });
    expect(qrPlaceOf(LOCATION, { ...ROOM, position: null }, FLOOR)).toMatchObject({ plan: null });
  });

  it('is null when the location or the object is gone', () => {
    expect(qrPlaceOf(undefined, ROOM, FLOOR)).toBeNull();
    expect(qrPlaceOf(LOCATION, undefined, FLOOR)).toBeNull();
  });

  it('takes from the location exactly the part its codes share', () => {
    expect(qrPlaceOf(LOCATION, ROOM, FLOOR)).toMatchObject(qrPlaceOfLocation(LOCATION));
  });
});
