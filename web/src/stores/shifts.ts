// The admin's «Смены»: the chosen location's weekly shifts, duty overrides and roster, live, and the writes that change
// them (straight to Firestore through typed refs; firestore.rules check each exactly as the model's validators do).
import { acceptHMRUpdate, defineStore, storeToRefs } from 'pinia';
import { computed } from 'vue';
import { deleteDoc, doc, setDoc, Timestamp } from 'firebase/firestore';
import type { DutyOverride, DutySchedule, OverrideAction, Shift } from '@sos/model';
import { refs, shiftRefs } from '../firebase/refs';
import { useLiveQuery } from '../composables/useLive';
import { liveStatus } from '../composables/liveStatus';
import { useServedLocationsStore } from './servedLocations';
import { useSessionStore } from './session';

/** An override as the form has it: its times as instants, null where what was typed is not a time. */
export interface OverrideDraft {
  uid: string;
  action: OverrideAction;
  withUid: string;
  startMillis: number | null;
  endMillis: number | null;
}

/** A location saved without a zone reads its shifts in Moscow time, the product's home zone. */
export const FALLBACK_TIMEZONE = 'Europe/Moscow';

export const useShiftsStore = defineStore('shifts', () => {
  const served = useServedLocationsStore();
  const { ids: locationIds, locationId, location } = storeToRefs(served);
  const { uid: writerUid } = storeToRefs(useSessionStore());
  const key = () => locationId.value ?? '';
  const shiftsLive = useLiveQuery(() => (locationId.value ? shiftRefs.shifts(locationId.value) : null), key);
  const overridesLive = useLiveQuery(() => (locationId.value ? shiftRefs.overrides(locationId.value) : null), key);
  const rosterLive = useLiveQuery(() => (locationId.value ? refs.staff(locationId.value) : null), key);

  const timezone = computed(() => location.value?.timezone || FALLBACK_TIMEZONE);
  const shifts = shiftsLive.items;
  const overrides = overridesLive.items;
  /** The roster by name: the people a shift or an override may name. */
  const roster = computed(() => [...rosterLive.items.value].sort((a, b) => a.name.localeCompare(b.name)));
  const rosterById = computed(() => new Map(roster.value.map((member) => [member.id, member])));
  const nameOf = (uid: string) => rosterById.value.get(uid)?.name ?? uid;
  /** What the model's validators check a person against. */
  const people = computed(() => ({ roster: Object.fromEntries(roster.value.map((member) => [member.id, member])) }));
  const schedule = computed<DutySchedule>(() => ({
    timezone: timezone.value,
    shifts: shifts.value,
    overrides: overrides.value,
    roster: people.value.roster,
  }));

  function requireLocation(): string {
    if (!locationId.value) throw new Error('no location to administer');
    return locationId.value;
  }

  /** Saves a shift whole (a new one when `shiftId` is null); returns its id. */
  async function saveShift(shiftId: string | null, shift: Shift): Promise<string> {
    const id = requireLocation();
    const reference = shiftId ? shiftRefs.shift(id, shiftId) : doc(shiftRefs.shifts(id));
    await setDoc(reference, shift);
    return reference.id;
  }

  async function deleteShift(shiftId: string): Promise<void> {
    await deleteDoc(shiftRefs.shift(requireLocation(), shiftId));
  }

  /** The document the draft would write, under the signed-in admin's name, for the model's validator to check. */
  function overrideValue({ uid, action, withUid, startMillis, endMillis }: OverrideDraft) {
    const time = (millis: number | null) => (millis === null ? null : Timestamp.fromMillis(millis));
    return { uid, action, ...(action === 'swap' ? { withUid } : {}), start: time(startMillis), end: time(endMillis), createdBy: writerUid.value ?? '' };
  }

  /** Writes an override that passed validateDutyOverride (its times are the Timestamps overrideValue made). */
  async function addOverride(override: DutyOverride): Promise<string> {
    const reference = doc(shiftRefs.overrides(requireLocation()));
    await setDoc(reference, override as DutyOverride<Timestamp>);
    return reference.id;
  }

  async function deleteOverride(overrideId: string): Promise<void> {
    await deleteDoc(shiftRefs.override(requireLocation(), overrideId));
  }

  return {
    locationIds,
    locationId,
    timezone,
    shifts,
    overrides,
    roster,
    nameOf,
    people,
    writerUid,
    schedule,
    /** Shifts, overrides and roster, as the screen waits for them. */
    status: liveStatus([shiftsLive, overridesLive, rosterLive]),
    saveShift,
    deleteShift,
    overrideValue,
    addOverride,
    deleteOverride,
  };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useShiftsStore, import.meta.hot));
