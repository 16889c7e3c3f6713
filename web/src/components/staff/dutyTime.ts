// How the staff screens say a duty time: on the location's wall clock (its time zone, not the phone's), and relative
// to today there: «до 08:00», «до завтра 08:00», «пт 12 июн. 20:00».

/** Where an instant falls against a reference day, both read in the location's zone. */
export type DutyDay = 'today' | 'tomorrow' | 'later';

export interface DutyMoment {
  day: DutyDay;
  /** 24-hour `HH:MM` on the location's clock. */
  time: string;
  /** Short weekday in the language given («пт», "Fri"). */
  weekday: string;
  /** Day and short month in the language given («12 июн.», "12 Jun"). */
  date: string;
  /** For `<time datetime>`. */
  iso: string;
}

const DAY_MS = 86_400_000;
const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let formatter = formats.get(key);
  if (!formatter) formats.set(key, (formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone })));
  return formatter;
}

/** The local calendar day of an instant in the zone, as days since 1970-01-01. */
function localDay(instant: number, timeZone: string): number {
  const parts = format('en-US', timeZone, { year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return Math.round(Date.UTC(field('year'), field('month') - 1, field('day')) / DAY_MS);
}

/** A known IANA zone, or UTC for a location saved with one the platform does not know (as the model's duty does). */
function zoneOrUtc(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** `instant` on the location's clock, with its day relative to the day of `reference` there. */
export function dutyMoment(instant: number, reference: number, timeZone: string, locale: string): DutyMoment {
  const zone = zoneOrUtc(timeZone);
  const days = localDay(instant, zone) - localDay(reference, zone);
  const time = format('en-GB', zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
  return {
    day: days === 0 ? 'today' : days === 1 ? 'tomorrow' : 'later',
    time,
    weekday: format(locale, zone, { weekday: 'short' }).format(instant),
    date: format(locale, zone, { day: 'numeric', month: 'short' }).format(instant),
    iso: new Date(instant).toISOString(),
  };
}
