import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ICONS, drawIcon } from '../../../build/icons';

/** Width, height and RGBA rows of a PNG written by encodePng (one IDAT, filter byte 0 per row). */
function decode(png: Buffer): { size: number; pixel: (x: number, y: number) => number[] } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const size = png.readUInt32BE(16);
  expect(png.readUInt32BE(20)).toBe(size);
  const idatAt = png.indexOf('IDAT');
  const rows = inflateSync(png.subarray(idatAt + 4, idatAt + 4 + png.readUInt32BE(idatAt - 4)));
  return { size, pixel: (x, y) => [...rows.subarray(y * (size * 4 + 1) + 1 + x * 4, y * (size * 4 + 1) + 1 + x * 4 + 4)] };
}

describe('app icons', () => {
  it.each(ICONS)('$fileName is a $size px PNG with white text on the brand red', ({ size, purpose }) => {
    const icon = decode(drawIcon(size, purpose));
    expect(icon.size).toBe(size);
    expect(icon.pixel(size / 2, size / 2).slice(3)).toEqual([255]);
    let whites = 0;
    for (let y = 0; y < size; y += 1) {
      for (let x = 0; x < size; x += 1)
        if (
          icon
            .pixel(x, y)
            .slice(0, 3)
            .every((channel) => channel === 255)
        )
          whites += 1;
    }
    expect(whites).toBeGreaterThan(size);
  });

  it('the maskable icon keeps its text inside the central 80 % circle every launcher mask keeps, and fills the square', () => {
    const size = 512;
    const icon = decode(drawIcon(size, 'maskable'));
    let transparent = 0;
    let farthestWhite = 0;
    for (let y = 0; y < size; y += 1) {
      for (let x = 0; x < size; x += 1) {
        const [r, g, b, a] = icon.pixel(x, y);
        if (a !== 255) transparent += 1;
        if (r === 255 && g === 255 && b === 255) farthestWhite = Math.max(farthestWhite, Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2));
      }
    }
    expect(transparent).toBe(0);
    expect(farthestWhite).toBeGreaterThan(size * 0.3);
    expect(farthestWhite).toBeLessThanOrEqual(size * 0.4);
    expect(icon.pixel(0, 0)).toEqual([0xb0, 0x00, 0x20, 255]);
  });
});
