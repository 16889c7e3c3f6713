// The app icons (PNG, as installability needs), drawn at build time: "SOS" in a block font on the
// brand red, like public/favicon.svg. No image library: a few lines of PNG encoding with zlib.
import { deflateSync } from 'node:zlib';

export const BRAND_RED = [0xb0, 0x00, 0x20] as const;

const GLYPHS: Record<'S' | 'O', string[]> = {
  S: ['.####', '#....', '#....', '.###.', '....#', '....#', '####.'],
  O: ['.###.', '#...#', '#...#', '#...#', '#...#', '#...#', '.###.'],
};
const TEXT = ['S', 'O', 'S'] as const;
const TEXT_COLUMNS = TEXT.length * 6 - 1;
const TEXT_ROWS = 7;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** RGBA pixels, row by row, to a PNG file. */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y += 1) rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function isLetterCell(column: number, row: number): boolean {
  const glyph = TEXT[Math.floor(column / 6)];
  const x = column % 6;
  return glyph !== undefined && x < 5 && GLYPHS[glyph][row]?.[x] === '#';
}

/**
 * `any`: a red disc on transparent. `maskable`: red to the edges with the text inside the central
 * 80 % circle that every launcher mask keeps.
 */
export function drawIcon(size: number, purpose: 'any' | 'maskable'): Buffer {
  const cell = Math.floor(size * (purpose === 'maskable' ? 0.042 : 0.05));
  const left = Math.floor((size - TEXT_COLUMNS * cell) / 2);
  const top = Math.floor((size - TEXT_ROWS * cell) / 2);
  const radius = size * 0.47;
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const distance = Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2);
      const alpha = purpose === 'maskable' ? 1 : Math.min(1, Math.max(0, radius - distance + 0.5));
      const column = Math.floor((x - left) / cell);
      const row = Math.floor((y - top) / cell);
      const white = x >= left && y >= top && row < TEXT_ROWS && isLetterCell(column, row);
      const offset = (y * size + x) * 4;
      rgba.set(white ? [255, 255, 255] : BRAND_RED, offset);
      rgba[offset + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, rgba);
}

export const ICONS = [
  { fileName: 'icons/icon-192.png', size: 192, purpose: 'any' },
  { fileName: 'icons/icon-512.png', size: 512, purpose: 'any' },
  { fileName: 'icons/icon-maskable-512.png', size: 512, purpose: 'maskable' },
] as const;
