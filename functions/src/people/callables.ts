// The people callables (2nd gen onCall): check the caller is a signed-in person, then hand over to operations.ts.
import { HttpsError, onCall, type CallableRequest } from 'firebase-functions/v2/https';
import { APP_ORIGIN, REGION } from '../params';
import { peopleLogs } from '../logs';
import { PeopleRefused } from './decisions';
import * as operations from './operations';

/** A signed-in, non-anonymous caller (visitors sign in anonymously and may not join or manage anyone). */
function personOf(request: CallableRequest): string {
  const auth = request.auth;
  if (!auth || auth.token.firebase.sign_in_provider === 'anonymous') {
    throw new HttpsError('unauthenticated', 'sign in with an account first', { reason: 'unauthenticated' });
  }
  return auth.uid;
}

/** Refusals become HttpsErrors with the contract's code and the reason the UI translates. */
function callable<Result>(name: string, run: (uid: string, request: CallableRequest) => Promise<Result>) {
  return onCall({ region: REGION }, async (request) => {
    const uid = personOf(request);
    try {
      return await run(uid, request);
    } catch (error) {
      if (!(error instanceof PeopleRefused)) throw error;
      peopleLogs.peopleRefused(name, error.refusal.reason, uid);
      throw new HttpsError(error.refusal.code, error.refusal.message, { reason: error.refusal.reason });
    }
  });
}

/** The browser's Origin makes the link point at the app the admin is using; APP_ORIGIN otherwise. */
function originOf(request: CallableRequest): string {
  const origin = request.rawRequest.headers.origin;
  return typeof origin === 'string' && /^https?:\/\/[^/]+$/.test(origin) ? origin : APP_ORIGIN.value();
}

export const createInvite = callable('createInvite', (uid, request) => operations.createInvite(uid, request.data, originOf(request)));
export const acceptInvite = callable('acceptInvite', (uid, request) => operations.acceptInvite(uid, request.data));
export const revokeInvite = callable('revokeInvite', (uid, request) => operations.revokeInvite(uid, request.data));
export const setMemberRole = callable('setMemberRole', (uid, request) => operations.setMemberRole(uid, request.data));
export const removeMember = callable('removeMember', (uid, request) => operations.removeMember(uid, request.data));
