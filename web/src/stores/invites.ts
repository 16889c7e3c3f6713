// Accepting an invitation: the person joins its location, and their new claims apply at once.
import { acceptHMRUpdate, defineStore } from 'pinia';
import type { AcceptInviteResult } from '@sos/model';
import { callables } from '../firebase/functions';
import { callableRunner } from '../composables/callableFailure';
import { useSessionStore } from './session';

export const useInvitesStore = defineStore('invites', () => {
  const session = useSessionStore();
  const { busy, failure, run } = callableRunner();

  /** Joins the invitation's location, then refreshes the ID token so the new claims apply at once. */
  async function accept(code: string): Promise<AcceptInviteResult | null> {
    return run(async () => {
      const result = (await callables.acceptInvite({ code })).data;
      await session.refreshClaims();
      return result;
    });
  }

  return { busy, failure, accept };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useInvitesStore, import.meta.hot));
