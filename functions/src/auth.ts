// Firebase Auth for functions: the one place the Admin SDK's Auth is used, as the few calls domain code needs.
import { getAuth } from 'firebase-admin/auth';
import { app } from './app';

const auth = getAuth(app);

/** What domain code reads of an Auth user. */
export interface AuthUser {
  displayName: string | undefined;
  email: string | undefined;
  phoneNumber: string | undefined;
  customClaims: Record<string, unknown> | undefined;
}

/** The user as Auth has it now, or null when there is no such user. */
export async function readAuthUser(uid: string): Promise<AuthUser | null> {
  try {
    const { displayName, email, phoneNumber, customClaims } = await auth.getUser(uid);
    return { displayName, email, phoneNumber, customClaims };
  } catch (error) {
    if ((error as { code?: string }).code === 'auth/user-not-found') return null;
    throw error;
  }
}

export async function writeCustomClaims(uid: string, claims: Record<string, unknown>): Promise<void> {
  await auth.setCustomUserClaims(uid, claims);
}
