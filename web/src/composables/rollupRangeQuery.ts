// The one query of a location's daily rollups over a range of days: the statistics screen listens to it, and the bench
// counts its reads (bench/run.ts). Its limit is what the rules require of a list (firestore.rules, `daily`): a year
// of one location costs at most MAX_ROLLUP_RANGE_DAYS reads, whatever range is asked.
import { limit, orderBy, query, where, type CollectionReference, type Query } from 'firebase/firestore';
import { MAX_ROLLUP_RANGE_DAYS, type DailyRollup } from '@sos/model';

/** `days`: a location's `daily` collection (reportRefs.dailyRollups); `from`..`to`: local dates, both included. */
export function rollupRangeQuery(days: CollectionReference<DailyRollup>, from: string, to: string): Query<DailyRollup> {
  return query(days, where('day', '>=', from), where('day', '<=', to), orderBy('day'), limit(MAX_ROLLUP_RANGE_DAYS));
}
