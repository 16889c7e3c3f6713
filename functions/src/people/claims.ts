// Custom claims of a person, and the `claimsUpdatedAt` stamp their client listens to for a token refresh.
import { readAuthUser, writeCustomClaims } from '../auth';
import { FieldValue, mergeDoc, peopleRefs } from '../firestore';
import type { Claims } from '@sos/model';
import { parseClaims } from './decisions';

/** Fresh from Auth, never from the caller's ID token: a token may predate a removal. */
export async function currentClaims(uid: string): Promise<{ exists: boolean; claims: Claims; displayName: string; phone: string }> {
  const user = await readAuthUser(uid);
  if (!user) return { exists: false, claims: parseClaims(undefined), displayName: uid, phone: '' };
  return {
    exists: true,
    claims: parseClaims(user.customClaims),
    displayName: user.displayName ?? user.email ?? uid,
    phone: user.phoneNumber ?? '',
  };
}

/** Claims first, then the stamp: a client that refreshes on the stamp must already get the new claims. */
export async function writeClaims(uid: string, claims: Claims): Promise<void> {
  await writeCustomClaims(uid, { role: claims.role, locationIds: claims.locationIds });
  await mergeDoc(peopleRefs.profile(uid), { claimsUpdatedAt: FieldValue.serverTimestamp() });
}
