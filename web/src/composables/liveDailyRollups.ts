// A location's daily rollups over a range of days, for the statistics screen. A listener rather than a one-time get:
// its first answer costs the same (one read per day that has a document, one when none has), past days never change
// so they cost nothing more, and today's document, counted as events happen, keeps "today" live at one read per
// change. The SDK shares one listener between identical queries (the page's location and its row in the table of
// every building).
import { toValue, type MaybeRefOrGetter } from 'vue';
import type { DailyRollup } from '@sos/model';
import { reportRefs } from '../firebase/refs';
import type { DayRange } from '../components/admin/stats/statsRange';
import { rollupRangeQuery } from './rollupRangeQuery';
import { useLiveQuery } from './useLive';
import { liveStatus } from './liveStatus';

/** Nothing is read while there is no location or no valid range (`null`). */
export function liveDailyRollups(locationId: MaybeRefOrGetter<string | null>, range: MaybeRefOrGetter<DayRange | null>) {
  const live = useLiveQuery<DailyRollup>(
    () => {
      const id = toValue(locationId);
      const days = toValue(range);
      return id && days ? rollupRangeQuery(reportRefs.dailyRollups(id), days.from, days.to) : null;
    },
    () => {
      const days = toValue(range);
      return `${toValue(locationId)}:${days ? `${days.from}..${days.to}` : ''}`;
    },
  );
  return { rollups: live.items, status: liveStatus([live]) };
}
