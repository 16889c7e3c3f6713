// The admins' "People" list of a location (members, with duty for staff), and changes to it through callables.
import { computed, ref, toValue, type MaybeRefOrGetter } from 'vue';
import type { Role } from '@sos/model';
import { callables } from '../firebase/functions';
import { peopleRefs, refs } from '../firebase/refs';
import { useLiveQuery } from './useLive';
import { liveStatus } from './liveStatus';
import { callableFailure, type CallableFailure } from './callableFailure';

/** Listens while the calling screen is open; follows `locationId` (the admin's chosen location). */
export function livePeople(locationId: MaybeRefOrGetter<string | null>) {
  const key = () => toValue(locationId) ?? '';
  const members = useLiveQuery(() => {
    const id = toValue(locationId);
    return id ? peopleRefs.members(id) : null;
  }, key);
  const roster = useLiveQuery(() => {
    const id = toValue(locationId);
    return id ? refs.staff(id) : null;
  }, key);
  /** Everyone of the location by name; `onDuty` is null for people not on the roster. */
  const people = computed(() => {
    const duty = new Map(roster.items.value.map((entry) => [entry.id, entry.onDuty]));
    return members.items.value.map((member) => ({ ...member, onDuty: duty.get(member.id) ?? null })).sort((a, b) => a.name.localeCompare(b.name));
  });
  const status = liveStatus([members, roster]);
  /** The uid whose change is in flight, and the last failure with whom it was about. */
  const busyUid = ref<string | null>(null);
  const failure = ref<(CallableFailure & { uid: string }) | null>(null);

  async function change(uid: string, work: (location: string) => Promise<unknown>): Promise<boolean> {
    const id = toValue(locationId);
    if (!id || busyUid.value) return false;
    busyUid.value = uid;
    failure.value = null;
    try {
      await work(id);
      return true;
    } catch (error) {
      failure.value = { ...callableFailure(error), uid };
      return false;
    } finally {
      busyUid.value = null;
    }
  }

  const setRole = (uid: string, role: Role) => change(uid, (location) => callables.setMemberRole({ locationId: location, uid, role }));
  const remove = (uid: string) => change(uid, (location) => callables.removeMember({ locationId: location, uid }));

  return { people, status, busyUid, failure, setRole, remove };
}
