// An invitation: what it invites to (asked before joining, signed out too), and accepting it: the person joins its
// location, and their new claims apply at once.
import { acceptHMRUpdate, defineStore } from 'pinia';
import { ref } from 'vue';
import type { AcceptInviteResult, DescribeInviteResult } from '@sos/model';
import { callables } from '../firebase/functions';
import { callableFailure, callableRunner, type CallableFailure } from '../composables/callableFailure';
import { useSessionStore } from './session';

export const useInvitesStore = defineStore('invites', () => {
  const session = useSessionStore();
  const { busy, failure, run } = callableRunner();
  /** What the code invites to, once asked; null before and when it was refused (`describeFailure` then says why). */
  const description = ref<DescribeInviteResult | null>(null);
  const describeFailure = ref<CallableFailure | null>(null);
  let describing: string | null = null;

  /** Asks what the code invites to: the location's name and the role, or why it cannot be accepted. */
  async function describe(code: string): Promise<void> {
    describing = code;
    description.value = null;
    describeFailure.value = null;
    try {
      const answer = (await callables.describeInvite({ code })).data;
      if (describing === code) description.value = answer;
    } catch (error) {
      if (describing === code) describeFailure.value = callableFailure(error);
    }
  }

  /** Joins the invitation's location, then refreshes the ID token so the new claims apply at once. */
  async function accept(code: string): Promise<AcceptInviteResult | null> {
    return run(async () => {
      const result = (await callables.acceptInvite({ code })).data;
      await session.refreshClaims();
      return result;
    });
  }

  return { busy, failure, description, describeFailure, describe, accept };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useInvitesStore, import.meta.hot));
