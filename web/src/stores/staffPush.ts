// Web push for the signed-in staff member's browser. firebase/messaging is imported on first use,
// so it loads with the staff screen only and never reaches the resident's bundle.
import { defineStore, storeToRefs } from 'pinia';
import type { PushAvailability, PushUnavailableReason } from '../push/staffDevice';
import { useSessionStore } from './session';

const loadPush = () => import('../push/staffDevice');

export const useStaffPushStore = defineStore('staffPush', () => {
  const { uid } = storeToRefs(useSessionStore());

  async function availability(): Promise<PushAvailability> {
    return (await loadPush()).pushAvailability();
  }

  /** `ask`: show the browser's permission prompt; without it only an earlier permission is used. */
  async function register(ask: boolean): Promise<'registered' | PushUnavailableReason | 'not-granted'> {
    if (!uid.value) throw new Error('not signed in');
    return (await loadPush()).registerStaffDevice(uid.value, ask);
  }

  return { availability, register };
});
