// What each people callable does: read, decide (decisions.ts), write. Callers' claims are read fresh from Auth.
import { randomBytes } from 'node:crypto';
import { FieldValue, Timestamp, type Transaction, createDoc, db, peopleRefs, readDoc, refs } from '../firestore';
import {
  INVITE_CODE_BYTES,
  higherRole,
  inviteUrl,
  type AcceptInviteResult,
  type Claims,
  type CreateInviteResult,
  type DescribeInviteResult,
  type Role,
} from '@sos/model';
import { peopleLogs } from '../logs';
import { currentClaims, writeClaims } from './claims';
import { localeOf } from '../notify/texts';
import {
  decideAccept,
  decideCreateInvite,
  decideDescribe,
  decideRemoval,
  decideRevoke,
  decideRoleChange,
  nextHomeLocation,
  parseInviteCode,
  parseMemberTarget,
  parseRoleChange,
  type MembershipChange,
  type MemberTarget,
} from './decisions';

const HOUR_MS = 3_600_000;

/** 192 random bits, URL-safe: unguessable, and usable as a document id and in a link. */
export function newInviteCode(): string {
  return randomBytes(INVITE_CODE_BYTES).toString('base64url');
}

export async function createInvite(callerUid: string, data: unknown, origin: string): Promise<CreateInviteResult> {
  const { claims } = await currentClaims(callerUid);
  const draft = decideCreateInvite(data, claims);
  const code = newInviteCode();
  const expiresAt = Timestamp.fromMillis(Date.now() + draft.expiresInHours * HOUR_MS);
  await createDoc(peopleRefs.invite(code), {
    locationId: draft.locationId,
    role: draft.role,
    createdBy: callerUid,
    createdAt: FieldValue.serverTimestamp(),
    expiresAt,
    maxUses: draft.maxUses,
    uses: 0,
    revoked: false,
    acceptedBy: [],
  });
  peopleLogs.inviteCreated(draft.locationId, draft.role, callerUid);
  return { code, url: inviteUrl(origin, code), expiresAt: expiresAt.toDate().toISOString() };
}

export async function acceptInvite(callerUid: string, data: unknown): Promise<AcceptInviteResult> {
  const code = parseInviteCode(data);
  const caller = await currentClaims(callerUid);
  const outcome = await db.runTransaction(async (transaction) => {
    const inviteRef = peopleRefs.invite(code);
    const [inviteSnap, userSnap] = await Promise.all([transaction.get(inviteRef), transaction.get(peopleRefs.profile(callerUid))]);
    const invite = inviteSnap.data();
    const decision = decideAccept(invite && { ...invite, expiresAtMillis: invite.expiresAt.toMillis() }, callerUid, caller.claims, Date.now());
    if (decision.kind === 'replay') {
      // Joined in the profile but not in the claims: the claims write after an earlier commit failed.
      const unfinished = (userSnap.data()?.locationIds ?? []).includes(decision.answer.locationId);
      return { ...decision, unfinished };
    }
    const { locationId } = decision.answer;
    const rosterRef = refs.staffMember(locationId, callerUid);
    const rosterSnap = decision.joinsRoster ? await transaction.get(rosterRef) : null;
    const profile = userSnap.data();
    const name = profile?.displayName || caller.displayName;
    const phone = profile?.phone ?? caller.phone;
    transaction.update(inviteRef, { uses: FieldValue.increment(1), acceptedBy: FieldValue.arrayUnion(callerUid) });
    transaction.set(
      peopleRefs.profile(callerUid),
      {
        displayName: name,
        phone,
        locationIds: decision.claims.locationIds,
        homeLocationId: nextHomeLocation(profile?.homeLocationId, decision.claims.locationIds),
      },
      { merge: true },
    );
    // Merged: a returning member keeps the push throttle their membership document holds.
    transaction.set(
      peopleRefs.member(locationId, callerUid),
      { name, phone, locale: localeOf(profile?.locale), role: decision.claims.role, joinedAt: FieldValue.serverTimestamp() },
      { merge: true },
    );
    if (rosterSnap && !rosterSnap.exists) transaction.create(rosterRef, { name, phone, onDuty: false, tier: 1 });
    return decision;
  });
  if (outcome.kind === 'replay') {
    const { locationId, role } = outcome.answer;
    if (outcome.unfinished && !caller.claims.locationIds.includes(locationId)) {
      await writeClaims(callerUid, { role: higherRole(caller.claims.role, role), locationIds: [...caller.claims.locationIds, locationId] });
    }
    peopleLogs.inviteReplayed(locationId, callerUid);
    return outcome.answer;
  }
  await writeClaims(callerUid, outcome.claims);
  peopleLogs.inviteAccepted(outcome.answer.locationId, callerUid, outcome.answer.role);
  return outcome.answer;
}

/**
 * Anyone from our web app, signed in or not: the code (192 random bits) is the secret, so guessing at codes finds
 * nothing and needs no rate limit; the answer names no ids. Two reads, no write.
 */
export async function describeInvite(callerUid: string | null, data: unknown): Promise<DescribeInviteResult> {
  const code = parseInviteCode(data);
  const invite = (await readDoc(peopleRefs.invite(code))).data();
  const location = invite ? (await readDoc(refs.location(invite.locationId))).data() : undefined;
  return decideDescribe(invite && { ...invite, expiresAtMillis: invite.expiresAt.toMillis() }, location?.name, callerUid, Date.now());
}

export async function revokeInvite(callerUid: string, data: unknown): Promise<{ revoked: true }> {
  const code = parseInviteCode(data);
  const { claims } = await currentClaims(callerUid);
  const locationId = await db.runTransaction(async (transaction) => {
    const snapshot = await transaction.get(peopleRefs.invite(code));
    const invite = snapshot.data();
    decideRevoke(invite, claims);
    if (!invite?.revoked) transaction.update(peopleRefs.invite(code), { revoked: true });
    return invite?.locationId ?? '';
  });
  peopleLogs.inviteRevoked(locationId, callerUid);
  return { revoked: true };
}

/** Applies a membership change in one transaction, then the claims (only when they differ). */
async function changeMembership(
  callerUid: string,
  target: MemberTarget,
  decide: (context: { callerUid: string; caller: Claims; target: Claims; admins: string[] }) => MembershipChange | null,
): Promise<MembershipChange | null> {
  const [caller, person] = await Promise.all([currentClaims(callerUid), currentClaims(target.uid)]);
  const change = await db.runTransaction(async (transaction: Transaction) => {
    const locationRef = refs.location(target.locationId);
    const userRef = peopleRefs.profile(target.uid);
    const memberRef = peopleRefs.member(target.locationId, target.uid);
    const rosterRef = refs.staffMember(target.locationId, target.uid);
    const [locationSnap, userSnap, memberSnap, rosterSnap] = await Promise.all([
      transaction.get(locationRef),
      transaction.get(userRef),
      transaction.get(memberRef),
      transaction.get(rosterRef),
    ]);
    const decided = decide({ callerUid, caller: caller.claims, target: person.claims, admins: locationSnap.data()?.admins ?? [] });
    if (!decided) return null;
    const profile = userSnap.data();
    const name = profile?.displayName || memberSnap.data()?.name || person.displayName;
    const phone = profile?.phone ?? person.phone;
    // The location document is hot (every new request reads it): write it only when its admins change.
    const admins = locationSnap.data()?.admins ?? [];
    if (locationSnap.exists && admins.join() !== decided.admins.join()) transaction.update(locationRef, { admins: decided.admins });
    if (decided.member === 'remove') transaction.delete(memberRef);
    else {
      transaction.set(
        memberRef,
        {
          name,
          phone,
          locale: localeOf(profile?.locale),
          role: decided.claims.role,
          joinedAt: memberSnap.data()?.joinedAt ?? FieldValue.serverTimestamp(),
        },
        { merge: true },
      );
    }
    if (decided.roster === 'remove' && rosterSnap.exists) transaction.delete(rosterRef);
    if (decided.roster === 'ensure' && !rosterSnap.exists) transaction.create(rosterRef, { name, phone, onDuty: false, tier: 1 });
    if (profile) {
      transaction.update(userRef, {
        locationIds: decided.claims.locationIds,
        homeLocationId: nextHomeLocation(profile.homeLocationId, decided.claims.locationIds),
      });
    }
    return decided;
  });
  const claimsChanged = change !== null && (change.claims.role !== person.claims.role || change.claims.locationIds.join() !== person.claims.locationIds.join());
  if (change && person.exists && claimsChanged) await writeClaims(target.uid, change.claims);
  return change;
}

export async function setMemberRole(callerUid: string, data: unknown): Promise<{ role: Role }> {
  const request = parseRoleChange(data);
  await changeMembership(callerUid, request, (context) => decideRoleChange(request, context));
  peopleLogs.memberRoleChanged(request.locationId, request.uid, request.role, callerUid);
  return { role: request.role };
}

export async function removeMember(callerUid: string, data: unknown): Promise<{ removed: true }> {
  const target = parseMemberTarget(data);
  await changeMembership(callerUid, target, (context) => decideRemoval(target, context));
  peopleLogs.memberRemoved(target.locationId, target.uid, callerUid);
  return { removed: true };
}
