// Visitor flood at one QR code: how many visitor and guest requests came before this one within the window.
import { Timestamp, type Transaction, refs } from '../firestore';
import { VISITOR_FLOOD_WINDOW_MS, type SosRequest } from '@sos/model';

/** Whether `other` came before `mine` (same server time: the smaller id first), so each request's count is stable. */
export function cameBefore(other: { id: string; createdAtMillis: number }, mine: { id: string; createdAtMillis: number }): boolean {
  return other.createdAtMillis < mine.createdAtMillis || (other.createdAtMillis === mine.createdAtMillis && other.id < mine.id);
}

/**
 * Counts earlier, not rejected visitor and guest requests at the same code within the window. A processed request
 * says so (`requester.visitor` or `requester.guest`); one still `new` counts when its author has no profile or
 * their profile does not list the location.
 */
export async function countEarlierVisitorRequests(tx: Transaction, requestId: string, request: SosRequest<Timestamp>): Promise<number> {
  const mine = { id: requestId, createdAtMillis: request.createdAt.toMillis() };
  const since = Timestamp.fromMillis(mine.createdAtMillis - VISITOR_FLOOD_WINDOW_MS);
  const snapshot = await tx.get(
    refs.sosRequests().where('qrToken', '==', request.qrToken).where('createdAt', '>=', since).where('createdAt', '<=', request.createdAt),
  );
  const earlier = snapshot.docs
    .map((doc) => ({ id: doc.id, data: doc.data() }))
    .filter(({ id, data }) => data.status !== 'rejected' && cameBefore({ id, createdAtMillis: data.createdAt.toMillis() }, mine));
  const unprocessed = earlier.filter(({ data }) => data.status === 'new');
  const profiles = unprocessed.length > 0 ? await tx.getAll(...unprocessed.map(({ data }) => refs.user(data.uid))) : [];
  const outsidersUnprocessed = profiles.filter((profile) => !profile.data()?.locationIds.includes(request.locationId)).length;
  return earlier.filter(({ data }) => data.requester?.visitor === true || data.requester?.guest === true).length + outsidersUnprocessed;
}
