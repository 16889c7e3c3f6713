// The resident's countdown screen: one request as their phone sees it.
import { toValue, type MaybeRefOrGetter } from 'vue';
import { refs } from '../firebase/refs';
import { useLiveDocument } from './useLive';

/** Listens while the calling screen is open; `hasPendingWrites` says the server has not confirmed it yet. */
export function liveSosRequest(requestId: MaybeRefOrGetter<string>) {
  return useLiveDocument(() => refs.sosRequest(toValue(requestId)));
}
