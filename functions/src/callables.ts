// The one way a callable (2nd gen onCall) is built: its caller must be our web app (App Check) and a signed-in person
// (unless it is open to the signed-out), then the operation runs; a refusal the operation throws becomes an HttpsError
// with the contract's code and `details.reason`, which the UI translates. people/callables.ts, locations/callables.ts,
// reach/contacts/callables.ts and sos/triggers.ts (openMyRequest) are made with it.
import { HttpsError, onCall, type CallableRequest, type FunctionsErrorCode } from 'firebase-functions/v2/https';
import type { defineSecret } from 'firebase-functions/params';
import { REGION } from './params';

type Secret = ReturnType<typeof defineSecret>;

/**
 * What an operation refuses with: the HttpsError code, the reason the UI translates, a message for developers, and
 * `details` beside the reason when the UI needs more to say where (e.g. the form field at fault).
 */
export interface CallableRefusal {
  code: FunctionsErrorCode;
  reason: string;
  message: string;
  details?: Record<string, string>;
}

/**
 * A signed-in caller, by default not anonymous (visitors sign in anonymously: they may not join, manage anyone or add
 * contacts); `visitorsToo` admits them (the requester of a visitor's request opening it).
 */
function callerOf(request: CallableRequest, visitorsToo: boolean): string {
  const auth = request.auth;
  if (!auth || (!visitorsToo && auth.token.firebase.sign_in_provider === 'anonymous')) {
    throw new HttpsError('unauthenticated', 'sign in with an account first', { reason: 'unauthenticated' });
  }
  return auth.uid;
}

/** The caller's uid; null only for a callable open to the signed-out too. */
type Caller<SignedOutToo extends boolean> = SignedOutToo extends true ? string | null : string;

/**
 * A maker of one feature's callables: `Refused` is the error class its operations throw to refuse (any other error is
 * a failure and stays one), `logRefused` records each refusal, `secrets` are what its operations read (provider keys),
 * `visitorsToo` lets visitors' anonymous accounts call them, `signedOutToo` lets anyone call them (still only from our
 * web app), for an answer that gives nothing away without an unguessable code.
 */
export function personCallables<Refusal extends CallableRefusal, SignedOutToo extends boolean = false>(feature: {
  Refused: new (refusal: Refusal) => Error & { refusal: Refusal };
  logRefused: (name: string, reason: Refusal['reason'], uid: Caller<SignedOutToo>) => void;
  secrets?: Secret[];
  visitorsToo?: boolean;
  signedOutToo?: SignedOutToo;
}) {
  return function callable<Result>(name: string, run: (uid: Caller<SignedOutToo>, request: CallableRequest) => Promise<Result>) {
    // enforceAppCheck: a call not made by our web app (no valid App Check token) is refused before it runs.
    return onCall({ region: REGION, enforceAppCheck: true, ...(feature.secrets ? { secrets: feature.secrets } : {}) }, async (request) => {
      const uid = (feature.signedOutToo ? (request.auth?.uid ?? null) : callerOf(request, feature.visitorsToo ?? false)) as Caller<SignedOutToo>;
      try {
        return await run(uid, request);
      } catch (error) {
        if (!(error instanceof feature.Refused)) throw error;
        feature.logRefused(name, error.refusal.reason, uid);
        throw new HttpsError(error.refusal.code, error.refusal.message, { ...error.refusal.details, reason: error.refusal.reason });
      }
    });
  };
}
