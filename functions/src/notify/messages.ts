// What the pushes say, in the recipient's locale: pure, so wording and links are unit-tested.
import { arrivalMillisLeft, kindOf, type Locale, type Requester, type SosRequest, type TimestampLike } from '@sos/model';
import type { PushMessage } from '../push';
import { textsFor, type ServerTexts } from './texts';

export type RequestContext = Pick<SosRequest<TimestampLike>, 'locationName' | 'objectName' | 'requester' | 'createdAt' | 'deadlineAt' | KindFields>;

type KindFields = 'source' | 'kind' | 'silent';

/** What a staff push's title starts with: the kind in the recipient's language, or the silent call's warning. */
export const titleHead = (texts: ServerTexts, request: Pick<SosRequest<TimestampLike>, KindFields>): string =>
  request.silent === true ? texts.silentCall : texts.kinds[kindOf(request)];

/** Where, in a staff push's title: the place when there is one, else the location. */
export const titlePlace = (request: Pick<SosRequest<TimestampLike>, 'locationName' | 'objectName'>): string => request.objectName ?? request.locationName ?? '';

export const staffLink = (requestId: string): string => `/staff?request=${encodeURIComponent(requestId)}`;
export const requesterLink = (requestId: string): string => `/sos/${encodeURIComponent(requestId)}`;

/** The requester as staff read them: a visitor's stored name is the Russian «Посетитель», so it is translated. */
export const requesterName = (texts: ServerTexts, requester: Requester | undefined): string | undefined =>
  requester?.visitor ? texts.visitor : requester?.name;

/** "осталось 10 мин" — whole minutes, rounded up, so a live request never reads 0. */
export function timeLeftLabel(locale: Locale, request: Pick<SosRequest<TimestampLike>, 'createdAt' | 'deadlineAt'>, nowMillis: number): string {
  const texts = textsFor(locale);
  const left = arrivalMillisLeft(request, nowMillis);
  if (left === null) return '';
  return left === 0 ? texts.arrivalTimeOver : texts.minutesLeft(Math.ceil(left / 60_000));
}

/** The push to staff about an open request; `round` > 0 for an escalation. */
export function staffPushMessage(locale: Locale, requestId: string, request: RequestContext, nowMillis: number, round = 0): PushMessage {
  const texts = textsFor(locale);
  const head = titleHead(texts, request);
  const place = titlePlace(request);
  return {
    title: (round > 0 ? texts.escalationTitle(head, round, place) : `${head} — ${place}`).trim(),
    body: [request.objectName ? request.locationName : texts.noPlace, requesterName(texts, request.requester), timeLeftLabel(locale, request, nowMillis)]
      .filter(Boolean)
      .join(' · '),
    link: staffLink(requestId),
    tag: `sos-${requestId}`,
    data: { requestId, kind: round > 0 ? 'escalation' : 'open', round: String(round) },
  };
}

/** The push to the resident once someone has claimed their request. */
export function requesterAckMessage(locale: Locale, requestId: string, request: Pick<SosRequest<TimestampLike>, 'ackByName'>): PushMessage {
  const texts = textsFor(locale);
  return {
    title: texts.ackTitle,
    body: texts.ackBody(request.ackByName),
    link: requesterLink(requestId),
    tag: `sos-${requestId}`,
    data: { requestId, kind: 'acknowledged' },
  };
}
