// Who is told that staff are late, and what the push says: pure, so both are unit-tested.
import type { Locale, SosRequest, TimestampLike } from '@sos/model';
import type { PushMessage } from '../push';
import type { RosterEntry } from '../notify/audience';
import { requesterName, staffLink, titleHead, titlePlace } from '../notify/messages';
import { textsFor } from '../notify/texts';

/** The claimer, every on-duty staff member of the location (any tier) and the location's admins. */
export function overdueAudience(roster: readonly RosterEntry[], admins: readonly string[] | undefined, claimer: string | undefined): string[] {
  const uids = [...roster.filter(({ member }) => member.onDuty).map(({ uid }) => uid), ...(admins ?? [])];
  if (claimer) uids.push(claimer);
  return [...new Set(uids)].sort();
}

type OverdueContext = Pick<SosRequest<TimestampLike>, 'locationName' | 'objectName' | 'requester' | 'ackByName' | 'deadlineAt' | 'source' | 'kind' | 'silent'>;

export function overduePushMessage(locale: Locale, requestId: string, request: OverdueContext, repeat: number, nowMillis: number): PushMessage {
  const texts = textsFor(locale);
  const lateMinutes = request.deadlineAt ? Math.max(0, Math.floor((nowMillis - request.deadlineAt.toMillis()) / 60_000)) : 0;
  return {
    title: texts.overdueTitle(titleHead(texts, request), titlePlace(request)).trim(),
    body: [
      request.objectName ? request.locationName : texts.noPlace,
      requesterName(texts, request.requester),
      texts.claimedNotOnSite(request.ackByName),
      lateMinutes > 0 ? texts.minutesLate(lateMinutes) : texts.arrivalTimeOver,
    ]
      .filter(Boolean)
      .join(' · '),
    link: staffLink(requestId),
    tag: `sos-${requestId}`,
    data: { requestId, kind: 'arrival_overdue', repeat: String(repeat) },
  };
}
