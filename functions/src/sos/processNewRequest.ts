// A new request, in one transaction: read the request, its location's dispatch document and the requester's
// membership document (one `getAll`), decide, write request + order + audit events and claim the push throttle;
// then, after the commit, enqueue escalation round 1 and push the on-duty tier-1 staff.
import { FieldValue, Timestamp, type Transaction, db, peopleRefs, readAllIn, readDoc, refs } from '../firestore';
import { findTransition, type Locale, type OpenedLate, type OrderCreate, type SecondPathVia, type SosEventWrite, type SosRequest } from '@sos/model';
import { logs } from '../logs';
import { injectFault } from '../faults';
import { readDispatch } from '../dispatch/rebuildDispatch';
import { planOpenPush, resumeResponseLoop, startResponseLoop, type OpenStep, type OpenedRequest } from '../response/respondToTransition';
import {
  decideNewRequest,
  isOutsiderRequest,
  requesterFromMember,
  requesterFromProfile,
  type NewRequestDecision,
  type RequesterProfile,
} from './decideNewRequest';
import { earlierAtCode } from './visitorFlood';
import { alertAbuse, followLeader } from './visitorGroup';
import { readDispatchNow } from '../dispatch/rebuildDispatch';
import { startAlertSteps } from '../reach/steps/alertStepChain';
import { localeOf, textsFor } from '../notify/texts';

/**
 * What only some requests need: the repeated request, the object and its parent (whose plan is shown), and for a
 * request made from a QR code, the code and how many visitor and guest requests came before it there.
 */
async function readOptionalContext(tx: Transaction, requestId: string, request: SosRequest<Timestamp>, requester: RequesterProfile | null) {
  const repeated = request.repeatOf ? tx.get(refs.sosRequest(request.repeatOf)) : null;
  const object = request.objectId ? tx.get(refs.object(request.locationId, request.objectId)) : null;
  const code = request.source === 'qr' && request.qrToken ? tx.get(refs.qrCode(request.qrToken)) : null;
  const earlier = isOutsiderRequest(request, requester) ? earlierAtCode(tx, requestId, request) : { count: 0, leaderId: null };
  const [repeatedSnap, objectSnap, codeSnap, { count: earlierVisitorRequests, leaderId: groupLeaderId }] = await Promise.all([repeated, object, code, earlier]);
  const objectData = objectSnap?.data() ?? null;
  const parent = objectData?.parentId ? ((await tx.get(refs.object(request.locationId, objectData.parentId))).data() ?? null) : null;
  return { repeated: repeatedSnap?.data() ?? null, object: objectData, parent, qrCode: codeSnap?.data() ?? null, earlierVisitorRequests, groupLeaderId };
}

/** Without a membership document: the profile (written outside the People flows), or nobody (a visitor). */
async function readProfileOf(tx: Transaction, request: SosRequest<Timestamp>): Promise<RequesterProfile | null> {
  const user = (await tx.get(refs.user(request.uid))).data();
  return user ? requesterFromProfile(user, request.locationId) : null;
}

function orderFor(requestId: string, request: SosRequest<Timestamp>, decision: NewRequestDecision, locale: Locale): OrderCreate<Timestamp, FieldValue> {
  const open = decision.status === 'open' ? decision : null;
  return {
    kind: 'sos',
    requestId,
    status: decision.status,
    title: textsFor(locale).orderTitle,
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

type Outcome =
  | {
      kind: 'decided';
      decision: NewRequestDecision;
      opened: { request: OpenedRequest; step: OpenStep; dispatch: NonNullable<Awaited<ReturnType<typeof readDispatch>>> } | null;
    }
  | { kind: 'replayed'; request: SosRequest<Timestamp> };

/** Who runs the open step: the create trigger, or the second path (`SECOND_PATH`) when the trigger did not. */
export interface OpenStepRun {
  /** The create event's copy of the request: with it, everything is read in one round trip. */
  created?: SosRequest<Timestamp>;
  /** Absent for the trigger; the second path records itself on the request it opens (`openedLate`). */
  via?: SecondPathVia;
}

/** How late the second path opened it, from the request's createdAt (whole seconds, never negative). */
function openedLate(via: SecondPathVia | undefined, request: SosRequest<Timestamp>): OpenedLate | null {
  return via ? { via, afterSeconds: Math.max(0, Math.round((Date.now() - request.createdAt.toMillis()) / 1000)) } : null;
}

/**
 * Opens or rejects a new request. Idempotent: a request that is no longer `new` is left as it is; if it is open,
 * whatever of the open step a crash may have cut short is redone (escalation enqueue and pushes have fixed ids).
 */
export async function processNewRequest(requestId: string, { created, via }: OpenStepRun = {}): Promise<NewRequestDecision | null> {
  const requestRef = refs.sosRequest(requestId);
  // uid and locationId never change after create: with the event's copy, everything is read in one round trip.
  const known = created ?? (await readDoc(requestRef)).data();
  if (!known) {
    logs.requestMissing(requestId);
    return null;
  }
  // SOS_FAULTS (demo- projects only) fails the trigger's own run here or after the commit, never the second path's.
  if (!via) injectFault('open-before-commit', requestId, known.uid);
  const outcome = await db.runTransaction(async (tx): Promise<Outcome | null> => {
    const memberRef = peopleRefs.member(known.locationId, known.uid);
    const [snapshot, dispatchSnap, memberSnap] = await readAllIn(tx, requestRef, refs.dispatch(known.locationId), memberRef);
    const request = snapshot.data();
    if (!request) {
      logs.requestMissing(requestId);
      return null;
    }
    if (request.status !== 'new') {
      logs.requestAlreadyProcessed(requestId, request.status);
      return { kind: 'replayed', request };
    }
    const member = memberSnap.data();
    const requester = member ? requesterFromMember(member) : await readProfileOf(tx, request);
    const optional = await readOptionalContext(tx, requestId, request, requester);
    // Last read: a missing dispatch document is rebuilt and written here, and a transaction reads before it writes.
    const dispatch = await readDispatch(tx, request.locationId, dispatchSnap);
    const decision = decideNewRequest({ requestId, request, location: dispatch?.location ?? null, requester, ...optional });
    const now = FieldValue.serverTimestamp();

    let opened: { request: OpenedRequest; step: OpenStep; dispatch: NonNullable<Awaited<ReturnType<typeof readDispatch>>> } | null = null;
    const late = openedLate(via, request);
    if (decision.status === 'open' && dispatch) {
      const deadlineAt = Timestamp.fromMillis(decision.deadlineAtMillis);
      const ackDeadlineAt = Timestamp.fromMillis(decision.ackDeadlineAtMillis);
      tx.update(requestRef, {
        status: 'open',
        deadlineAt,
        ackDeadlineAt,
        locationName: decision.locationName,
        objectName: decision.objectName,
        requester: decision.requester,
        plan: decision.plan,
        escalationLevel: 0,
        ...(decision.groupOf ? { grouped: true, groupOf: decision.groupOf } : {}),
        ...(late ? { openedLate: late } : {}),
      });
      const openedRequest: OpenedRequest = {
        ...request,
        deadlineAt,
        ackDeadlineAt,
        locationName: decision.locationName,
        objectName: decision.objectName,
        requester: decision.requester,
        grouped: decision.grouped,
        ...(decision.groupOf ? { groupOf: decision.groupOf } : {}),
      };
      const { claim, ...step } = planOpenPush(requestId, openedRequest, dispatch, member?.pushThrottle, Date.now());
      if (claim && member) tx.set(memberRef, { pushThrottle: claim }, { merge: true });
      opened = { request: openedRequest, step, dispatch };
      // Once per flood window at a code: the request that crosses the abuse limit marks the code as it tells the admins.
      if (decision.abuseSuspected && request.qrToken) tx.update(refs.qrCode(request.qrToken), { abuseAlertedAt: now });
    } else if (decision.status === 'rejected') {
      tx.update(requestRef, { status: 'rejected', rejectReason: decision.rejectReason });
    }
    tx.set(refs.order(request.uid, requestId), orderFor(requestId, request, decision, localeOf(requester?.locale)));
    const createdEvent: SosEventWrite<Timestamp, FieldValue> = { type: 'created', at: request.createdAt, by: request.uid, detail: request.source };
    tx.set(refs.event(requestId, 'created'), createdEvent);
    const decidedEvent: SosEventWrite<Timestamp, FieldValue> = {
      type: transitionTo(decision.status).event,
      at: now,
      by: null,
      detail: decision.status === 'rejected' ? decision.rejectReason : late,
    };
    tx.set(refs.event(requestId, decidedEvent.type), decidedEvent);
    return { kind: 'decided', decision, opened };
  });

  if (!outcome) return null;
  if (outcome.kind === 'replayed') {
    if (outcome.request.status === 'open') await redoOpenEffects(requestId, outcome.request);
    return null;
  }
  const { decision, opened } = outcome;
  if (decision.status === 'open') logs.requestOpened(requestId, known.locationId, via);
  else logs.requestRejected(requestId, decision.rejectReason);
  if (!via) injectFault('open-after-commit', requestId, known.uid);
  if (opened && decision.status === 'open') {
    if (decision.abuseSuspected) await alertAbuse(requestId, opened.request, decision.visitorRequestsAtCode);
    // A grouped request has its leader's response: it only catches up with a claim made before it opened.
    if (decision.groupOf) await followLeader(requestId, decision.groupOf);
    else {
      await startResponseLoop(requestId, opened.request, opened.step, { fromTrigger: !via });
      // The open step's audience gets the location's alert steps from the request's createdAt.
      await startAlertSteps(requestId, 0, opened.request.createdAt.toMillis(), opened.dispatch);
    }
  }
  return decision;
}

/**
 * What follows the commit of an open request, redone for a replayed create event or by the sweeper: escalation round 1,
 * the open push and the alert steps, each under its fixed id (what happened is not done twice), on one dispatch read.
 */
export async function redoOpenEffects(requestId: string, request: SosRequest<Timestamp>): Promise<void> {
  if (request.groupOf) return followLeader(requestId, request.groupOf);
  const dispatch = await readDispatchNow(request.locationId);
  await resumeResponseLoop(requestId, request, dispatch);
  if (!request.grouped) await startAlertSteps(requestId, 0, request.createdAt.toMillis(), dispatch);
}
