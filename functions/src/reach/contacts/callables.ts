// The contact callables (2nd gen onCall): check the caller is a signed-in person, then hand over to operations.ts.
import { HttpsError, onCall, type CallableRequest } from 'firebase-functions/v2/https';
import { REACH_SECRETS, REGION, TELEGRAM_BOT_NAME } from '../../params';
import { contactLogs } from '../../logs';
import { ContactRefused } from './decisions';
import * as operations from './operations';

/** A signed-in, non-anonymous caller: visitors have no contact methods. */
function personOf(request: CallableRequest): string {
  const auth = request.auth;
  if (!auth || auth.token.firebase.sign_in_provider === 'anonymous') {
    throw new HttpsError('unauthenticated', 'sign in with an account first', { reason: 'unauthenticated' });
  }
  return auth.uid;
}

/** Refusals become HttpsErrors with the contract's code and the reason the UI translates. */
function callable<Result>(name: string, run: (uid: string, request: CallableRequest) => Promise<Result>) {
  // The live transports read the provider secrets, so every callable that sends declares them.
  return onCall({ region: REGION, secrets: REACH_SECRETS }, async (request) => {
    const uid = personOf(request);
    try {
      return await run(uid, request);
    } catch (error) {
      if (!(error instanceof ContactRefused)) throw error;
      contactLogs.contactRefused(name, error.refusal.reason, uid);
      throw new HttpsError(error.refusal.code, error.refusal.message, { reason: error.refusal.reason });
    }
  });
}

export const sendContactCode = callable('sendContactCode', (uid, request) => operations.sendContactCode(uid, request.data));
export const confirmContact = callable('confirmContact', (uid, request) => operations.confirmContact(uid, request.data));
export const testContact = callable('testContact', (uid, request) => operations.testContact(uid, request.data));
export const linkTelegram = callable('linkTelegram', (uid) => operations.linkTelegram(uid, TELEGRAM_BOT_NAME.value()));
