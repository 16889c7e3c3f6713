// What a scanned QR code points at, for the resident's plan screen: the code, its object, the object's
// parent (whose plan shows where the code hangs) and the location.
import { computed, toValue, type MaybeRefOrGetter } from 'vue';
import { attachPlan } from '@sos/model';
import { refs } from '../firebase/refs';
import { useLiveDocument } from './useLive';

export type QrCodeState = 'checking' | 'revoked' | 'unknown' | 'valid';

/** Listens while the calling screen is open; a null token (not signed in yet) reads nothing. */
export function liveQrPlan(qrToken: MaybeRefOrGetter<string | null>) {
  const code = useLiveDocument(() => {
    const token = toValue(qrToken);
    return token ? refs.qrCode(token) : null;
  });
  const object = useLiveDocument(() => (code.data.value ? refs.object(code.data.value.locationId, code.data.value.objectId) : null));
  const parentId = computed(() => object.data.value?.parentId ?? null);
  const parent = useLiveDocument(() => (code.data.value && parentId.value ? refs.object(code.data.value.locationId, parentId.value) : null));
  const location = useLiveDocument(() => (code.data.value ? refs.location(code.data.value.locationId) : null));

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
    const attached = attachPlan(object.data.value, parent.data.value);
    if (!attached) return null;
    const { marker, ...plan } = attached;
    return { plan, marker: { ...marker, label: object.data.value?.name ?? '' } };
  });
  return { code, object, parentId, parent, location, state, planMarker };
}
