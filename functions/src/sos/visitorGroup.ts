// A flood at one QR code is one alarm: requests grouped there (`groupOf`) join the first active visitor request's
// response. They follow its claim, arrival and resolution; when its requester cancels it, the next one leads.
// Beyond the abuse limit, the location's admins are told once per flood window.
import { FieldValue, type Timestamp, db, refs } from '../firestore';
import type { SosRequest, SosStatus } from '@sos/model';
import { readDispatchNow } from '../dispatch/rebuildDispatch';
import { deliverPushBatch } from '../notify/pushBatch';
import { titlePlace } from '../notify/messages';
import { textsFor } from '../notify/texts';
import { targetsOf } from '../dispatch/dispatchDoc';
import { logs } from '../logs';

type Request = SosRequest<Timestamp>;

/** How far along the response is: a grouped request only ever moves forward to where its leader is. */
const PROGRESS: Partial<Record<SosStatus, number>> = { open: 0, acknowledged: 1, on_site: 2, resolved: 3 };
const FOLLOWING: readonly SosStatus[] = ['open', 'acknowledged', 'on_site'];

/** Only a visitor's or guest's request at a code can lead a group. */
const mayLead = (request: Request): boolean =>
  request.source === 'qr' && !request.groupOf && (request.requester?.visitor === true || request.requester?.guest === true);

/** The fields that bring a grouped request to where its leader is, or null when it is there already (or closed). */
export function catchUpWith(
  leader: Pick<Request, 'status' | 'ackBy' | 'ackByName' | 'ackAt' | 'arrivedAt' | 'arrivedBy' | 'resolvedBy' | 'resolvedAt' | 'resolution'>,
  member: Pick<Request, 'status'>,
): Partial<Request> | null {
  const target = PROGRESS[leader.status];
  const current = PROGRESS[member.status];
  if (target === undefined || current === undefined || !FOLLOWING.includes(member.status) || current >= target) return null;
  const fields: Partial<Request> = { status: leader.status };
  if (leader.ackBy) Object.assign(fields, { ackBy: leader.ackBy, ackByName: leader.ackByName ?? '', ackAt: leader.ackAt });
  if (leader.arrivedBy) Object.assign(fields, { arrivedBy: leader.arrivedBy, arrivedAt: leader.arrivedAt });
  if (leader.resolvedBy) Object.assign(fields, { resolvedBy: leader.resolvedBy, resolvedAt: leader.resolvedAt, resolution: leader.resolution ?? '' });
  return fields;
}

/** The leader was claimed, reached or resolved: every request grouped with it still behind follows, in one transaction. */
export async function answerGroup(leaderId: string, leader: Request): Promise<void> {
  if (!mayLead(leader)) return;
  const moved = await db.runTransaction(async (tx) => {
    const members = await tx.get(refs.sosRequests().where('groupOf', '==', leaderId));
    let count = 0;
    for (const member of members.docs) {
      const fields = catchUpWith(leader, member.data());
      if (!fields) continue;
      tx.update(member.ref, fields);
      count += 1;
    }
    return count;
  });
  if (moved > 0) logs.groupAnswered(leaderId, leader.status, moved);
}

/**
 * The leader's requester cancelled: the earliest request still active in the group leads from now on (the others are
 * pointed at it) and gets what a leader has: its own escalation and alert steps while open, an arrival watch once
 * claimed. The group never loses its response because the first visitor went away.
 */
export async function handOverGroup(leaderId: string, leader: Request): Promise<void> {
  if (mayLead(leader)) await passTheLead(leaderId);
}

/** The earliest request still active in the group of `leaderId` leads it from now on; nothing when none is left. */
async function passTheLead(leaderId: string): Promise<void> {
  const next = await db.runTransaction(async (tx) => {
    const members = await tx.get(refs.sosRequests().where('groupOf', '==', leaderId));
    const active = members.docs
      .filter((doc) => FOLLOWING.includes(doc.data().status))
      .sort((a, b) => a.data().createdAt.toMillis() - b.data().createdAt.toMillis());
    const [first, ...rest] = active;
    if (!first) return null;
    tx.update(first.ref, { groupOf: FieldValue.delete(), grouped: FieldValue.delete() });
    for (const member of rest) tx.update(member.ref, { groupOf: first.id });
    return { id: first.id, request: { ...first.data(), groupOf: undefined, grouped: undefined } as Request };
  });
  if (!next) return;
  logs.groupHandedOver(leaderId, next.id);
  await takeTheLead(next.id, next.request);
}

/** What a request that now leads its group must have: the open step's effects, or the arrival watch once claimed. */
async function takeTheLead(requestId: string, request: Request): Promise<void> {
  // Imported here: processNewRequest and the arrival chain import this module's neighbours.
  const { redoOpenEffects } = await import('./processNewRequest');
  const { enqueueArrivalCheck } = await import('../arrival/arrivalChain');
  const { firstArrivalCheck } = await import('../arrival/arrivalTask');
  if (request.status === 'open') await redoOpenEffects(requestId, request);
  else if (request.status === 'acknowledged' && request.deadlineAt) await enqueueArrivalCheck(firstArrivalCheck(requestId, request.deadlineAt.toMillis()));
}

/**
 * A grouped request just opened, or found again by a replay or the sweeper: if its leader is already claimed or
 * further, it catches up; if its leader is no longer active (cancelled, and the hand-over did not run), the hand-over
 * runs now. Idempotent: a request already caught up, or a group already handed over, changes nothing.
 */
export async function followLeader(requestId: string, groupOf: string): Promise<void> {
  const leader = (await refs.sosRequest(groupOf).get()).data();
  if (!leader || leader.status === 'cancelled') {
    await passTheLead(groupOf);
    return;
  }
  await db.runTransaction(async (tx) => {
    const member = (await tx.get(refs.sosRequest(requestId))).data();
    if (member?.groupOf !== groupOf) return;
    const fields = catchUpWith(leader, member);
    if (fields) tx.update(refs.sosRequest(requestId), fields);
  });
}

/**
 * Tells the location's admins, once per flood window at a code (the create transaction set `abuseAlertedAt`), that
 * the code gets more visitor calls than people plausibly make. A fixed batch id on the request that crossed the
 * limit: a replay pushes nobody twice.
 */
export async function alertAbuse(requestId: string, request: Pick<Request, 'locationId' | 'locationName' | 'objectName'>, count: number): Promise<void> {
  const dispatch = await readDispatchNow(request.locationId);
  const admins = [...(dispatch?.location.admins ?? [])].sort();
  logs.abuseSuspected(requestId, request.locationId, count);
  await deliverPushBatch({
    requestId,
    batch: 'abuse',
    message: (locale) => {
      const texts = textsFor(locale);
      return {
        title: texts.abuseTitle(titlePlace(request)),
        body: texts.abuseBody(count),
        link: `/admin/requests/${encodeURIComponent(requestId)}`,
        tag: `abuse-${requestId}`,
        data: { requestId, kind: 'abuse' },
      };
    },
    recipients: async () => admins,
    targets: async (uids) => (dispatch ? targetsOf(dispatch, uids) : []),
  });
}
