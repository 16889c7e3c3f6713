// How the statistics screen writes its values: durations, shares and local dates, in the chosen language.
import { useI18n } from '../../../i18n';

const formatters = new Map<string, Intl.DateTimeFormat>();
/** A local date (`YYYY-MM-DD`, the day itself: no zone shifts it) as «7 дек.» or «7 декабря 2026 г.». */
function formatDay(day: string, locale: string, style: 'short' | 'long'): string {
  const key = `${locale}:${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = style === 'short' ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'long', year: 'numeric' };
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formatters.set(key, formatter);
  }
  return formatter.format(Date.parse(`${day}T00:00:00Z`));
}

export function useStatsFormat() {
  const { t, locale } = useI18n();
  return {
    /** «42 с», «2 мин 05 с», or «—» when there is nothing to measure. */
    duration(millis: number | null): string {
      if (millis === null) return t('stats.none');
      const seconds = Math.round(millis / 1000);
      return seconds < 60 ? t('stats.seconds', { n: seconds }) : t('stats.minutes', { m: Math.floor(seconds / 60), s: String(seconds % 60).padStart(2, '0') });
    },
    /** «87%», or «—» when nobody had to answer. */
    share: (share: number | null): string => (share === null ? t('stats.none') : `${Math.round(share * 100)}%`),
    day: (day: string): string => formatDay(day, locale.value, 'short'),
    longDay: (day: string): string => formatDay(day, locale.value, 'long'),
  };
}
