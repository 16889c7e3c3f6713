// A location's invitations for the admin's People screen: the live list, creating and revoking them.
import { computed, ref, toValue, type MaybeRefOrGetter } from 'vue';
import { query, where } from 'firebase/firestore';
import type { CreateInviteRequest, CreateInviteResult } from '@sos/model';
import { callables } from '../firebase/functions';
import { peopleRefs } from '../firebase/refs';
import { useLiveQuery } from './useLive';
import { useNow } from './useNow';
import { callableRunner } from './callableFailure';

/** Listens while the calling screen is open; `locationId` null (not an admin) lists nothing. */
export function liveInvites(locationId: MaybeRefOrGetter<string | null>) {
  const live = useLiveQuery(
    () => {
      const id = toValue(locationId);
      return id ? query(peopleRefs.invites(), where('locationId', '==', id)) : null;
    },
    () => toValue(locationId) ?? '',
  );
  const now = useNow();
  /** Still usable: not revoked, not used up, not expired; the longest-lived first. */
  const open = computed(() =>
    live.items.value
      .filter((invite) => !invite.revoked && invite.uses < invite.maxUses && invite.expiresAt.toMillis() > now.value)
      .sort((a, b) => b.expiresAt.toMillis() - a.expiresAt.toMillis()),
  );
  const created = ref<CreateInviteResult | null>(null);
  const { busy, failure, run } = callableRunner();

  async function create(draft: CreateInviteRequest): Promise<CreateInviteResult | null> {
    created.value = await run(async () => (await callables.createInvite(draft)).data);
    return created.value;
  }

  async function revoke(code: string): Promise<void> {
    await run(() => callables.revokeInvite({ code }));
    if (created.value?.code === code) created.value = null;
  }

  return { open, loaded: live.loaded, error: live.error, created, busy, failure, create, revoke };
}
