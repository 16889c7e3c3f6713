// Who is signed in: the Auth user and their role claims; signing in and out.
import { acceptHMRUpdate, defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import { onAuthStateChanged, signInAnonymously, signInWithEmailAndPassword, signOut as firebaseSignOut, type User } from 'firebase/auth';
import { ROLES, type Claims, type Role } from '@sos/model';
import { auth, usesEmulators } from '../firebase/app';

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

  /** Resolves once the store's user is `expectedUid` (Auth has told every listener). */
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

  /** A fresh ID token, so changed claims (joined, removed, new role) apply without signing out. */
  async function refreshClaims(): Promise<void> {
    const current = user.value;
    if (current) claims.value = await loadClaims(current, true);
  }

  /** Claims changed at `stampMillis` (the backend's stamp on the profile): a token issued before it is refreshed. */
  async function refreshClaimsChangedSince(stampMillis: number): Promise<void> {
    const current = user.value;
    if (!current) return;
    const token = await current.getIdTokenResult();
    if (Date.parse(token.issuedAtTime) <= stampMillis) await refreshClaims();
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
    whenSignedInAs,
    isVisitor,
    signIn,
    signInAsVisitor,
    signOut,
    refreshClaims,
    refreshClaimsChangedSince,
  };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSessionStore, import.meta.hot));
