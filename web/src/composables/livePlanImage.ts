// What an <img> shows of a plan: a shipped file's URL, or an uploaded plan's image (its document, live, and from the
// device's cache when offline) as an object URL. A plan is only ever drawn through <img>, never inlined: there an
// SVG's scripts never run and nothing it references outside itself loads (the rules cannot read an image).
import { computed, onScopeDispose, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { bytesOf, isUploadedPlan, type PlanDocument, type PlanImage } from '@sos/model';
import { planRefs } from '../firebase/refs';
import { useLiveDocument } from './useLive';

/** An image's bytes as an object URL, revoked when replaced; the caller releases the last one. */
export function objectUrlOf(bytes: Uint8Array, contentType: string): string {
  // A copy in a fresh ArrayBuffer: a Blob takes no view of shared memory.
  return URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: contentType }));
}

/** Follows the plan while the calling component lives: `src` is null while an uploaded image has not loaded. */
export function livePlanImage(plan: MaybeRefOrGetter<PlanImage | null | undefined>) {
  const uploaded = computed(() => {
    const current = toValue(plan);
    return current && isUploadedPlan(current) ? current : null;
  });
  const image = useLiveDocument(() => (uploaded.value ? planRefs.plan(uploaded.value.locationId, uploaded.value.planId) : null));
  const objectUrl = shallowRef<string | null>(null);
  const release = () => {
    if (objectUrl.value) URL.revokeObjectURL(objectUrl.value);
    objectUrl.value = null;
  };
  watch(
    image.data,
    (document: PlanDocument | null) => {
      release();
      if (document) objectUrl.value = objectUrlOf(bytesOf(document.data), document.contentType);
    },
    { immediate: true },
  );
  onScopeDispose(release);

  const src = computed(() => {
    const current = toValue(plan);
    if (!current) return null;
    return isUploadedPlan(current) ? objectUrl.value : current.url;
  });
  /** The uploaded image could not be read (refused, or gone): the plan is drawn without it. */
  const failed = computed(() => uploaded.value !== null && (image.error.value !== null || (image.loaded.value && !image.fromCache.value && !image.data.value)));
  return { src, failed };
}
