// Invitations: an admin creates and revokes them for a location (live list); a person accepts one.
import { defineStore, storeToRefs } from 'pinia';
import { computed, ref } from 'vue';
import { query, where } from 'firebase/firestore';
import { type AcceptInviteResult, type CreateInviteRequest, type CreateInviteResult } from '@sos/model';
import { callables } from '../firebase/functions';
import { peopleRefs } from '../firebase/refs';
import { useLiveQuery } from '../composables/useLive';
import { useNow } from '../composables/useNow';
import { callableFailure, type CallableFailure } from './callableFailure';
import { useSessionStore } from './session';
import { useServedLocationsStore } from './servedLocations';

export const useInvitesStore = defineStore('invites', () => {
  const session = useSessionStore();
  const { locationId: chosenLocationId } = storeToRefs(useServedLocationsStore());
  /** The admin's chosen location (only admins may list its invitations). */
  const locationId = computed(() => (session.role === 'admin' ? chosenLocationId.value : null));
  const live = useLiveQuery(
    () => (locationId.value ? query(peopleRefs.invites(), where('locationId', '==', locationId.value)) : null),
    () => locationId.value ?? '',
  );
  const now = useNow();
  /** Still usable: not revoked, not used up, not expired; the longest-lived first. */
  const open = computed(() =>
    live.items.value
      .filter((invite) => !invite.revoked && invite.uses < invite.maxUses && invite.expiresAt.toMillis() > now.value)
      .sort((a, b) => b.expiresAt.toMillis() - a.expiresAt.toMillis()),
  );
  const created = ref<CreateInviteResult | null>(null);
  const busy = ref(false);
  const failure = ref<CallableFailure | null>(null);

  async function run<T>(work: () => Promise<T>): Promise<T | null> {
    busy.value = true;
    failure.value = null;
    try {
      return await work();
    } catch (error) {
      failure.value = callableFailure(error);
      return null;
    } finally {
      busy.value = false;
    }
  }

  async function create(draft: CreateInviteRequest): Promise<CreateInviteResult | null> {
    created.value = await run(async () => (await callables.createInvite(draft)).data);
    return created.value;
  }

  async function revoke(code: string): Promise<void> {
    await run(() => callables.revokeInvite({ code }));
    if (created.value?.code === code) created.value = null;
  }

  /** Joins the invitation's location, then refreshes the ID token so the new claims apply at once. */
  async function accept(code: string): Promise<AcceptInviteResult | null> {
    return run(async () => {
      const result = (await callables.acceptInvite({ code })).data;
      await session.refreshClaims();
      return result;
    });
  }

  return { locationId, open, loaded: live.loaded, error: live.error, created, busy, failure, create, revoke, accept };
});
