// Effects of a new request: read its context, decide, write request + order + audit in one transaction.
import { FieldValue, Timestamp, type Transaction } from 'firebase-admin/firestore';
import { findTransition, type OrderCreate, type SosEventWrite, type SosRequest } from '@sos/model';
import { db, refs } from '../firestore';
import { logs } from '../logs';
import { decideNewRequest, isVisitorRequest, type NewRequestDecision } from './decideNewRequest';
import { countEarlierVisitorRequests } from './visitorFlood';

export const ORDER_TITLE = 'Вызов персонала';

async function readContext(tx: Transaction, requestId: string, request: SosRequest<Timestamp>) {
  const location = tx.get(refs.location(request.locationId));
  const user = tx.get(refs.user(request.uid));
  const repeated = request.repeatOf ? tx.get(refs.sosRequest(request.repeatOf)) : null;
  const object = request.objectId ? tx.get(refs.object(request.locationId, request.objectId)) : null;
  const code = request.source === 'qr' && request.qrToken ? tx.get(refs.qrCode(request.qrToken)) : null;
  const [locationSnap, userSnap, repeatedSnap, objectSnap, codeSnap] = await Promise.all([location, user, repeated, object, code]);
  const objectData = objectSnap?.data() ?? null;
  let parentData = null;
  if (objectData?.parentId) {
    parentData = (await tx.get(refs.object(request.locationId, objectData.parentId))).data() ?? null;
  }
  const userData = userSnap.data() ?? null;
  return {
    requestId,
    request,
    location: locationSnap.data() ?? null,
    user: userData,
    repeated: repeatedSnap?.data() ?? null,
    object: objectData,
    parent: parentData,
    qrCode: codeSnap?.data() ?? null,
    earlierVisitorRequests: isVisitorRequest(request, userData) ? await countEarlierVisitorRequests(tx, requestId, request) : 0,
  };
}

function orderFor(
  requestId: string,
  request: SosRequest<Timestamp>,
  decision: NewRequestDecision,
): OrderCreate<Timestamp, FieldValue> {
  const open = decision.status === 'open' ? decision : null;
  return {
    kind: 'sos',
    requestId,
    status: decision.status,
    title: ORDER_TITLE,
    locationName: open?.locationName ?? '',
    objectName: open?.objectName ?? null,
    createdAt: request.createdAt,
    deadlineAt: open ? Timestamp.fromMillis(open.deadlineAtMillis) : null,
    ackByName: null,
    plan: open?.plan ?? null,
    rejectReason: decision.status === 'rejected' ? decision.rejectReason : null,
    updatedAt: FieldValue.serverTimestamp(),
  };
}

/** The lifecycle's row for the backend's decision on a new request. */
function transitionTo(status: NewRequestDecision['status']) {
  const row = findTransition('new', status);
  if (row?.actor !== 'function') throw new Error(`the lifecycle has no backend transition new → ${status}`);
  return row;
}

/**
 * Opens or rejects a new request. Idempotent: a request that is no longer `new`
 * (already processed, or cancelled meanwhile) is left as it is.
 */
export async function processNewRequest(
  requestId: string,
  created?: SosRequest<Timestamp>,
): Promise<NewRequestDecision | null> {
  return db.runTransaction(async (tx) => {
    // The fields the context depends on (uid, locationId, objectId, repeatOf) never change after
    // create, so with the event's copy the request and its context are read in one round trip.
    const [snapshot, prefetched] = await Promise.all([
      tx.get(refs.sosRequest(requestId)),
      created ? readContext(tx, requestId, created) : null,
    ]);
    const request = snapshot.data();
    if (!request) {
      logs.requestMissing(requestId);
      return null;
    }
    if (request.status !== 'new') {
      logs.requestAlreadyProcessed(requestId, request.status);
      return null;
    }
    const context = prefetched ? { ...prefetched, request } : await readContext(tx, requestId, request);
    const decision = decideNewRequest(context);
    const now = FieldValue.serverTimestamp();

    if (decision.status === 'open') {
      tx.update(refs.sosRequest(requestId), {
        status: 'open',
        deadlineAt: Timestamp.fromMillis(decision.deadlineAtMillis),
        ackDeadlineAt: Timestamp.fromMillis(decision.ackDeadlineAtMillis),
        locationName: decision.locationName,
        objectName: decision.objectName,
        requester: decision.requester,
        plan: decision.plan,
        escalationLevel: 0,
        ...(decision.grouped ? { grouped: true } : {}),
      });
    } else {
      tx.update(refs.sosRequest(requestId), { status: 'rejected', rejectReason: decision.rejectReason });
    }
    tx.set(refs.order(request.uid, requestId), orderFor(requestId, request, decision));
    const createdEvent: SosEventWrite<Timestamp, FieldValue> = { type: 'created', at: request.createdAt, by: request.uid, detail: request.source };
    tx.set(refs.event(requestId, 'created'), createdEvent);
    const decidedEvent: SosEventWrite<Timestamp, FieldValue> = {
      type: transitionTo(decision.status).event,
      at: now,
      by: null,
      detail: decision.status === 'rejected' ? decision.rejectReason : null,
    };
    tx.set(refs.event(requestId, decidedEvent.type), decidedEvent);

    if (decision.status === 'open') logs.requestOpened(requestId, request.locationId);
    else logs.requestRejected(requestId, decision.rejectReason);
    return decision;
  });
}
