// Who is pushed, from the duty roster: pure, so the choice is unit-tested.
import type { StaffMember } from '@sos/model';

export interface RosterEntry {
  uid: string;
  member: Pick<StaffMember, 'onDuty' | 'tier'>;
}

/** A new request goes first to the on-duty tier-1 staff only. */
export function openAudience(roster: readonly RosterEntry[]): string[] {
  return unique(roster.filter(({ member }) => member.onDuty && member.tier === 1).map(({ uid }) => uid));
}

/** An escalation goes to every on-duty staff member (any tier) and to the location's admins. */
export function escalationAudience(roster: readonly RosterEntry[], admins: readonly string[] | undefined): string[] {
  return unique([...roster.filter(({ member }) => member.onDuty).map(({ uid }) => uid), ...(admins ?? [])]);
}

function unique(uids: string[]): string[] {
  return [...new Set(uids)].sort();
}
