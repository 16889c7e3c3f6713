// What a QR code on a location object encodes, and how a scanned text is recognised as one of ours.

/** Tokens are Firestore document ids: URL-safe characters only, so a code is also a clean URL. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{6,128}$/;
const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
export const QR_TOKEN_LENGTH = 24;

export function isQrToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** `<app origin>/q/<token>`: what the printed code encodes (PRODUCT.md, qrCodes). */
export function qrCodeUrl(origin: string, token: string): string {
  return `${new URL(origin).origin}/q/${token}`;
}

export type QrPayload = { ok: true; token: string } | { ok: false; reason: 'empty' | 'foreign' };

/** Our codes only: `<origin>/q/<token>` of this app, or a bare token; anything else is foreign. */
export function parseQrPayload(text: string, origin: string): QrPayload {
  const value = text.trim();
  if (value === '') return { ok: false, reason: 'empty' };
  if (isQrToken(value)) return { ok: true, token: value };
  let url: URL;
  let ours: URL;
  try {
    url = new URL(value);
    ours = new URL(origin);
  } catch {
    return { ok: false, reason: 'foreign' };
  }
  const match = /^\/q\/([^/]+)\/?$/.exec(url.pathname);
  const token = match?.[1];
  if (url.origin !== ours.origin || !token || !isQrToken(token)) return { ok: false, reason: 'foreign' };
  return { ok: true, token };
}

/** A fresh unguessable token; `fill` is `crypto.getRandomValues` (64 symbols, so no modulo bias). */
export function newQrToken(fill: (bytes: Uint8Array) => Uint8Array, length = QR_TOKEN_LENGTH): string {
  const bytes = fill(new Uint8Array(length));
  return Array.from(bytes, (byte) => TOKEN_ALPHABET[byte & 63]).join('');
}
