// The requests of a location since the start of a period, for the statistics screen (its listener
// starts only when someone opens the statistics).
import { computed, ref, toValue, type MaybeRefOrGetter } from 'vue';
import { Timestamp, limit, orderBy, query, where } from 'firebase/firestore';
import { periodStartMillis, type Location, type SosRequest, type StatsPeriod } from '@sos/model';
import { refs } from '../firebase/refs';
import { useLiveQuery } from './useLive';
import { liveStatus } from './liveStatus';

const STATS_LIMIT = 5000;

/** `locationId` and `location`: the admin's chosen location (its time zone draws the day's bounds). */
export function liveRequestStats(locationId: MaybeRefOrGetter<string | null>, location: MaybeRefOrGetter<Location | null>) {
  const period = ref<StatsPeriod>('today');
  /** The period ends at the time the screen was opened, so the query is not rebuilt every second. */
  const asOfMillis = Date.now();
  const timeZone = computed(() => toValue(location)?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const startMillis = computed(() => periodStartMillis(period.value, asOfMillis, timeZone.value));

  const live = useLiveQuery<SosRequest<Timestamp>>(
    () => {
      const id = toValue(locationId);
      return id
        ? query(
            refs.sosRequests(),
            where('locationId', '==', id),
            where('createdAt', '>=', Timestamp.fromMillis(startMillis.value)),
            orderBy('createdAt', 'desc'),
            limit(STATS_LIMIT),
          )
        : null;
    },
    () => `${toValue(locationId)}:${startMillis.value}`,
  );

  return { period, timeZone, requests: live.items, loaded: live.loaded, error: live.error, status: liveStatus([live]) };
}
