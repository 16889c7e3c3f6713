// The resident's orders: their requests as they see them (the list and one of them).
import { toValue, type MaybeRefOrGetter } from 'vue';
import { orderBy, query } from 'firebase/firestore';
import { refs } from '../firebase/refs';
import { useLiveDocument, useLiveQuery } from './useLive';

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
