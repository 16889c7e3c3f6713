// Pure decisions of the people callables: who may do what, and what changes. No I/O here.
import {
  INVITE_HOURS,
  INVITE_MAX_USES,
  INVITE_ROLES,
  ROLES,
  higherRole,
  isInviteCode,
  type Claims,
  type DescribeInviteResult,
  type InviteRole,
  type PeopleRefusal,
  type Role,
} from '@sos/model';

/** The HttpsError codes the contract names. */
export type RefusalCode = 'invalid-argument' | 'permission-denied' | 'not-found' | 'failed-precondition' | 'unauthenticated';

export interface Refusal {
  code: RefusalCode;
  reason: PeopleRefusal;
  message: string;
}

export class PeopleRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

function refuse(code: RefusalCode, reason: PeopleRefusal, message: string): never {
  throw new PeopleRefused({ code, reason, message });
}

const ID_PATTERN = /^[^/]{1,128}$/;
function id(value: unknown, reason: PeopleRefusal, what: string): string {
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) refuse('invalid-argument', reason, `${what} must be a document id`);
  return value;
}
function record(data: unknown): Record<string, unknown> {
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
}
function integerIn(value: unknown, fallback: number, range: { min: number; max: number }, reason: PeopleRefusal, what: string): number {
  const number = value === undefined || value === null ? fallback : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < range.min || number > range.max) {
    refuse('invalid-argument', reason, `${what} must be a whole number in ${range.min}..${range.max}`);
  }
  return number;
}

export function isAdminOf(claims: Claims, locationId: string): boolean {
  return claims.role === 'admin' && claims.locationIds.includes(locationId);
}

function requireAdmin(claims: Claims, locationId: string): void {
  if (!isAdminOf(claims, locationId)) refuse('permission-denied', 'not-admin', 'only an admin of this location may do this');
}

/** Claims as the Admin SDK returns them (anything may be missing). */
export function parseClaims(raw: Record<string, unknown> | undefined): Claims {
  const role = ROLES.includes(raw?.role as Role) ? (raw?.role as Role) : 'resident';
  const locationIds = Array.isArray(raw?.locationIds) ? raw.locationIds.filter((value): value is string => typeof value === 'string') : [];
  return { role, locationIds };
}

// ---- createInvite ----

export interface InviteDraft {
  locationId: string;
  role: InviteRole;
  maxUses: number;
  expiresInHours: number;
}

export function decideCreateInvite(data: unknown, caller: Claims): InviteDraft {
  const input = record(data);
  const locationId = id(input.locationId, 'invalid-location', 'locationId');
  if (!INVITE_ROLES.includes(input.role as InviteRole)) refuse('invalid-argument', 'invalid-role', 'role must be resident or staff');
  const maxUses = integerIn(input.maxUses, INVITE_MAX_USES.default, INVITE_MAX_USES, 'invalid-max-uses', 'maxUses');
  const expiresInHours = integerIn(input.expiresInHours, INVITE_HOURS.default, INVITE_HOURS, 'invalid-hours', 'expiresInHours');
  requireAdmin(caller, locationId);
  return { locationId, role: input.role as InviteRole, maxUses, expiresInHours };
}

export function parseInviteCode(data: unknown): string {
  const code = record(data).code;
  if (typeof code !== 'string' || !isInviteCode(code)) refuse('invalid-argument', 'invalid-code', 'code is not an invitation code');
  return code;
}

// ---- acceptInvite ----

export interface InviteState {
  locationId: string;
  role: InviteRole;
  expiresAtMillis: number;
  maxUses: number;
  uses: number;
  revoked: boolean;
  acceptedBy: string[];
}

export type AcceptDecision =
  | { kind: 'replay'; answer: { locationId: string; role: InviteRole } }
  | { kind: 'accept'; answer: { locationId: string; role: InviteRole }; claims: Claims; joinsRoster: boolean };

/**
 * The invitation's own state, read alike by describing and accepting it: who already joined by it may come back to
 * it (a replay) even once it has expired or was used up; anyone else only while it is open.
 */
function openInvite(invite: InviteState | undefined, uid: string | null, nowMillis: number): { open: InviteState; replay: boolean } {
  if (!invite) refuse('not-found', 'unknown-code', 'no invitation has this code');
  if (uid !== null && invite.acceptedBy.includes(uid)) return { open: invite, replay: true };
  if (invite.revoked) refuse('failed-precondition', 'revoked', 'this invitation was revoked');
  if (invite.expiresAtMillis <= nowMillis) refuse('failed-precondition', 'expired', 'this invitation has expired');
  if (invite.uses >= invite.maxUses) refuse('failed-precondition', 'used-up', 'this invitation has been used up');
  return { open: invite, replay: false };
}

/**
 * One role per person across all their locations (claims are `role` + `locationIds`), so a person
 * who already belongs elsewhere may join only with the role they have: otherwise the new role would
 * leak to (or from) their other locations.
 */
export function decideAccept(invite: InviteState | undefined, uid: string, caller: Claims, nowMillis: number): AcceptDecision {
  const { open, replay } = openInvite(invite, uid, nowMillis);
  const answer = { locationId: open.locationId, role: open.role };
  if (replay) return { kind: 'replay', answer };
  const elsewhere = caller.locationIds.filter((locationId) => locationId !== open.locationId);
  if (elsewhere.length > 0 && caller.role !== open.role) {
    refuse('failed-precondition', 'role-conflict', `you already belong to another location as ${caller.role}`);
  }
  const locationIds = caller.locationIds.includes(open.locationId) ? caller.locationIds : [...caller.locationIds, open.locationId];
  const role = higherRole(caller.role, open.role);
  return { kind: 'accept', answer, claims: { role, locationIds }, joinsRoster: servesOnRoster(role) };
}

// ---- describeInvite ----

/**
 * What the join page names before «Присоединиться»: the location and the role, to anyone holding the code (`uid` null
 * when signed out), refused for the reasons accepting it would be. The role conflict is left to accepting: it depends
 * on the claims of someone who may not have an account yet.
 */
export function decideDescribe(invite: InviteState | undefined, locationName: string | undefined, uid: string | null, nowMillis: number): DescribeInviteResult {
  const { open } = openInvite(invite, uid, nowMillis);
  return { locationName: locationName ?? '', role: open.role };
}

// ---- setMemberRole / removeMember ----

export interface MemberTarget {
  locationId: string;
  uid: string;
}

export function parseMemberTarget(data: unknown): MemberTarget {
  const input = record(data);
  return { locationId: id(input.locationId, 'invalid-location', 'locationId'), uid: id(input.uid, 'invalid-uid', 'uid') };
}

export function parseRoleChange(data: unknown): MemberTarget & { role: Role } {
  const target = parseMemberTarget(data);
  const role = record(data).role;
  if (!ROLES.includes(role as Role)) refuse('invalid-argument', 'invalid-role', 'role must be resident, staff or admin');
  return { ...target, role: role as Role };
}

export interface MembershipChange {
  claims: Claims;
  /** The location's `admins` after the change. */
  admins: string[];
  roster: 'ensure' | 'remove';
  member: 'upsert' | 'remove';
}

/** Everyone who answers a location's calls, staff and admins, is on its roster: a claim carries the roster name. */
function servesOnRoster(role: Role): boolean {
  return role !== 'resident';
}

interface MemberContext {
  callerUid: string;
  caller: Claims;
  target: Claims;
  /** The location's `admins` now. */
  admins: string[];
}

function isLastAdmin(context: MemberContext, target: MemberTarget): boolean {
  return target.uid === context.callerUid && context.target.role === 'admin' && context.admins.filter((uid) => uid !== context.callerUid).length === 0;
}

export function decideRoleChange(change: MemberTarget & { role: Role }, context: MemberContext): MembershipChange | null {
  requireAdmin(context.caller, change.locationId);
  if (!context.target.locationIds.includes(change.locationId)) refuse('not-found', 'not-a-member', 'this person is not a member of the location');
  if (context.target.role === change.role) return null;
  if (isLastAdmin(context, change)) refuse('failed-precondition', 'last-admin', 'the last admin of a location cannot demote themselves');
  if (context.target.locationIds.some((locationId) => locationId !== change.locationId)) {
    refuse('failed-precondition', 'role-conflict', 'this person belongs to other locations too; their role there would change');
  }
  const others = context.admins.filter((uid) => uid !== change.uid);
  return {
    claims: { role: change.role, locationIds: context.target.locationIds },
    admins: change.role === 'admin' ? [...others, change.uid] : others,
    roster: servesOnRoster(change.role) ? 'ensure' : 'remove',
    member: 'upsert',
  };
}

/** Removing someone who is not (or no longer) a member changes only leftovers: removal is idempotent. */
export function decideRemoval(target: MemberTarget, context: MemberContext): MembershipChange {
  requireAdmin(context.caller, target.locationId);
  if (isLastAdmin(context, target)) refuse('failed-precondition', 'last-admin', 'the last admin of a location cannot remove themselves');
  const locationIds = context.target.locationIds.filter((locationId) => locationId !== target.locationId);
  return {
    claims: { role: locationIds.length === 0 ? 'resident' : context.target.role, locationIds },
    admins: context.admins.filter((uid) => uid !== target.uid),
    roster: 'remove',
    member: 'remove',
  };
}

/** The home location after leaving or joining: kept when still a member, else the first left, else null. */
export function nextHomeLocation(current: string | null | undefined, locationIds: string[]): string | null {
  if (current && locationIds.includes(current)) return current;
  return locationIds[0] ?? null;
}

export function decideRevoke(invite: { locationId: string } | undefined, caller: Claims): void {
  if (!invite) refuse('not-found', 'unknown-code', 'no invitation has this code');
  requireAdmin(caller, invite.locationId);
}
