// Web push for the signed-in person's browser (staff: new calls; residents: news of their call).
// firebase/messaging is imported on first use, so it is not in the first load of the app.
import { acceptHMRUpdate, defineStore, storeToRefs } from 'pinia';
import type { PushAvailability, PushUnavailableReason } from '../push/device';
import { useSessionStore } from './session';

const loadPush = () => import('../push/device');

export const useDevicePushStore = defineStore('devicePush', () => {
  const { uid } = storeToRefs(useSessionStore());

  async function availability(): Promise<PushAvailability> {
    return (await loadPush()).pushAvailability();
  }

  /** iOS Safari outside a Home Screen app, old browsers, private modes: no Push API at all. */
  async function supported(): Promise<boolean> {
    return (await loadPush()).pushSupported();
  }

  /** `ask`: show the browser's permission prompt; without it only an earlier permission is used. */
  async function register(ask: boolean): Promise<'registered' | PushUnavailableReason | 'not-granted'> {
    if (!uid.value) throw new Error('not signed in');
    return (await loadPush()).registerDevice(uid.value, ask);
  }

  return { availability, supported, register };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDevicePushStore, import.meta.hot));
