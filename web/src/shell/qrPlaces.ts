// Where the wall codes seen lately hang, kept for the first-paint shell of /q/<token> (shellCache.ts).

/** How many codes' places are kept: a visitor passes a few codes, not hundreds. */
export const SHELL_QR_PLACES = 10;

/** The places with this code's set to `place`, the latest last, at most SHELL_QR_PLACES. */
export function withQrPlace(places: Readonly<Record<string, string>>, qrToken: string, place: string): Record<string, string> {
  const others = Object.entries(places).filter(([token]) => token !== qrToken);
  return Object.fromEntries([...others.slice(-(SHELL_QR_PLACES - 1)), [qrToken, place]]);
}
