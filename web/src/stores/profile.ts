// The signed-in person's profile document (one listener for the whole app): their name, their language,
// and what the backend stamps on it after changing their claims.
import { acceptHMRUpdate, defineStore, storeToRefs } from 'pinia';
import { computed, watch } from 'vue';
import { updateDoc } from 'firebase/firestore';
import type { Locale } from '@sos/model';
import { peopleRefs } from '../firebase/refs';
import { useLiveDocument } from '../composables/useLive';
import { liveStatus } from '../composables/liveStatus';
import { deviceHasLocale, setLocale } from '../i18n';
import { useSessionStore } from './session';

export const useProfileStore = defineStore('profile', () => {
  const session = useSessionStore();
  const { user, uid } = storeToRefs(session);
  const live = useLiveDocument(() => (uid.value ? peopleRefs.profile(uid.value) : null));
  const profile = live.data;
  const displayName = computed(() => profile.value?.displayName ?? user.value?.displayName ?? user.value?.email ?? '');

  // Functions stamp users/{uid}.claimsUpdatedAt after changing claims: a token older than the stamp is refreshed.
  watch(
    () => profile.value?.claimsUpdatedAt?.toMillis() ?? null,
    async (stamp) => {
      if (stamp !== null) await session.refreshClaimsChangedSince(stamp);
    },
  );

  // On a device where nobody has chosen a language yet, the one saved on the profile (chosen on another device) applies.
  watch(
    () => profile.value?.locale ?? null,
    (saved) => {
      if (saved && !deviceHasLocale()) setLocale(saved);
    },
  );

  /** The language chosen in the menu: at once on this device, and on the profile so pushes and orders speak it too. */
  async function chooseLocale(locale: Locale): Promise<void> {
    setLocale(locale);
    const current = user.value;
    if (!current || current.isAnonymous) return;
    await updateDoc(peopleRefs.profile(current.uid), { locale });
  }

  return { profile, displayName, status: liveStatus([live]), chooseLocale };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useProfileStore, import.meta.hot));
