// A staff member's own duty switch: the one field of their roster entry the rules let them change.
import { acceptHMRUpdate, defineStore, storeToRefs } from 'pinia';
import { computed, ref, watch } from 'vue';
import { updateDoc } from 'firebase/firestore';
import { refs } from '../firebase/refs';
import { useLiveDocument } from '../composables/useLive';
import { liveStatus } from '../composables/liveStatus';
import { useSessionStore } from './session';

export const useDutyStore = defineStore('duty', () => {
  const { uid, claims } = storeToRefs(useSessionStore());
  const locationIds = computed(() => claims.value?.locationIds ?? []);
  const locationId = ref<string | null>(null);
  // Follow the claims: the first served location, and none once removed.
  watch(
    locationIds,
    (ids) => {
      if (!locationId.value || !ids.includes(locationId.value)) locationId.value = ids[0] ?? null;
    },
    { immediate: true },
  );
  const entry = useLiveDocument(() => (uid.value && locationId.value ? refs.staffMember(locationId.value, uid.value) : null));
  const onDuty = computed(() => entry.data.value?.onDuty ?? null);
  const saving = ref(false);
  const failure = ref<string | null>(null);

  async function setOnDuty(next: boolean): Promise<void> {
    if (!uid.value || !locationId.value) return;
    saving.value = true;
    failure.value = null;
    try {
      await updateDoc(refs.staffMember(locationId.value, uid.value), { onDuty: next });
    } catch (error) {
      failure.value = (error as Error).message;
    } finally {
      saving.value = false;
    }
  }

  /** The roster entry as the server has it: "not on the roster" is said only once the server confirmed it. */
  const status = liveStatus(() => (uid.value && locationId.value ? [entry] : []));
  return { locationId, onDuty, onRoster: computed(() => entry.data.value !== null), loaded: entry.loaded, status, saving, failure, setOnDuty };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDutyStore, import.meta.hot));
