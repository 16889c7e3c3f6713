// «Уведомления о сменах» on «Мои смены»: the signed-in person's latest notices about duty (gap warnings, reminders,
// shift ended), newest first. The query names the shift types, so it never asks for a `contact_code` notice, which
// firestore.rules keep from its owner (a list must provably match the rule). The duty watch records every message's
// push, also for someone with no device, and each Telegram or SMS copy apart: the push notices are each message once.
import { toValue, type MaybeRefOrGetter } from 'vue';
import { limit, orderBy, query, where } from 'firebase/firestore';
import { SHIFT_NOTICE_TYPES } from '@sos/model';
import { reachRefs } from '../firebase/refs';
import { useLiveQuery } from './useLive';

/** How many of the latest notices the list shows. */
export const SHIFT_NOTICES_SHOWN = 10;

/** Listens while the calling screen is open; no uid (not signed in yet) reads nothing. */
export function liveShiftNotices(uid: MaybeRefOrGetter<string | null>) {
  return useLiveQuery(
    () => {
      const id = toValue(uid);
      return id
        ? query(
            reachRefs.notices(id),
            where('channel', '==', 'push'),
            where('type', 'in', [...SHIFT_NOTICE_TYPES]),
            orderBy('at', 'desc'),
            limit(SHIFT_NOTICES_SHOWN),
          )
        : null;
    },
    () => toValue(uid) ?? '',
  );
}
