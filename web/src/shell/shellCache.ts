// The first-paint shell in index.html draws SOS, the staff phone and the place of a wall code from this copy before
// any module loads; a tap there is recorded under SHELL_TAP_KEY and sent once when the app boots.
import { watch } from 'vue';
import type { Router } from 'vue-router';
import { useSessionStore } from '../stores/session';
import { useHomeLocationStore } from '../stores/homeLocation';
import { useSosRequestStore } from '../stores/sosRequests';
import { prettyPhone } from './prettyPhone';

/** Keys read by the inline script of web/index.html: change both together. */
export const SHELL_CACHE_KEY = 'sos.shell';
export const SHELL_TAP_KEY = 'sos.shellTap';

export interface ShellCache {
  uid: string | null;
  locationId: string | null;
  phone: string | null;
  phoneLabel: string | null;
  responseMinutes: number | null;
  /** Where each wall code seen lately hangs («Кафе · 1 этаж»), by token, the latest last. */
  qrPlaces: Record<string, string>;
}

/** SOS on the shell: the signed-in resident's call at their home location. */
export interface ShellSosTap {
  id: string;
  uid: string;
  locationId: string;
  tappedAt: number;
  responseMinutes: number | null;
}

/** «Нужна помощь» on a wall code's shell: the visitor may not be signed in yet, so the code's screen sends it. */
export interface ShellQrTap {
  id: string;
  qrToken: string;
  tappedAt: number;
}

export type ShellTap = ShellSosTap | ShellQrTap;

export function readShellJson<T>(key: string): T | null {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null') as T | null;
  } catch {
    return null;
  }
}

/** The last known staff phone survives sign-out, so a signed-out person still has a number to call. */
export function lastKnownStaffPhone(): { phone: string; label: string } | null {
  const cache = readShellJson<ShellCache>(SHELL_CACHE_KEY);
  return cache?.phone ? { phone: cache.phone, label: cache.phoneLabel ?? cache.phone } : null;
}

/** Keeps the shell's copy in step with the signed-in user and their home location (the labels are in index.html). */
export function keepShellCache(): void {
  const session = useSessionStore();
  const home = useHomeLocationStore();
  watch(
    () => [session.ready, session.uid, home.homeLocationId, home.homeLocation] as const,
    ([ready, uid, locationId, location]) => {
      if (!ready) return;
      const previous = readShellJson<ShellCache>(SHELL_CACHE_KEY);
      // Until the location's snapshot arrives (and after sign-out) the copy keeps what it knew.
      const known = !uid || previous?.locationId === locationId ? previous : null;
      const phone = location?.staffPhone ?? known?.phone ?? null;
      const cache: ShellCache = {
        uid,
        locationId: uid ? locationId : (previous?.locationId ?? null),
        phone,
        phoneLabel: phone ? prettyPhone(phone) : null,
        responseMinutes: location?.responseMinutes ?? known?.responseMinutes ?? null,
        qrPlaces: previous?.qrPlaces ?? {},
      };
      localStorage.setItem(SHELL_CACHE_KEY, JSON.stringify(cache));
    },
    { immediate: true },
  );
}

/**
 * Sends a tap made on the shell (once: the record is removed before the write is queued) and opens its countdown.
 * A wall code's tap is left to the code's screen (qrShell.ts), opened here if the app booted elsewhere.
 */
export async function sendShellTap(router: Router): Promise<void> {
  const tap = readShellJson<ShellTap>(SHELL_TAP_KEY);
  if (!tap) return;
  if ('qrToken' in tap) {
    const codeScreen = router.resolve({ path: `/q/${encodeURIComponent(tap.qrToken)}` });
    if (router.currentRoute.value.path !== codeScreen.path) await router.replace(codeScreen);
    return;
  }
  localStorage.removeItem(SHELL_TAP_KEY);
  const session = useSessionStore();
  await session.whenReady();
  // Someone else signed in on this phone since the shell was drawn: not their call.
  if (session.uid !== tap.uid) return;
  const requestId = useSosRequestStore().createRequest({
    source: 'emergency',
    objectId: null,
    description: null,
    repeatOf: null,
    locationId: tap.locationId,
    requestId: tap.id,
    tappedAt: tap.tappedAt,
    responseMinutes: tap.responseMinutes,
  });
  await router.replace(`/sos/${requestId}`);
}
