// The wall code's screen (QrPlanPage) takes over from the first-paint shell of /q/<token>: it remembers the place for
// the next first paint and sends the shell's tap. Apart from shellCache.ts, so the entry (and /sos) stays as light.
import { watch } from 'vue';
import type { QrCodeState } from '../composables/liveQrPlan';
import { SHELL_CACHE_KEY, SHELL_TAP_KEY, readShellJson, type ShellCache, type ShellQrTap, type ShellTap } from './shellCache';
import { withQrPlace } from './qrPlaces';

export type { ShellQrTap };

/** Remembers where a wall code hangs, so its shell names the place on the next visit. */
function rememberQrPlace(qrToken: string, place: string): void {
  const cache = readShellJson<ShellCache>(SHELL_CACHE_KEY);
  const places = cache?.qrPlaces ?? {};
  if (places[qrToken] === place) return;
  const next: ShellCache = {
    ...(cache ?? { uid: null, locationId: null, phone: null, phoneLabel: null, responseMinutes: null }),
    qrPlaces: withQrPlace(places, qrToken, place),
  };
  localStorage.setItem(SHELL_CACHE_KEY, JSON.stringify(next));
}

/** The shell's tap at this wall code, removed as it is taken: whoever takes it sends it, once. */
function takeShellQrTap(qrToken: string): ShellQrTap | null {
  const tap = readShellJson<ShellTap>(SHELL_TAP_KEY);
  if (!tap || !('qrToken' in tap) || tap.qrToken !== qrToken) return null;
  localStorage.removeItem(SHELL_TAP_KEY);
  return tap;
}

/**
 * The wall code's screen takes over from its shell: it remembers the place for the next first paint, and sends the
 * shell's tap (once) when the code is known valid; at a revoked or unknown code the tap is dropped, the screen says why.
 */
export function handOffQrShell(qrToken: string, screen: { state: () => QrCodeState; place: () => string | null }, send: (tap: ShellQrTap) => void): void {
  watch(screen.place, (place) => place && rememberQrPlace(qrToken, place), { immediate: true });
  watch(
    screen.state,
    (state) => {
      if (state === 'checking') return;
      const tap = takeShellQrTap(qrToken);
      if (tap && state === 'valid') send(tap);
    },
    { immediate: true },
  );
}
