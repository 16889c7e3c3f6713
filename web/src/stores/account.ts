// Accounts: signing up (the Auth user and its profile) and recovering a forgotten password.
import { acceptHMRUpdate, defineStore } from 'pinia';
import { createUserWithEmailAndPassword, sendPasswordResetEmail, updateProfile } from 'firebase/auth';
import { setDoc } from 'firebase/firestore';
import type { Locale } from '@sos/model';
import { auth } from '../firebase/app';
import { peopleRefs } from '../firebase/refs';
import { useSessionStore } from './session';

export const useAccountStore = defineStore('account', () => {
  const session = useSessionStore();

  /** A new account with its profile (no location yet: an invitation brings one); resolves once signed in as it. */
  async function signUp(form: { displayName: string; phone: string; email: string; password: string }, locale: Locale): Promise<void> {
    const credential = await createUserWithEmailAndPassword(auth, form.email, form.password);
    await updateProfile(credential.user, { displayName: form.displayName });
    await setDoc(peopleRefs.newProfile(credential.user.uid), {
      displayName: form.displayName,
      phone: form.phone,
      locale,
      locationIds: [],
      homeLocationId: null,
    });
    await session.whenSignedInAs(credential.user.uid);
  }

  /** An unknown address is not reported as such, so the form cannot probe who has an account. */
  async function sendPasswordReset(email: string): Promise<void> {
    try {
      await sendPasswordResetEmail(auth, email);
    } catch (error) {
      if ((error as { code?: string }).code !== 'auth/user-not-found') throw error;
    }
  }

  return { signUp, sendPasswordReset };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAccountStore, import.meta.hot));
