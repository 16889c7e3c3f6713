// What the duty watch's messages say, in each locale (Russian first; `en` is typed by `ru`). Times are the location's.
import { zonedWallTime, type Locale } from '@sos/model';
import type { DutyNoticeSubject } from './planDutyWatch';

/** «20:00», or «20:00, 08.12» when not the same local day as `nowMillis`. */
export function wallTimeLabel(timezone: string, instant: number, nowMillis: number): string {
  const at = zonedWallTime(timezone, instant);
  if (at.date === zonedWallTime(timezone, nowMillis).date) return at.time;
  const [, month, day] = at.date.split('-');
  return `${at.time}, ${day}.${month}`;
}

const ru = {
  gapTitle: 'Скоро никого на смене',
  gapBody: (place: string, from: string, until: string | null) =>
    until
      ? `${place}: с ${from} до ${until} нет дежурного первой линии. Назначьте кого-нибудь в разделе «Смены».`
      : `${place}: с ${from} нет дежурного первой линии, и смен дальше нет. Назначьте кого-нибудь в разделе «Смены».`,
  gapCoveredTitle: 'Пробел в сменах закрыт',
  gapCoveredBody: (place: string, from: string) => `${place}: на ${from} дежурный есть. Предупреждение снято.`,
  reminderTitle: 'Скоро ваша смена',
  reminderBody: (place: string, from: string, until: string | null) => (until ? `${place}: смена с ${from} до ${until}.` : `${place}: смена с ${from}.`),
  endedTitle: 'Смена закончилась',
  endedBody: (place: string) => `${place}: вы больше не на смене, вызовы вам не приходят.`,
};

type DutyTexts = typeof ru;

const en: DutyTexts = {
  gapTitle: 'Nobody on duty soon',
  gapBody: (place, from, until) =>
    until
      ? `${place}: nobody on first-line duty from ${from} to ${until}. Put someone on in "Shifts".`
      : `${place}: nobody on first-line duty from ${from}, and no shifts after that. Put someone on in "Shifts".`,
  gapCoveredTitle: 'Gap in shifts covered',
  gapCoveredBody: (place, from) => `${place}: someone is on duty at ${from}. The warning is called off.`,
  reminderTitle: 'Your shift starts soon',
  reminderBody: (place, from, until) => (until ? `${place}: your shift from ${from} to ${until}.` : `${place}: your shift from ${from}.`),
  endedTitle: 'Your shift has ended',
  endedBody: (place) => `${place}: you are off duty now; calls no longer come to you.`,
};

const TEXTS: Record<Locale, DutyTexts> = { ru, en };

/** A notice's title and body in the reader's language. */
export function dutyNoticeWords(
  locale: Locale,
  subject: DutyNoticeSubject,
  place: { name: string; timezone: string },
  nowMillis: number,
): { title: string; body: string } {
  const texts = TEXTS[locale];
  const time = (instant: number) => wallTimeLabel(place.timezone, instant, nowMillis);
  switch (subject.kind) {
    case 'gap':
      return { title: texts.gapTitle, body: texts.gapBody(place.name, time(subject.startMillis), subject.endMillis === null ? null : time(subject.endMillis)) };
    case 'gap-covered':
      return { title: texts.gapCoveredTitle, body: texts.gapCoveredBody(place.name, time(subject.startMillis)) };
    case 'shift-start':
      return {
        title: texts.reminderTitle,
        body: texts.reminderBody(place.name, time(subject.startMillis), subject.endMillis === null ? null : time(subject.endMillis)),
      };
    case 'shift-end':
      return { title: texts.endedTitle, body: texts.endedBody(place.name) };
  }
}
