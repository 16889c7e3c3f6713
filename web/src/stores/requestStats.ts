// The requests of the chosen location since the start of a period, for the statistics screen.
// Its own store, so the listener starts only once someone opens the statistics.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { Timestamp, limit, orderBy, query, where } from 'firebase/firestore';
import { periodStartMillis, type SosRequest, type StatsPeriod } from '@sos/model';
import { refs } from '../firebase/refs';
import { useLiveQuery } from '../composables/useLive';
import { useServedLocationsStore } from './servedLocations';

const STATS_LIMIT = 5000;

export const useRequestStatsStore = defineStore('requestStats', () => {
  const served = useServedLocationsStore();
  const period = ref<StatsPeriod>('today');
  /** The period ends at the time the screen was opened, so the query is not rebuilt every second. */
  const asOfMillis = ref(Date.now());
  const timeZone = computed(() => served.location?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const startMillis = computed(() => periodStartMillis(period.value, asOfMillis.value, timeZone.value));

  /** Called when the statistics screen opens: "today" is today again after midnight. */
  function refresh(): void {
    asOfMillis.value = Date.now();
  }
  const live = useLiveQuery<SosRequest<Timestamp>>(
    () =>
      served.locationId
        ? query(
            refs.sosRequests(),
            where('locationId', '==', served.locationId),
            where('createdAt', '>=', Timestamp.fromMillis(startMillis.value)),
            orderBy('createdAt', 'desc'),
            limit(STATS_LIMIT),
          )
        : null,
    () => `${served.locationId}:${startMillis.value}`,
  );

  return { period, timeZone, requests: live.items, loaded: live.loaded, error: live.error, refresh };
});
