// The resident's orders: their requests as they see them (the list and one of them), and the requests of theirs this
// device holds that no order may stand for yet (made offline, or not mirrored yet).
import { ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { onSnapshot, orderBy, query, where, type FirestoreError, type Timestamp } from 'firebase/firestore';
import type { SosRequest } from '@sos/model';
import { refs } from '../firebase/refs';
import { useLiveDocument, useLiveQuery, type LiveItem } from './useLive';
import type { LiveSource } from './liveStatus';

/** Newest first, while the calling screen is open; no uid (not signed in yet) reads nothing. */
export function liveOrders(uid: MaybeRefOrGetter<string | null>) {
  return useLiveQuery(
    () => {
      const id = toValue(uid);
      return id ? query(refs.orders(id), orderBy('createdAt', 'desc')) : null;
    },
    () => toValue(uid) ?? '',
  );
}

export function liveOrder(uid: MaybeRefOrGetter<string | null>, requestId: MaybeRefOrGetter<string>) {
  return useLiveDocument(() => {
    const id = toValue(uid);
    return id ? refs.order(id, toValue(requestId)) : null;
  });
}

/**
 * The person's own requests still `new` in this device's cache, each with `pending` while its write waits on the phone.
 * Listened to in the cache alone: a request made offline is there at once (the server has nothing to add to it, and
 * asks no index or rule), and the answer is never "waiting for the server". The orders list puts them in until their
 * orders arrive (components/sos/orderRows.ts).
 */
export function liveUnsentRequests(uid: MaybeRefOrGetter<string | null>) {
  const items = shallowRef<LiveItem<SosRequest<Timestamp>>[]>([]);
  const loaded = ref(false);
  const error = shallowRef<FirestoreError | null>(null);
  const attempt = ref(0);
  watch(
    [() => toValue(uid), attempt],
    ([id], _, onCleanup) => {
      items.value = [];
      loaded.value = false;
      error.value = null;
      if (!id) return;
      const mine = query(refs.sosRequests(), where('uid', '==', id), where('status', '==', 'new'));
      const stop = onSnapshot(
        mine,
        { source: 'cache', includeMetadataChanges: true },
        (snapshot) => {
          items.value = snapshot.docs.map((document) => ({ ...document.data(), id: document.id, pending: document.metadata.hasPendingWrites }));
          loaded.value = true;
        },
        (failure) => {
          error.value = failure;
          loaded.value = true;
        },
      );
      onCleanup(stop);
    },
    { immediate: true },
  );
  const source: LiveSource = { loaded, fromCache: ref(false), error, stalled: ref(false), retry: () => attempt.value++ };
  return { items, ...source };
}
