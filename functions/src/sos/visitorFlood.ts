// Visitor flood at one QR code: how many visitor and guest requests came before this one within the window, and
// which of them leads the response a grouped request joins.
import { Timestamp, type Transaction, refs } from '../firestore';
import { VISITOR_FLOOD_WINDOW_MS, type SosRequest, type SosStatus } from '@sos/model';

/** Whether `other` came before `mine` (same server time: the smaller id first), so each request's count is stable. */
export function cameBefore(other: { id: string; createdAtMillis: number }, mine: { id: string; createdAtMillis: number }): boolean {
  return other.createdAtMillis < mine.createdAtMillis || (other.createdAtMillis === mine.createdAtMillis && other.id < mine.id);
}

/** The visitor and guest requests that came before one at the same code, and the group it would join. */
export interface EarlierAtCode {
  /** Earlier, not rejected visitor and guest requests at the code within the window. */
  count: number;
  /** The first of them still active and leading its own response (no `groupOf`): the request a grouped one joins. */
  leaderId: string | null;
}

const LEADING_STATUSES: readonly SosStatus[] = ['open', 'acknowledged', 'on_site'];

/**
 * Counts earlier, not rejected visitor and guest requests at the same code within the window. A processed request
 * says so (`requester.visitor` or `requester.guest`); one still `new` counts when its author has no profile or
 * their profile does not list the location.
 */
export async function earlierAtCode(tx: Transaction, requestId: string, request: SosRequest<Timestamp>): Promise<EarlierAtCode> {
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
  const outsiders = earlier.filter(({ data }) => data.requester?.visitor === true || data.requester?.guest === true);
  const leader = outsiders
    .filter(({ data }) => LEADING_STATUSES.includes(data.status) && !data.groupOf)
    .sort((a, b) =>
      cameBefore({ id: a.id, createdAtMillis: a.data.createdAt.toMillis() }, { id: b.id, createdAtMillis: b.data.createdAt.toMillis() }) ? -1 : 1,
    )[0];
  return { count: outsiders.length + outsidersUnprocessed, leaderId: leader?.id ?? null };
}
