// The objects a resident can pick on the request form, from their home location.
import { computed, toValue, type MaybeRefOrGetter } from 'vue';
import { selectableObjectOptions } from '@sos/model';
import { refs } from '../firebase/refs';
import { useLiveQuery } from './useLive';
import { liveStatus, type LiveStatus } from './liveStatus';

/** `homeStatus`: the home location as the form waits for it (its phone is on the same screen). */
export function liveObjectOptions(locationId: MaybeRefOrGetter<string | null>, homeStatus: MaybeRefOrGetter<LiveStatus>) {
  const objects = useLiveQuery(
    () => {
      const id = toValue(locationId);
      return id ? refs.objects(id) : null;
    },
    () => toValue(locationId) ?? '',
  );
  return {
    options: computed(() => selectableObjectOptions(objects.items.value)),
    /** The form waits for the home location and its objects. */
    status: liveStatus(() => [toValue(homeStatus), ...(toValue(locationId) ? [objects] : [])]),
  };
}
