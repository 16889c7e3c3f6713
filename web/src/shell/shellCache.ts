// The first-paint shell in index.html draws SOS and the staff phone from this copy before any module
// loads; a tap there is recorded under SHELL_TAP_KEY and sent once here when the app boots.
import { watch } from 'vue';
import type { Router } from 'vue-router';
import { locale, t } from '../i18n';
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
  lang: string;
  labels: { title: string; emergency: string; staffPhone: string; call: string; unconfirmed: string };
}

export interface ShellTap {
  id: string;
  uid: string;
  locationId: string;
  tappedAt: number;
  responseMinutes: number | null;
}

function readJson<T>(key: string): T | null {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null') as T | null;
  } catch {
    return null;
  }
}

/** The last known staff phone survives sign-out, so a signed-out person still has a number to call. */
export function lastKnownStaffPhone(): { phone: string; label: string } | null {
  const cache = readJson<ShellCache>(SHELL_CACHE_KEY);
  return cache?.phone ? { phone: cache.phone, label: cache.phoneLabel ?? cache.phone } : null;
}

/** Keeps the shell's copy in step with the signed-in user, their home location and the locale. */
export function keepShellCache(): void {
  const session = useSessionStore();
  const home = useHomeLocationStore();
  watch(
    () => [session.ready, session.uid, home.homeLocationId, home.homeLocation, locale.value] as const,
    ([ready, uid, locationId, location]) => {
      if (!ready) return;
      const previous = readJson<ShellCache>(SHELL_CACHE_KEY);
      // Until the location's snapshot arrives (and after sign-out) the copy keeps what it knew.
      const known = !uid || previous?.locationId === locationId ? previous : null;
      const phone = location?.staffPhone ?? known?.phone ?? null;
      const cache: ShellCache = {
        uid,
        locationId: uid ? locationId : (previous?.locationId ?? null),
        phone,
        phoneLabel: phone ? prettyPhone(phone) : null,
        responseMinutes: location?.responseMinutes ?? known?.responseMinutes ?? null,
        lang: locale.value,
        labels: {
          title: t('sos.title'),
          emergency: t('sos.emergency'),
          staffPhone: t('sos.staffPhone'),
          call: t('sos.call'),
          unconfirmed: t('countdown.unconfirmed'),
        },
      };
      localStorage.setItem(SHELL_CACHE_KEY, JSON.stringify(cache));
    },
    { immediate: true },
  );
}

/** Sends a tap made on the shell (once: the record is removed before the write is queued) and opens its countdown. */
export async function sendShellTap(router: Router): Promise<void> {
  const tap = readJson<ShellTap>(SHELL_TAP_KEY);
  if (!tap) return;
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
