// The resident's countdown screen: one request as their phone sees it, and the location it was made in.
import { toValue, type MaybeRefOrGetter } from 'vue';
import { refs } from '../firebase/refs';
import { useLiveDocument } from './useLive';

/** Listens while the calling screen is open; `hasPendingWrites` says the server has not confirmed it yet. */
export function liveSosRequest(requestId: MaybeRefOrGetter<string>) {
  return useLiveDocument(() => refs.sosRequest(toValue(requestId)));
}

/** A location (its staff phone) while the calling screen is open; null reads nothing. */
export function liveLocation(locationId: MaybeRefOrGetter<string | null | undefined>) {
  return useLiveDocument(() => {
    const id = toValue(locationId);
    return id ? refs.location(id) : null;
  });
}
