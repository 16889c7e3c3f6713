import { describe, expect, it } from 'vitest';
import type { Claims } from '@sos/model';
import { PeopleRefused, type InviteState } from '../decisions';
import {
  decideAccept,
  decideCreateInvite,
  decideDescribe,
  decideRemoval,
  decideRevoke,
  decideRoleChange,
  nextHomeLocation,
  parseInviteCode,
} from '../decisions';

const admin: Claims = { role: 'admin', locationIds: ['A'] };
const CODE = 'abcdefghijklmnopqrstuvwxyz012345';

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof PeopleRefused) return { code: error.refusal.code, reason: error.refusal.reason };
    throw error;
  }
  throw new Error('expected a refusal');
}

const invite = (change: Partial<InviteState> = {}): InviteState => ({
  locationId: 'A',
  role: 'staff',
  expiresAtMillis: 2_000,
  maxUses: 2,
  uses: 0,
  revoked: false,
  acceptedBy: [],
  ...change,
});

describe('createInvite decision', () => {
  it('fills the defaults: one use, 168 hours', () => {
    expect(decideCreateInvite({ locationId: 'A', role: 'resident' }, admin)).toEqual({
      locationId: 'A',
      role: 'resident',
      maxUses: 1,
      expiresInHours: 168,
    });
  });
  it('refuses a bad role, uses outside 1..1000 and hours outside 1..2160', () => {
    expect(refusal(() => decideCreateInvite({ locationId: 'A', role: 'admin' }, admin))).toEqual({ code: 'invalid-argument', reason: 'invalid-role' });
    expect(refusal(() => decideCreateInvite({ locationId: 'A' }, admin))).toEqual({ code: 'invalid-argument', reason: 'invalid-role' });
    for (const maxUses of [0, 1001, 1.5, '3']) {
      expect(refusal(() => decideCreateInvite({ locationId: 'A', role: 'staff', maxUses }, admin)).reason).toBe('invalid-max-uses');
    }
    for (const expiresInHours of [0, 2161]) {
      expect(refusal(() => decideCreateInvite({ locationId: 'A', role: 'staff', expiresInHours }, admin)).reason).toBe('invalid-hours');
    }
    expect(decideCreateInvite({ locationId: 'A', role: 'staff', maxUses: 1000, expiresInHours: 2160 }, admin).maxUses).toBe(1000);
  });
  it('lets only an admin of that location invite', () => {
    expect(refusal(() => decideCreateInvite({ locationId: 'B', role: 'staff' }, admin)).code).toBe('permission-denied');
    expect(refusal(() => decideCreateInvite({ locationId: 'A', role: 'staff' }, { role: 'staff', locationIds: ['A'] })).code).toBe('permission-denied');
  });
});

describe('describeInvite decision', () => {
  it('names the location and the role, to the signed-out too', () => {
    expect(decideDescribe(invite({ role: 'resident' }), 'Бизнес-центр «Демо»', null, 1_000)).toEqual({ locationName: 'Бизнес-центр «Демо»', role: 'resident' });
    expect(decideDescribe(invite(), 'Север', 'u1', 1_000)).toEqual({ locationName: 'Север', role: 'staff' });
  });
  it('an invitation whose location is gone is named by its role alone', () => {
    expect(decideDescribe(invite(), undefined, null, 1_000)).toEqual({ locationName: '', role: 'staff' });
  });
  it('refuses unknown, revoked, expired and used-up codes as accepting them would', () => {
    for (const [state, now, reason] of [
      [undefined, 1_000, 'unknown-code'],
      [invite({ revoked: true }), 1_000, 'revoked'],
      [invite(), 2_000, 'expired'],
      [invite({ uses: 2 }), 1_000, 'used-up'],
    ] as const) {
      const described = refusal(() => decideDescribe(state, 'Север', null, now));
      expect(described.reason).toBe(reason);
      expect(described).toEqual(refusal(() => decideAccept(state, 'u1', { role: 'resident', locationIds: [] }, now)));
    }
    // Anyone but the people who used it up is refused.
    expect(refusal(() => decideDescribe(invite({ uses: 2, acceptedBy: ['u1'] }), 'Север', 'u2', 1_000)).reason).toBe('used-up');
  });
  it('still names it to someone who joined by it, since accepting it again is a replay', () => {
    expect(decideDescribe(invite({ acceptedBy: ['u1'], uses: 2, expiresAtMillis: 0 }), 'Север', 'u1', 1_000)).toEqual({ locationName: 'Север', role: 'staff' });
  });
});

describe('acceptInvite decision', () => {
  const newcomer: Claims = { role: 'resident', locationIds: [] };
  it('adds the location and raises the role; staff join the roster', () => {
    expect(decideAccept(invite(), 'u1', newcomer, 1_000)).toEqual({
      kind: 'accept',
      answer: { locationId: 'A', role: 'staff' },
      claims: { role: 'staff', locationIds: ['A'] },
      joinsRoster: true,
    });
  });
  it('never lowers a role: an admin of the location accepting a resident code stays admin, on the roster', () => {
    const decision = decideAccept(invite({ role: 'resident' }), 'u1', admin, 1_000);
    expect(decision).toMatchObject({ kind: 'accept', claims: { role: 'admin', locationIds: ['A'] }, joinsRoster: true });
  });
  it('a resident code adds a resident without a roster entry', () => {
    expect(decideAccept(invite({ role: 'resident' }), 'u1', newcomer, 1_000)).toMatchObject({ claims: { role: 'resident' }, joinsRoster: false });
  });
  it('is a replay, changing nothing, for someone who already accepted — even after it expired or was used up', () => {
    expect(decideAccept(invite({ acceptedBy: ['u1'], uses: 2, expiresAtMillis: 0 }), 'u1', newcomer, 1_000)).toEqual({
      kind: 'replay',
      answer: { locationId: 'A', role: 'staff' },
    });
  });
  it('refuses unknown, revoked, expired and used-up codes', () => {
    expect(refusal(() => decideAccept(undefined, 'u1', newcomer, 1_000))).toEqual({ code: 'not-found', reason: 'unknown-code' });
    expect(refusal(() => decideAccept(invite({ revoked: true }), 'u1', newcomer, 1_000))).toEqual({ code: 'failed-precondition', reason: 'revoked' });
    expect(refusal(() => decideAccept(invite(), 'u1', newcomer, 2_000))).toEqual({ code: 'failed-precondition', reason: 'expired' });
    expect(refusal(() => decideAccept(invite({ uses: 2 }), 'u1', newcomer, 1_000))).toEqual({ code: 'failed-precondition', reason: 'used-up' });
  });
  it('refuses a role that would leak to the person’s other locations', () => {
    expect(refusal(() => decideAccept(invite(), 'u1', { role: 'resident', locationIds: ['B'] }, 1_000)).reason).toBe('role-conflict');
    expect(refusal(() => decideAccept(invite({ role: 'resident' }), 'u1', { role: 'staff', locationIds: ['B'] }, 1_000)).reason).toBe('role-conflict');
    expect(decideAccept(invite(), 'u1', { role: 'staff', locationIds: ['B'] }, 1_000)).toMatchObject({ claims: { locationIds: ['B', 'A'] } });
  });
  it('checks the code format before any read', () => {
    expect(parseInviteCode({ code: CODE })).toBe(CODE);
    expect(refusal(() => parseInviteCode({ code: 'short' }))).toEqual({ code: 'invalid-argument', reason: 'invalid-code' });
    expect(refusal(() => parseInviteCode({ code: '../users/x/abcdefghijklmnopqrstu' })).code).toBe('invalid-argument');
  });
});

describe('member changes', () => {
  const context = (change: Partial<{ callerUid: string; caller: Claims; target: Claims; admins: string[] }> = {}) => ({
    callerUid: 'boss',
    caller: admin,
    target: { role: 'staff', locationIds: ['A'] } as Claims,
    admins: ['boss'],
    ...change,
  });
  it('promotes to admin and adds them to the location’s admins, on the roster (admins claim calls too)', () => {
    expect(decideRoleChange({ locationId: 'A', uid: 'u1', role: 'admin' }, context())).toEqual({
      claims: { role: 'admin', locationIds: ['A'] },
      admins: ['boss', 'u1'],
      roster: 'ensure',
      member: 'upsert',
    });
    expect(decideRoleChange({ locationId: 'A', uid: 'u1', role: 'admin' }, context({ target: { role: 'resident', locationIds: ['A'] } }))?.roster).toBe(
      'ensure',
    );
  });
  it('demoting to resident takes them off the roster; to staff puts them on it', () => {
    expect(decideRoleChange({ locationId: 'A', uid: 'u1', role: 'resident' }, context())?.roster).toBe('remove');
    expect(decideRoleChange({ locationId: 'A', uid: 'u1', role: 'staff' }, context({ target: { role: 'resident', locationIds: ['A'] } }))?.roster).toBe(
      'ensure',
    );
  });
  it('changes nothing when the role is already that', () => {
    expect(decideRoleChange({ locationId: 'A', uid: 'u1', role: 'staff' }, context())).toBeNull();
  });
  it('refuses non-admins, admins of another location and non-members', () => {
    expect(refusal(() => decideRoleChange({ locationId: 'B', uid: 'u1', role: 'admin' }, context())).code).toBe('permission-denied');
    expect(refusal(() => decideRemoval({ locationId: 'A', uid: 'u1' }, context({ caller: { role: 'staff', locationIds: ['A'] } }))).code).toBe(
      'permission-denied',
    );
    expect(refusal(() => decideRoleChange({ locationId: 'A', uid: 'u1', role: 'admin' }, context({ target: { role: 'resident', locationIds: [] } })))).toEqual({
      code: 'not-found',
      reason: 'not-a-member',
    });
  });
  it('the last admin cannot demote or remove themselves; with another admin they can', () => {
    const self = context({ target: admin });
    expect(refusal(() => decideRoleChange({ locationId: 'A', uid: 'boss', role: 'staff' }, self))).toEqual({
      code: 'failed-precondition',
      reason: 'last-admin',
    });
    expect(refusal(() => decideRemoval({ locationId: 'A', uid: 'boss' }, self)).reason).toBe('last-admin');
    expect(decideRemoval({ locationId: 'A', uid: 'boss' }, { ...self, admins: ['boss', 'other'] }).admins).toEqual(['other']);
  });
  it('removal drops the location, the roster entry and the member; with no location left the role is resident', () => {
    expect(decideRemoval({ locationId: 'A', uid: 'u1' }, context())).toEqual({
      claims: { role: 'resident', locationIds: [] },
      admins: ['boss'],
      roster: 'remove',
      member: 'remove',
    });
    expect(decideRemoval({ locationId: 'A', uid: 'u1' }, context({ target: { role: 'staff', locationIds: ['A', 'B'] } })).claims).toEqual({
      role: 'staff',
      locationIds: ['B'],
    });
  });
  it('refuses a role change that would apply at the person’s other locations', () => {
    expect(
      refusal(() => decideRoleChange({ locationId: 'A', uid: 'u1', role: 'admin' }, context({ target: { role: 'staff', locationIds: ['A', 'B'] } }))).reason,
    ).toBe('role-conflict');
  });
  it('revoking needs an admin of the invite’s location', () => {
    expect(refusal(() => decideRevoke(undefined, admin)).code).toBe('not-found');
    expect(refusal(() => decideRevoke({ locationId: 'B' }, admin)).code).toBe('permission-denied');
    expect(() => decideRevoke({ locationId: 'A' }, admin)).not.toThrow();
  });
  it('keeps the home location while still a member, else moves it to the first left', () => {
    expect(nextHomeLocation('A', ['A', 'B'])).toBe('A');
    expect(nextHomeLocation('A', ['B'])).toBe('B');
    expect(nextHomeLocation(null, [])).toBeNull();
  });
});
