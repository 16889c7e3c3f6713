// A claim from a channel (Telegram «Принять», an SMS "1", a call's key 1), decided purely: the same rule as the app's
// claim, first one wins; the claimer must be staff (or an admin) of the request's location, by that verified method.
import type { Role, SosRequest, TimestampLike } from '@sos/model';

/** What the claimer is told, on their own channel. */
export type ClaimAnswer = { result: 'claimed'; name: string } | { result: 'taken'; name: string } | { result: 'closed' } | { result: 'refused' };

export interface Claimer {
  /** The method the claim came from, as stored: it must be the claimer's, verified, of this channel and address. */
  contact: { kind: string; address: string; verified: boolean } | undefined;
  channel: string;
  address: string;
  /** Their membership of the request's location, and the name of their roster entry there: the one a claim carries. */
  role: Role | undefined;
  rosterName: string | undefined;
}

export function decideChannelClaim(request: Pick<SosRequest<TimestampLike>, 'status' | 'ackByName'> | undefined, claimer: Claimer): ClaimAnswer {
  const { contact } = claimer;
  const ownsMethod = contact?.verified === true && contact.kind === claimer.channel && contact.address === claimer.address;
  const serves = claimer.role === 'staff' || claimer.role === 'admin';
  // As in the app, only someone on the location's roster claims (admins are on it too), under the name the admins gave.
  const name = claimer.rosterName;
  if (!request || !ownsMethod || !serves || !name) return { result: 'refused' };
  if (request.status === 'open') return { result: 'claimed', name };
  if (request.status === 'acknowledged' || request.status === 'on_site') return { result: 'taken', name: request.ackByName ?? '' };
  return { result: 'closed' };
}

/** An SMS reply: `1` or «ДА» (any case, spaces around) accepts; `STOP` unsubscribes; anything else is not for us. */
export function smsIntent(body: unknown): 'accept' | 'stop' | null {
  const text = typeof body === 'string' ? body.trim().toUpperCase() : '';
  if (text === '1' || text === 'ДА') return 'accept';
  if (text === 'STOP') return 'stop';
  return null;
}
