// Who is told that staff are late, and what the push says: pure, so both are unit-tested.
import type { SosRequest, TimestampLike } from '@sos/model';
import type { PushMessage } from '../push';
import type { RosterEntry } from '../notify/audience';
import { staffLink } from '../notify/messages';

/** The claimer, every on-duty staff member of the location (any tier) and the location's admins. */
export function overdueAudience(roster: readonly RosterEntry[], admins: readonly string[] | undefined, claimer: string | undefined): string[] {
  const uids = [...roster.filter(({ member }) => member.onDuty).map(({ uid }) => uid), ...(admins ?? [])];
  if (claimer) uids.push(claimer);
  return [...new Set(uids)].sort();
}

type OverdueContext = Pick<SosRequest<TimestampLike>, 'locationName' | 'objectName' | 'requester' | 'ackByName' | 'deadlineAt'>;

export function overduePushMessage(requestId: string, request: OverdueContext, repeat: number, nowMillis: number): PushMessage {
  const lateMinutes = request.deadlineAt ? Math.max(0, Math.floor((nowMillis - request.deadlineAt.toMillis()) / 60_000)) : 0;
  const place = request.objectName ?? 'место не указано (экстренный вызов)';
  return {
    title: `SOS — опоздание: ${request.locationName ?? ''}`.trim(),
    body: [
      place,
      request.requester?.name,
      `принял ${request.ackByName ?? 'сотрудник'}, ещё не на месте`,
      lateMinutes > 0 ? `опоздание ${lateMinutes} мин` : 'время прибытия истекло',
    ]
      .filter(Boolean)
      .join(' · '),
    link: staffLink(requestId),
    tag: `sos-${requestId}`,
    data: { requestId, kind: 'arrival_overdue', repeat: String(repeat) },
  };
}
