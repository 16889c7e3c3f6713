// Pure decision for a new request: valid → open with deadlines and context, else rejected with a reason.
import {
  attachPlan,
  computeDeadlines,
  kindOf,
  offeredKinds,
  validateSosRequest,
  type Location,
  type LocationObject,
  type QrCode,
  type RejectReason,
  type Requester,
  type SosPlan,
  type SosRequest,
  type Locale,
  type Member,
  type TimestampLike,
  type UserPeopleFields,
  type UserProfile,
  VISITOR_ABUSE_LIMIT,
  VISITOR_FLOOD_WINDOW_MS,
  VISITOR_NAME,
} from '@sos/model';
import { localeOf } from '../notify/texts';

export interface NewRequestContext {
  requestId: string;
  request: SosRequest<TimestampLike>;
  location: Location | null;
  /** Who asks, from their membership document at the location, else their profile; null with neither (a visitor). */
  requester: RequesterProfile | null;
  /** The request this one repeats, when `repeatOf` is set (null when it does not exist). */
  repeated: Pick<SosRequest<TimestampLike>, 'uid'> | null;
  /** The object named by `objectId`, with its parent (whose plan is shown), when set. */
  object: LocationObject | null;
  parent: LocationObject | null;
  /** The scanned code of a `qr` request (null when unknown or not read). */
  qrCode: QrCode | null;
  /** Visitor and guest requests at the same code within the flood window before this one. */
  earlierVisitorRequests: number;
  /** The first of those still active and leading its own response: the one a grouped request joins. */
  groupLeaderId: string | null;
}

export type NewRequestDecision =
  | { status: 'rejected'; rejectReason: RejectReason }
  | {
      status: 'open';
      deadlineAtMillis: number;
      ackDeadlineAtMillis: number;
      locationName: string;
      objectName: string | null;
      requester: Requester;
      plan: SosPlan | null;
      /**
       * A visitor's or guest's request at a code where an earlier one within the flood window is still active: opens
       * without a push of its own and joins that one's response (`groupOf`).
       */
      grouped: boolean;
      groupOf: string | null;
      /** Beyond the abuse limit at its code, and the admins not yet told in this flood window: they are told now. */
      abuseSuspected: boolean;
      /** Visitor and guest requests at its code within the flood window, this one included (0 for anyone else's). */
      visitorRequestsAtCode: number;
    };

/** The requester as the decision needs them: name and phone to show staff, and whether they belong to the location. */
export interface RequesterProfile {
  name: string;
  phone: string;
  member: boolean;
  /** The language of their order's title. */
  locale: Locale;
}

/** A membership document exists only for members of its location. */
export const requesterFromMember = (member: Pick<Member<unknown>, 'name' | 'phone' | 'locale'>): RequesterProfile => ({
  name: member.name,
  phone: member.phone,
  member: true,
  locale: localeOf(member.locale),
});

/** A profile without a membership document (written outside the People flows): membership from `locationIds`. */
export const requesterFromProfile = (user: UserProfile & Pick<UserPeopleFields, 'locale'>, locationId: string): RequesterProfile => ({
  name: user.displayName,
  phone: user.phone,
  member: user.locationIds.includes(locationId),
  locale: localeOf(user.locale),
});

/** A `qr` request from someone with no profile: a visitor signed in anonymously (the rules admit nobody else). */
export const isVisitorRequest = (request: Pick<SosRequest<TimestampLike>, 'source'>, requester: RequesterProfile | null): boolean =>
  requester === null && request.source === 'qr';

/** A `qr` request from someone with a profile who is not a member of the location: a guest at the wall. */
export const isGuestRequest = (request: Pick<SosRequest<TimestampLike>, 'source'>, requester: RequesterProfile | null): boolean =>
  requester !== null && !requester.member && request.source === 'qr';

/** Who calls from outside the location at its code (a visitor or a guest): checked against the code, grouped when it floods. */
export const isOutsiderRequest = (request: Pick<SosRequest<TimestampLike>, 'source'>, requester: RequesterProfile | null): boolean =>
  isVisitorRequest(request, requester) || isGuestRequest(request, requester);

function requesterOf(request: SosRequest<TimestampLike>, requester: RequesterProfile | null): Requester {
  if (!requester) return { name: VISITOR_NAME, phone: request.contactPhone ?? '', visitor: true };
  return { name: requester.name, phone: requester.phone, ...(requester.member ? {} : { guest: true }) };
}

export function decideNewRequest(context: NewRequestContext): NewRequestDecision {
  const { request, location, requester } = context;
  const reject = (rejectReason: RejectReason): NewRequestDecision => ({ status: 'rejected', rejectReason });

  if (validateSosRequest(request).length > 0) return reject('invalid-request');
  if (!location) return reject('location-not-found');
  const outsider = isOutsiderRequest(request, requester);
  if (outsider) {
    const code = context.qrCode;
    const matches = code?.active === true && code.locationId === request.locationId && code.objectId === request.objectId;
    if (!matches) return reject('qr-revoked');
  } else if (!requester?.member) return reject('not-a-member');
  if (request.repeatOf !== null && context.repeated?.uid !== request.uid) return reject('repeat-of-foreign');
  if (request.objectId !== null && !context.object) return reject('object-not-found');
  if (request.source === 'qr' && (!request.qrToken || context.object?.qrToken !== request.qrToken)) {
    return reject('qr-revoked');
  }
  // Who may call here and where is settled first; then the kind: the one-tap call is always there, a form or QR kind
  // must be one the location offers.
  // The wall's «Нужна помощь» (`other` at a QR code) is never refused: its first-paint shell offers it before the app
  // knows the location's kinds, and a call for help must not be lost to a menu setting.
  const wallCall = request.source === 'qr' && kindOf(request) === 'other';
  if (request.source !== 'emergency' && !wallCall && !offeredKinds(location).some((kind) => kind === kindOf(request))) return reject('kind-not-offered');

  const deadlines = computeDeadlines(request.createdAt.toMillis(), location);
  const groupOf = outsider ? context.groupLeaderId : null;
  return {
    status: 'open',
    ...deadlines,
    locationName: location.name,
    objectName: context.object?.name ?? null,
    requester: requesterOf(request, requester),
    plan: attachPlan(context.object, context.parent),
    grouped: groupOf !== null,
    groupOf,
    abuseSuspected: outsider && context.earlierVisitorRequests >= VISITOR_ABUSE_LIMIT && !alertedInWindow(context.qrCode, request.createdAt.toMillis()),
    visitorRequestsAtCode: outsider ? context.earlierVisitorRequests + 1 : 0,
  };
}

/** Whether the admins were told of a possible abuse at this code within the flood window before `atMillis`. */
function alertedInWindow(code: QrCode | null, atMillis: number): boolean {
  const alertedAt = code?.abuseAlertedAt?.toMillis();
  return alertedAt !== undefined && atMillis - alertedAt < VISITOR_FLOOD_WINDOW_MS;
}
