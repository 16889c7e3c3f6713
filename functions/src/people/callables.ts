// The people callables (made by ../callables.ts: a signed-in person, then operations.ts).
import type { CallableRequest } from 'firebase-functions/v2/https';
import { personCallables } from '../callables';
import { APP_ORIGIN } from '../params';
import { peopleLogs } from '../logs';
import { PeopleRefused } from './decisions';
import * as operations from './operations';

const callable = personCallables({ Refused: PeopleRefused, logRefused: peopleLogs.peopleRefused });
/** The join page asks before its visitor has an account: open to the signed-out (the code is the secret). */
const openCallable = personCallables({ Refused: PeopleRefused, logRefused: peopleLogs.peopleRefused, signedOutToo: true });

/** The browser's Origin makes the link point at the app the admin is using; APP_ORIGIN otherwise. */
function originOf(request: CallableRequest): string {
  const origin = request.rawRequest.headers.origin;
  return typeof origin === 'string' && /^https?:\/\/[^/]+$/.test(origin) ? origin : APP_ORIGIN.value();
}

export const createInvite = callable('createInvite', (uid, request) => operations.createInvite(uid, request.data, originOf(request)));
export const describeInvite = openCallable('describeInvite', (uid, request) => operations.describeInvite(uid, request.data));
export const acceptInvite = callable('acceptInvite', (uid, request) => operations.acceptInvite(uid, request.data));
export const revokeInvite = callable('revokeInvite', (uid, request) => operations.revokeInvite(uid, request.data));
export const setMemberRole = callable('setMemberRole', (uid, request) => operations.setMemberRole(uid, request.data));
export const removeMember = callable('removeMember', (uid, request) => operations.removeMember(uid, request.data));
