// Everything a request update causes: the order mirror and audit event, then the response loop's reaction.
import type { Timestamp } from '../firestore';
import type { SosRequest } from '@sos/model';
import { respondToTransition } from '../response/respondToTransition';
import { recordTransition } from './recordTransition';

export async function handleSosRequestUpdate(
  requestId: string,
  before: SosRequest<Timestamp>,
  after: SosRequest<Timestamp>,
  changedAt: Timestamp,
): Promise<void> {
  // Independent: the resident's mirror and the staff's response loop.
  await Promise.all([recordTransition(requestId, before, after, changedAt), respondToTransition(requestId, before, after)]);
}
