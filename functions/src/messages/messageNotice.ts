// Who is pushed about a message and what the push says: pure, so both are unit-tested.
import type { Locale, SosMessage, SosRequest, TimestampLike } from '@sos/model';
import type { PushMessage } from '../push';
import type { RosterEntry } from '../notify/audience';
import { requesterLink, requesterName, staffLink } from '../notify/messages';
import { textsFor } from '../notify/texts';

const PREVIEW_LENGTH = 120;

/**
 * A staff or admin message goes to the requester (not on a silent call: the push would sound on their phone; the
 * thread shows it); the requester's goes to whoever claimed the request, or, while nobody has, to every on-duty staff
 * member of the location. Never back to the author.
 */
export function messageAudience(
  message: Pick<SosMessage<TimestampLike>, 'uid' | 'role'>,
  request: Pick<SosRequest<TimestampLike>, 'uid' | 'ackBy' | 'silent'>,
  roster: readonly RosterEntry[],
): string[] {
  const toRequester = request.silent === true ? [] : [request.uid];
  const uids =
    message.role !== 'requester' ? toRequester : request.ackBy ? [request.ackBy] : roster.filter(({ member }) => member.onDuty).map(({ uid }) => uid);
  return [...new Set(uids)].filter((uid) => uid !== message.uid).sort();
}

/** Whether the audience needs the duty roster (only a requester's message on an unclaimed request). */
export const needsRoster = (message: Pick<SosMessage<TimestampLike>, 'role'>, request: Pick<SosRequest<TimestampLike>, 'ackBy'>): boolean =>
  message.role === 'requester' && !request.ackBy;

/**
 * The push of a message; `count` > 1 when it also announces messages held back by the throttle (at most one message
 * push per recipient and request in 30 s): the title then says how many are new, the body previews the latest.
 */
export function messagePushMessage(
  locale: Locale,
  requestId: string,
  messageId: string,
  message: Pick<SosMessage<TimestampLike>, 'role' | 'text'>,
  request: Pick<SosRequest<TimestampLike>, 'locationName' | 'objectName' | 'requester' | 'grouped'>,
  count = 1,
): PushMessage {
  const texts = textsFor(locale);
  const text = message.text.length > PREVIEW_LENGTH ? `${message.text.slice(0, PREVIEW_LENGTH - 1)}…` : message.text;
  const toRequester = message.role !== 'requester';
  const from = toRequester ? texts.messageFromStaff : texts.messageFrom(requesterName(texts, request.requester) ?? texts.visitor);
  const head = count > 1 ? [texts.newMessages(count), from] : [from];
  return {
    title: (toRequester ? head : [...head, request.objectName ?? request.locationName]).filter(Boolean).join(' · '),
    body: text,
    link: toRequester ? requesterLink(requestId) : staffLink(requestId),
    tag: `sos-${requestId}-messages`,
    data: { requestId, kind: 'message', messageId },
  };
}
