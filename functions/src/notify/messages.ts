// What the pushes say: pure, so wording and links are unit-tested.
import { arrivalMillisLeft, type SosRequest, type TimestampLike } from '@sos/model';
import type { PushMessage } from '../push';

export type RequestContext = Pick<SosRequest<TimestampLike>, 'locationName' | 'objectName' | 'requester' | 'createdAt' | 'deadlineAt'>;

export const staffLink = (requestId: string): string => `/staff?request=${encodeURIComponent(requestId)}`;
export const requesterLink = (requestId: string): string => `/sos/${encodeURIComponent(requestId)}`;

/** "осталось 10 мин" — whole minutes, rounded up, so a live request never reads 0. */
export function timeLeftLabel(request: Pick<SosRequest<TimestampLike>, 'createdAt' | 'deadlineAt'>, nowMillis: number): string {
  const left = arrivalMillisLeft(request, nowMillis);
  if (left === null) return '';
  return left === 0 ? 'время прибытия истекло' : `осталось ${Math.ceil(left / 60_000)} мин`;
}

/** The push to staff about an open request; `round` > 0 for an escalation. */
export function staffPushMessage(requestId: string, request: RequestContext, nowMillis: number, round = 0): PushMessage {
  const place = request.objectName ?? 'место не указано (экстренный вызов)';
  const who = request.requester?.name;
  const prefix = round > 0 ? `SOS — никто не принял (эскалация ${round})` : 'SOS';
  return {
    title: `${prefix}: ${request.locationName ?? ''}`.trim(),
    body: [place, who, timeLeftLabel(request, nowMillis)].filter(Boolean).join(' · '),
    link: staffLink(requestId),
    tag: `sos-${requestId}`,
    data: { requestId, kind: round > 0 ? 'escalation' : 'open', round: String(round) },
  };
}

/** The push to the resident once someone has claimed their request. */
export function requesterAckMessage(requestId: string, request: Pick<SosRequest<TimestampLike>, 'ackByName'>): PushMessage {
  return {
    title: 'Ваш вызов принят',
    body: `${request.ackByName ?? 'Сотрудник'} уже идёт к вам`,
    link: requesterLink(requestId),
    tag: `sos-${requestId}`,
    data: { requestId, kind: 'acknowledged' },
  };
}
