// One location's duty schedule (its shifts, overrides and roster, live) in the shape the model's `onDutyAt` reads, for
// a screen that asks who is on duty there now, whichever location the admin has chosen elsewhere.
import { computed, toValue, type MaybeRefOrGetter } from 'vue';
import type { DutySchedule } from '@sos/model';
import { refs, shiftRefs } from '../firebase/refs';
import { useLiveQuery } from './useLive';
import { liveStatus } from './liveStatus';

/** Listens while the calling component lives; `schedule` is null until all three lists have answered. */
export function liveDutySchedule(locationId: MaybeRefOrGetter<string>, timezone: MaybeRefOrGetter<string>) {
  const key = () => toValue(locationId);
  const shifts = useLiveQuery(() => shiftRefs.shifts(toValue(locationId)), key);
  const overrides = useLiveQuery(() => shiftRefs.overrides(toValue(locationId)), key);
  const roster = useLiveQuery(() => refs.staff(toValue(locationId)), key);
  const status = liveStatus([shifts, overrides, roster]);
  const schedule = computed<DutySchedule | null>(() =>
    status.value.loaded && !status.value.error
      ? {
          timezone: toValue(timezone),
          shifts: shifts.items.value,
          overrides: overrides.items.value,
          roster: Object.fromEntries(roster.items.value.map((member) => [member.id, member])),
        }
      : null,
  );
  return { schedule, status };
}
