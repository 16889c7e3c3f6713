// One request for the admin's detail screen: the request, its audit trail and push deliveries, and the
// location's people (so the journal names who acted).
import { toValue, type MaybeRefOrGetter } from 'vue';
import { orderBy, query } from 'firebase/firestore';
import { peopleRefs, refs } from '../firebase/refs';
import { useLiveDocument, useLiveQuery } from './useLive';
import { liveStatus } from './liveStatus';

/** Listens while the calling screen is open. */
export function liveRequestDetail(requestId: MaybeRefOrGetter<string>) {
  const request = useLiveDocument(() => refs.sosRequest(toValue(requestId)));
  const events = useLiveQuery(
    () => query(refs.events(toValue(requestId)), orderBy('at')),
    () => toValue(requestId),
  );
  // Deliveries are readable by the location's admins only; a denied read leaves the list empty.
  const deliveries = useLiveQuery(
    () => refs.deliveries(toValue(requestId)),
    () => toValue(requestId),
  );
  // Members are readable by the location's admins.
  const locationId = () => request.data.value?.locationId ?? null;
  const members = useLiveQuery(
    () => {
      const id = locationId();
      return id ? peopleRefs.members(id) : null;
    },
    () => locationId() ?? '',
  );
  return { request: request.data, loaded: request.loaded, error: request.error, status: liveStatus([request, events]), events, deliveries, members };
}
