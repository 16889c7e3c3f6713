// Custom claims of a person, and the `claimsUpdatedAt` stamp their client listens to for a token refresh.
import { getAuth } from 'firebase-admin/auth';
import { FieldValue, peopleRefs } from '../firestore';
import type { Claims } from '@sos/model';
import { app } from '../app';
import { parseClaims } from './decisions';

const auth = getAuth(app);

/** Fresh from Auth, never from the caller's ID token: a token may predate a removal. */
export async function currentClaims(uid: string): Promise<{ exists: boolean; claims: Claims; displayName: string; phone: string }> {
  try {
    const user = await auth.getUser(uid);
    return {
      exists: true,
      claims: parseClaims(user.customClaims),
      displayName: user.displayName ?? user.email ?? uid,
      phone: user.phoneNumber ?? '',
    };
  } catch (error) {
    if ((error as { code?: string }).code !== 'auth/user-not-found') throw error;
    return { exists: false, claims: parseClaims(undefined), displayName: uid, phone: '' };
  }
}

/** Claims first, then the stamp: a client that refreshes on the stamp must already get the new claims. */
export async function writeClaims(uid: string, claims: Claims): Promise<void> {
  await auth.setCustomUserClaims(uid, { role: claims.role, locationIds: claims.locationIds });
  await peopleRefs.userProfile(uid).set({ claimsUpdatedAt: FieldValue.serverTimestamp() }, { merge: true });
}
