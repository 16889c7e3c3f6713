// Who is signed in: the Auth user, their role claims and profile, and their home location.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import { onAuthStateChanged, signInAnonymously, signInWithEmailAndPassword, signOut as firebaseSignOut, type User } from 'firebase/auth';
import { createUserWithEmailAndPassword, sendPasswordResetEmail, updateProfile } from 'firebase/auth';
import { setDoc, updateDoc } from 'firebase/firestore';
import { ROLES, type Claims, type Locale, type Role } from '@sos/model';
import { auth, usesEmulators } from '../firebase/app';
import { peopleRefs, refs } from '../firebase/refs';
import { useLiveDocument } from '../composables/useLive';
import { liveStatus } from '../composables/liveStatus';
import { deviceHasLocale, setLocale } from '../i18n';

const CLAIMS_KEY = 'sos.claims';

function parseClaims(raw: Record<string, unknown>): Claims {
  const role = ROLES.includes(raw.role as Role) ? (raw.role as Role) : 'resident';
  const locationIds = Array.isArray(raw.locationIds) ? raw.locationIds.filter((id): id is string => typeof id === 'string') : [];
  return { role, locationIds };
}

/** Offline, a reload cannot refresh the ID token: fall back to the claims seen last time. */
async function loadClaims(user: User, forceRefresh = false): Promise<Claims> {
  try {
    const claims = parseClaims((await user.getIdTokenResult(forceRefresh)).claims);
    localStorage.setItem(CLAIMS_KEY, JSON.stringify({ uid: user.uid, claims }));
    return claims;
  } catch (error) {
    const saved = JSON.parse(localStorage.getItem(CLAIMS_KEY) ?? 'null') as { uid: string; claims: Claims } | null;
    if (saved?.uid === user.uid) return saved.claims;
    throw error;
  }
}

export const useSessionStore = defineStore('session', () => {
  const user = shallowRef<User | null>(null);
  const claims = ref<Claims | null>(null);
  const ready = ref(false);
  let resolveReady: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));

  onAuthStateChanged(auth, async (next) => {
    claims.value = next ? await loadClaims(next).catch(() => ({ role: 'resident' as const, locationIds: [] })) : null;
    user.value = next;
    ready.value = true;
    resolveReady();
  });

  const uid = computed(() => user.value?.uid ?? null);
  /** Signed in anonymously at a QR code: no profile, no claims, their own requests only. */
  const isVisitor = computed(() => user.value?.isAnonymous === true);
  const role = computed<Role | null>(() => claims.value?.role ?? null);
  const profileDoc = useLiveDocument(() => (uid.value ? refs.user(uid.value) : null));
  const profile = profileDoc.data;
  // Only a location the ID token already carries: a profile written just before a token refresh must not start a denied listener.
  const homeLocationId = computed(() => {
    const ids = claims.value?.locationIds ?? [];
    const home = profile.value?.homeLocationId;
    return home && ids.includes(home) ? home : (ids[0] ?? null);
  });
  const homeLocationDoc = useLiveDocument(() => (homeLocationId.value ? refs.location(homeLocationId.value) : null));
  const homeLocation = homeLocationDoc.data;
  /** The profile and the home location as the home screens wait for them (no home location: nothing to wait for). */
  const homeStatus = liveStatus(() => (homeLocationId.value ? [profileDoc, homeLocationDoc] : [profileDoc]));
  const displayName = computed(() => profile.value?.displayName ?? user.value?.displayName ?? user.value?.email ?? '');

  async function signIn(email: string, password: string): Promise<void> {
    const credential = await signInWithEmailAndPassword(auth, email, password);
    await whenSignedInAs(credential.user.uid);
  }

  /** A visitor at a QR code asks for help without an account: an anonymous user that keeps nothing if they sign up later. */
  async function signInAsVisitor(): Promise<void> {
    if (user.value) return;
    const credential = await signInAnonymously(auth);
    await whenSignedInAs(credential.user.uid);
  }

  // ---- People: sign-up, password reset, and claims changed elsewhere (joined, removed, new role) ----

  /** A fresh ID token, so changed claims apply without signing out. */
  async function refreshClaims(): Promise<void> {
    const current = user.value;
    if (current) claims.value = await loadClaims(current, true);
  }

  // Functions stamp users/{uid}.claimsUpdatedAt after changing claims: a token older than the stamp is refreshed.
  const claimsStamp = useLiveDocument(() => (uid.value ? peopleRefs.profile(uid.value) : null)).data;
  watch(
    () => claimsStamp.value?.claimsUpdatedAt?.toMillis() ?? null,
    async (stamp) => {
      const current = user.value;
      if (stamp === null || !current) return;
      const token = await current.getIdTokenResult();
      if (Date.parse(token.issuedAtTime) <= stamp) await refreshClaims();
    },
  );

  // On a device where nobody has chosen a language yet, the one saved on the profile (chosen on another device) applies.
  watch(
    () => claimsStamp.value?.locale ?? null,
    (saved) => {
      if (saved && !deviceHasLocale()) setLocale(saved);
    },
  );

  async function whenSignedInAs(expectedUid: string): Promise<void> {
    await new Promise<void>((resolve) => {
      const stop = watch(
        user,
        (current) => {
          if (current?.uid !== expectedUid) return;
          queueMicrotask(() => stop());
          resolve();
        },
        { immediate: true },
      );
    });
  }

  /** A new account with its profile (no location yet: an invitation brings one). */
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
    await whenSignedInAs(credential.user.uid);
  }

  /** An unknown address is not reported as such, so the form cannot probe who has an account. */
  async function sendPasswordReset(email: string): Promise<void> {
    try {
      await sendPasswordResetEmail(auth, email);
    } catch (error) {
      if ((error as { code?: string }).code !== 'auth/user-not-found') throw error;
    }
  }

  /** The language chosen in the menu: at once on this device, and on the profile so pushes and orders speak it too. */
  async function chooseLocale(locale: Locale): Promise<void> {
    setLocale(locale);
    const current = user.value;
    if (!current || current.isAnonymous) return;
    await updateDoc(peopleRefs.profile(current.uid), { locale });
  }

  async function signOut(): Promise<void> {
    localStorage.removeItem(CLAIMS_KEY);
    await firebaseSignOut(auth);
  }

  return {
    /** Demo project on the local emulators (the login screen offers the demo accounts). */
    usesEmulators,
    user,
    uid,
    claims,
    role,
    ready,
    whenReady: () => readyPromise,
    profile,
    displayName,
    homeLocationId,
    homeLocation,
    homeStatus,
    isVisitor,
    signIn,
    signInAsVisitor,
    signOut,
    signUp,
    chooseLocale,
    sendPasswordReset,
    refreshClaims,
  };
});
