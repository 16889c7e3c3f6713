// A staff member's own duty at the location they work on: computed live with the model's `onDutyAt` from its shifts,
// overrides and roster (the «Смены» store's listeners), and their two buttons, which write the fields of their roster
// entry the rules let them change: «Закончить смену» (`offUntil`, the manual start off) and «Заступить на смену».
import { acceptHMRUpdate, defineStore, storeToRefs } from 'pinia';
import { computed, ref } from 'vue';
import { deleteField, serverTimestamp, Timestamp, updateDoc, type UpdateData } from 'firebase/firestore';
import { validateOffUntil, type OffUntilProblem, type StaffMember } from '@sos/model';
import { refs } from '../firebase/refs';
import { useNow } from '../composables/useNow';
import { comingDuty, endDutyChange, nextDutyStart, ownDutyAt, ownOverrides, startDutyChange } from '../composables/personalDuty';
import { useSessionStore } from './session';
import { useServedLocationsStore } from './servedLocations';
import { useShiftsStore } from './shifts';

const MINUTE_MS = 60_000;

export const useDutyStore = defineStore('duty', () => {
  const { uid } = storeToRefs(useSessionStore());
  const { locationId, location } = storeToRefs(useServedLocationsStore());
  const shiftsStore = useShiftsStore();
  const { schedule, roster, overrides, status } = storeToRefs(shiftsStore);
  const now = useNow();
  /** The lists change by the minute at most: recomputing 14 days each second is waste. */
  const minute = computed(() => Math.floor(now.value / MINUTE_MS) * MINUTE_MS);

  const entry = computed(() => roster.value.find((member) => member.id === uid.value) ?? null);
  /** The location's zone is known (its document is here): every time shown is on its clock. */
  const ready = computed(() => status.value.loaded && location.value !== null && uid.value !== null);
  const timezone = computed(() => schedule.value.timezone);

  /** On duty now, with when it ends (null: open-ended or more than 48 h ahead); null when off. */
  const duty = computed(() => (ready.value && entry.value && uid.value ? ownDutyAt(schedule.value, uid.value, now.value) : null));
  const nextStartMillis = computed(() => (ready.value && uid.value && !duty.value ? nextDutyStart(schedule.value, uid.value, minute.value) : null));
  /** «Мои смены»: planned duty from the current stretch on, 14 days ahead. */
  const comingShifts = computed(() => (ready.value && uid.value ? comingDuty(schedule.value, uid.value, minute.value) : []));
  /** «Мои смены»: the overrides that name me and have not ended. */
  const myOverrides = computed(() => (uid.value ? ownOverrides(overrides.value, uid.value, minute.value) : []));

  const saving = ref(false);
  /** The server refused (its message), or a bad `offUntil` the rules would refuse, caught before sending. */
  const failure = ref<string | null>(null);
  const problem = ref<OffUntilProblem | null>(null);

  async function save(change: UpdateData<StaffMember>): Promise<void> {
    if (!uid.value || !locationId.value) return;
    saving.value = true;
    try {
      await updateDoc(refs.staffMember(locationId.value, uid.value), change);
    } catch (error) {
      failure.value = (error as Error).message;
    } finally {
      saving.value = false;
    }
  }

  /** «Закончить смену»: off until the shift would have ended; a manual start switched off. */
  async function endDuty(): Promise<void> {
    failure.value = null;
    problem.value = null;
    if (!uid.value || !entry.value) return;
    const at = Date.now();
    const { offUntilMillis, stopManualStart } = endDutyChange(schedule.value, uid.value, at);
    const change: UpdateData<StaffMember> = {};
    if (offUntilMillis !== null) {
      problem.value = validateOffUntil(offUntilMillis, at);
      if (problem.value) return;
      change.offUntil = Timestamp.fromMillis(offUntilMillis);
    }
    if (stopManualStart) Object.assign(change, { onDuty: false, onDutySince: deleteField() });
    if (Object.keys(change).length > 0) await save(change);
  }

  /** «Заступить на смену»: back to the shift ended early, or a manual start (12 hours) stamped by the server. */
  async function startDuty(): Promise<void> {
    failure.value = null;
    problem.value = null;
    if (!uid.value || !entry.value) return;
    const start = startDutyChange(schedule.value, uid.value, Date.now());
    const change: UpdateData<StaffMember> = start.clearOffUntil ? { offUntil: deleteField() } : {};
    if (start.kind === 'manual-start') Object.assign(change, { onDuty: true, onDutySince: serverTimestamp() });
    await save(change);
  }

  return {
    uid,
    locationId,
    timezone,
    onRoster: computed(() => entry.value !== null),
    ready,
    duty,
    nextStartMillis,
    comingShifts,
    myOverrides,
    nameOf: shiftsStore.nameOf,
    now,
    status,
    saving,
    failure,
    problem,
    endDuty,
    startDuty,
  };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDutyStore, import.meta.hot));
