// What a scanned QR code points at, for its plan screen: the code and the place functions project onto it (the
// object, its parent's plan, the location's phone and kinds), so nobody at the wall reads a location or object.
import { computed, toValue, type MaybeRefOrGetter } from 'vue';
import { refs } from '../firebase/refs';
import { useLiveDocument } from './useLive';

export type QrCodeState = 'checking' | 'revoked' | 'unknown' | 'valid';

/** Listens while the calling screen is open; a null token (not signed in yet) reads nothing. */
export function liveQrPlan(qrToken: MaybeRefOrGetter<string | null>) {
  const code = useLiveDocument(() => {
    const token = toValue(qrToken);
    return token ? refs.qrCode(token) : null;
  });
  /** Undefined until functions have projected it, null once its object or location is gone. */
  const place = computed(() => code.data.value?.place);

  /** Residents are refused a revoked code (rules); an unknown one reads as missing once the server answered. */
  const state = computed<QrCodeState>(() => {
    if (code.error.value) return 'revoked';
    if (code.data.value?.active) return 'valid';
    if (code.data.value) return 'revoked';
    if (code.loaded.value && !code.fromCache.value) return 'unknown';
    return 'checking';
  });
  /** The same plan and marker a request made here will show. */
  const planMarker = computed(() => {
    if (!place.value?.plan) return null;
    const { marker, ...plan } = place.value.plan;
    return { plan, marker: { ...marker, label: place.value.objectName } };
  });
  return { code, place, state, planMarker };
}
