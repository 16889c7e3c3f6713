// The locations the signed-in staff member or admin serves (from their claims), live, with their settings.
import { computed, onScopeDispose, shallowRef, watch } from 'vue';
import { onSnapshot } from 'firebase/firestore';
import { storeToRefs } from 'pinia';
import type { Location } from '@sos/model';
import { refs, type WithId } from '../firebase/refs';
import { useSessionStore } from '../stores/session';

export function useServedLocations() {
  const { claims } = storeToRefs(useSessionStore());
  const ids = computed(() => claims.value?.locationIds ?? []);
  const byId = shallowRef<Record<string, Location>>({});
  let stops: (() => void)[] = [];

  watch(
    () => ids.value.join(','),
    () => {
      stops.forEach((stop) => stop());
      byId.value = {};
      stops = ids.value.map((id) =>
        onSnapshot(refs.location(id), (snapshot) => {
          const data = snapshot.data();
          if (data) byId.value = { ...byId.value, [id]: data };
        }),
      );
    },
    { immediate: true },
  );
  onScopeDispose(() => stops.forEach((stop) => stop()));

  /** In the order of the claims; a location not loaded yet shows by id. */
  const locations = computed<WithId<Location>[]>(() =>
    ids.value.flatMap((id) => {
      const location = byId.value[id];
      return location ? [{ ...location, id }] : [];
    }),
  );
  const nameOf = (id: string) => byId.value[id]?.name ?? id;
  return { ids, locations, byId, nameOf };
}
