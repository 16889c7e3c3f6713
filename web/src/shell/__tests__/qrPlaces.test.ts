import { describe, expect, it } from 'vitest';
import { SHELL_QR_PLACES, withQrPlace } from '../qrPlaces';

describe('places of the wall codes seen lately', () => {
  it('keeps a code once, with its latest place, as the latest', () => {
    const places = withQrPlace({ a: 'Холл', b: 'Кафе' }, 'a', 'Холл · 1 этаж');
    expect(Object.entries(places)).toEqual([
      ['b', 'Кафе'],
      ['a', 'Холл · 1 этаж'],
    ]);
  });

  it(`forgets the oldest beyond ${SHELL_QR_PLACES} codes`, () => {
    let places: Record<string, string> = {};
    for (let i = 1; i <= SHELL_QR_PLACES + 2; i++) places = withQrPlace(places, `code-${i}`, `place ${i}`);
    expect(Object.keys(places)).toHaveLength(SHELL_QR_PLACES);
    expect(places['code-1']).toBeUndefined();
    expect(places['code-2']).toBeUndefined();
    expect(places[`code-${SHELL_QR_PLACES + 2}`]).toBe(`place ${SHELL_QR_PLACES + 2}`);
  });
});
