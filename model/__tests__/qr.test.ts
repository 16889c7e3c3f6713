import { describe, expect, it } from 'vitest';
import { isQrToken, newQrToken, parseQrPayload, qrCodeUrl, QR_TOKEN_LENGTH } from '../src';

const ORIGIN = 'https://sos.example.ru';

describe('parseQrPayload', () => {
  it('accepts the URL our codes encode', () => {
    expect(parseQrPayload('https://sos.example.ru/q/qr-bc-a-1-cafe', ORIGIN)).toEqual({ ok: true, token: 'qr-bc-a-1-cafe' });
    expect(parseQrPayload('  https://sos.example.ru/q/AbC_123-xyz/ \n', ORIGIN)).toEqual({ ok: true, token: 'AbC_123-xyz' });
  });
  it('accepts a bare token', () => {
    expect(parseQrPayload('Zx9_-abcdefghijklmnopqr', ORIGIN)).toEqual({ ok: true, token: 'Zx9_-abcdefghijklmnopqr' });
  });
  it('ignores the query and fragment of our URL', () => {
    expect(parseQrPayload('https://sos.example.ru/q/qr-park-1?utm=x#top', ORIGIN)).toEqual({ ok: true, token: 'qr-park-1' });
  });
  it('rejects another site, even with the same path', () => {
    expect(parseQrPayload('https://evil.example.com/q/qr-bc-a-1-cafe', ORIGIN)).toEqual({ ok: false, reason: 'foreign' });
    expect(parseQrPayload('http://sos.example.ru/q/qr-bc-a-1-cafe', ORIGIN)).toEqual({ ok: false, reason: 'foreign' });
  });
  it('rejects our origin with another path', () => {
    expect(parseQrPayload('https://sos.example.ru/admin', ORIGIN)).toEqual({ ok: false, reason: 'foreign' });
    expect(parseQrPayload('https://sos.example.ru/q/a/b', ORIGIN)).toEqual({ ok: false, reason: 'foreign' });
    expect(parseQrPayload('https://sos.example.ru/q/..', ORIGIN)).toEqual({ ok: false, reason: 'foreign' });
  });
  it('rejects other contents: text, Wi-Fi settings, phone numbers, too-short words', () => {
    for (const text of ['Привет', 'WIFI:S:Office;T:WPA;P:secret;;', 'tel:+73422580078', 'abc', 'hello world']) {
      expect(parseQrPayload(text, ORIGIN)).toEqual({ ok: false, reason: 'foreign' });
    }
  });
  it('says an empty code is empty', () => {
    expect(parseQrPayload('   ', ORIGIN)).toEqual({ ok: false, reason: 'empty' });
  });
  it('reads back what qrCodeUrl encodes', () => {
    const token = newQrToken((bytes) => bytes.map((_, index) => index * 37));
    expect(parseQrPayload(qrCodeUrl(`${ORIGIN}/`, token), ORIGIN)).toEqual({ ok: true, token });
  });
});

describe('newQrToken', () => {
  it('makes URL-safe tokens of the configured length from the random bytes', () => {
    const token = newQrToken((bytes) => crypto.getRandomValues(bytes));
    expect(token).toHaveLength(QR_TOKEN_LENGTH);
    expect(QR_TOKEN_LENGTH).toBeGreaterThanOrEqual(20);
    expect(isQrToken(token)).toBe(true);
  });
  it('uses every random byte', () => {
    expect(newQrToken((bytes) => bytes.fill(0), 4)).toBe('AAAA');
    expect(newQrToken((bytes) => bytes.fill(255), 4)).toBe('____');
    expect(newQrToken((bytes) => bytes.fill(64 + 26), 3)).toBe('aaa');
  });
});
