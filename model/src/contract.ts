// The data contract between web, rules, functions and tests (see docs/ARCHITECTURE.md "Data model").
import type { AlertChannel, AlertStep, ContactAlertChannel } from './alertSteps';
import type { FormKind, SosKind } from './kinds';
import type { DutyOverride, RosterDuty, Shift } from './shifts';

/** Both Firestore SDKs' Timestamps satisfy this, so one set of types serves web and functions. */
export interface TimestampLike {
  toMillis(): number;
}

export const ROLES = ['resident', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const SOS_SOURCES = ['emergency', 'form', 'qr'] as const;
export type SosSource = (typeof SOS_SOURCES)[number];

export const SOS_STATUSES = ['new', 'open', 'rejected', 'acknowledged', 'on_site', 'resolved', 'cancelled'] as const;
export type SosStatus = (typeof SOS_STATUSES)[number];

export const MAX_DESCRIPTION_LENGTH = 1000;
export const MAX_RESOLUTION_LENGTH = 500;
/** The staff name shown on a claimed request. */
export const MAX_ACK_BY_NAME_LENGTH = 100;

export interface Claims {
  role: Role;
  locationIds: string[];
}

export interface Location {
  name: string;
  /** E.164, e.g. +73422580078 */
  staffPhone: string;
  /** Arrival target: the countdown the resident sees. */
  responseMinutes: number;
  /** Escalation timer: time to acknowledge. */
  ackSeconds: number;
  timezone: string;
  /** uids of the location's admins (role `admin` with this location in `locationIds`): pushed on escalation. Written by the backend/seed only. */
  admins?: string[];
  /** Which channel alerts an audience and when (alertSteps.ts); absent = DEFAULT_ALERT_STEPS. Admins of the location write it. */
  alertSteps?: AlertStep[];
  /** The form and QR kinds offered, in order (never `emergency`: the one-tap call is always there); absent = all (kinds.ts). */
  kinds?: FormKind[];
  /** The emergency services number the requester is offered beside the staff phone for urgent kinds; absent = '112'. */
  emergencyNumber?: string;
  /** The admin who added it with `createLocation` (functions only; absent on a seeded or bootstrapped location). */
  createdBy?: string;
}

/** A plan image shipped with the app (the demo's files in web/public/plans). */
export interface PlanFile {
  url: string;
  width: number;
  height: number;
}

/**
 * A plan the location's admin uploaded: the image is the document `locations/{locationId}/plans/{planId}`
 * (PlanDocument, planImages.ts), `planId` being the id of the object whose plan it is. The size is the image's.
 */
export interface UploadedPlan {
  locationId: string;
  planId: string;
  width: number;
  height: number;
}

/** An object's plan: a shipped file or an uploaded image; drawn only through <img> (components/plan/PlanView.vue). */
export type PlanImage = PlanFile | UploadedPlan;

/** A point on a plan, each coordinate in 0..1 of the plan's width and height. */
export interface PlanPoint {
  x: number;
  y: number;
}

export interface LocationObject {
  name: string;
  kind: 'building' | 'floor' | 'room' | 'zone' | 'entrance' | string;
  parentId: string | null;
  plan?: PlanImage | null;
  position?: PlanPoint | null;
  qrToken?: string | null;
  selectable: boolean;
}

export interface QrCode {
  locationId: string;
  objectId: string;
  active: boolean;
  /** When the admins were last told of a possible abuse at this code (functions only): once per flood window. */
  abuseAlertedAt?: TimestampLike;
  /** What the code's screen shows (functions only, qrPlace.ts): absent until projected, null once its object or location is gone. */
  place?: QrPlace | null;
}

/** The public projection of a wall code: all a visitor or guest reads of the place, never the location or object documents. */
export interface QrPlace {
  locationName: string;
  staffPhone: string;
  responseMinutes: number;
  /** The form and QR kinds offered, resolved (offeredKinds). */
  kinds: FormKind[];
  /** Resolved (emergencyNumberOf). */
  emergencyNumber: string;
  objectName: string;
  /** The parent whose plan is shown, null for a top-level object. */
  parentName: string | null;
  /** The parent's plan with the object's position as the marker (attachPlan), null without one. */
  plan: SosPlan | null;
}

export interface UserProfile {
  displayName: string;
  phone: string;
  locationIds: string[];
  homeLocationId: string | null;
}

export interface Device<Ts = TimestampLike> {
  token: string;
  createdAt: Ts;
  lastSeenAt: Ts;
}

export interface StaffMember {
  name: string;
  phone: string;
  /** The manual start («Заступить на смену»), on top of the shifts (shifts.ts); functions switch it off 12 hours later. */
  onDuty: boolean;
  tier: 1 | 2;
  /** When the manual start was switched on, written with `onDuty: true`: it bounds the start to 12 hours. */
  onDutySince?: TimestampLike;
  /** «Закончить смену»: off duty, whatever the shifts say, until this instant (at most 24 hours ahead). */
  offUntil?: TimestampLike;
}

export interface Geo {
  lat: number;
  lng: number;
  accuracy: number;
}

export type SosPlan = PlanImage & {
  marker: PlanPoint;
};

export interface Requester {
  name: string;
  phone: string;
  /** A visitor without an account (anonymous sign-in at a QR code): `name` is «Посетитель», `phone` the contact phone given, if any. */
  visitor?: boolean;
  /** Signed in but not a member of the location, calling at its QR code: their own name and phone; counts toward the code's flood like a visitor. */
  guest?: boolean;
}

/** What staff see as a visitor's name. */
export const VISITOR_NAME = 'Посетитель';
/**
 * A visitor or guest request at a code where an earlier one within this window is still active opens `grouped`: it
 * joins that one's response (`groupOf`; no push, escalation or alert steps of its own). A flood is one alarm.
 */
export const VISITOR_FLOOD_WINDOW_MS = 10 * 60_000;
/** Beyond this many visitor requests at one code within the window, the location's admins get one "possible abuse" alert. */
export const VISITOR_ABUSE_LIMIT = 30;

/** Exactly the fields a resident writes when creating a request (the rules enforce the same list). */
export const SOS_REQUEST_CLIENT_FIELDS = [
  'uid',
  'locationId',
  'objectId',
  'source',
  'kind',
  'silent',
  'description',
  'repeatOf',
  'qrToken',
  'geo',
  'status',
  'createdAt',
] as const;

export interface SosRequest<Ts = TimestampLike> {
  // written by the resident at create
  uid: string;
  locationId: string;
  objectId: string | null;
  source: SosSource;
  /** What kind of help (kinds.ts); absent on requests made before kinds: read it with `kindOf`. */
  kind?: SosKind;
  /** A silent call (one-tap source only): no sound on the requester's phone, and staff must not call back. */
  silent?: boolean;
  description: string | null;
  repeatOf: string | null;
  /** The scanned code, for `source: 'qr'`: a revoked code is rejected. */
  qrToken?: string | null;
  geo?: Geo;
  status: SosStatus;
  createdAt: Ts;
  // written by functions
  rejectReason?: RejectReason;
  deadlineAt?: Ts;
  ackDeadlineAt?: Ts;
  plan?: SosPlan | null;
  locationName?: string;
  objectName?: string | null;
  requester?: Requester;
  escalationLevel?: number;
  /** Still `acknowledged` at `deadlineAt`: the staff are late (stays true as a record once they arrive). */
  arrivalOverdue?: boolean;
  /** Nobody of tier 1 was on duty with a device when it opened: escalation round 1 ran at once. */
  nobodyOnDuty?: boolean;
  /** A visitor request that joined an earlier active one at its code (`groupOf`): opened, but without a push of its own. */
  grouped?: boolean;
  /**
   * A grouped request joins the response of the first active visitor request at its code (its id): no escalation or
   * alert steps of its own, and it follows that request's claim, arrival and resolution. Functions only.
   */
  groupOf?: string;
  /** Opened by the second path because its create trigger had not (see SECOND_PATH): which one, and how late. */
  openedLate?: OpenedLate;
  // written by a visitor at create (`qr` requests of anonymous users only)
  /** A phone the visitor left for staff to call back, ≤ 20 characters. */
  contactPhone?: string | null;
  // written by staff
  ackBy?: string;
  ackByName?: string;
  ackAt?: Ts;
  /** Functions only: the channel a claim came from when it was not the app (Telegram, SMS reply, voice key). */
  ackChannel?: ContactAlertChannel;
  /** Functions only: the key pressed on a call that claimed it. */
  ackDigits?: string;
  arrivedAt?: Ts;
  /** Who marked the arrival (any staff member of the location may be the one on site). */
  arrivedBy?: string;
  resolvedBy?: string;
  resolvedAt?: Ts;
  resolution?: string;
  // written by the resident
  cancelledAt?: Ts;
  /** The requester called the emergency services too (server time, written alone, once, while someone still has to come). */
  called112At?: Ts;
}

// ---- write-side types: what a client or function writes ----
// `ServerTime` is the writing SDK's serverTimestamp() sentinel (FieldValue), `Ts` its Timestamp.

/** What a resident's client writes at create (built by `sosRequestCreate`); a visitor may add `contactPhone`. */
export type SosRequestCreate<ServerTime> = Pick<
  SosRequest,
  'uid' | 'locationId' | 'objectId' | 'source' | 'kind' | 'silent' | 'description' | 'repeatOf' | 'qrToken' | 'geo'
> & {
  status: 'new';
  createdAt: ServerTime;
  contactPhone?: string | null;
};

/**
 * The second path to opening a request, for when its create trigger failed or never came: the requester's app asks
 * the `openMyRequest` callable once a request is still `new` `requesterAfterMs` after it was made, and the
 * `sweepStuckRequests` schedule (every minute) opens any still `new` `sweeperAfterMs` after it was made. All three
 * run the same idempotent open step: whichever comes first opens it, the others change nothing.
 */
export const SECOND_PATH = { requesterAfterMs: 10_000, sweeperAfterMs: 30_000 } as const;
export const SECOND_PATH_VIAS = ['requester', 'sweeper'] as const;
export type SecondPathVia = (typeof SECOND_PATH_VIAS)[number];

/** What the request and its `validated` event record when the second path opened it. */
export interface OpenedLate {
  via: SecondPathVia;
  /** From `createdAt` to the opening, whole seconds. */
  afterSeconds: number;
}

/** `openMyRequest`: the request's status after the call (`new` only if it could not be decided). */
export interface OpenMyRequestRequest {
  requestId: string;
}
export interface OpenMyRequestResult {
  status: SosStatus;
  /** True when this call opened (or rejected) it; false when it was already decided. */
  decidedNow: boolean;
}

export const REJECT_REASONS = [
  'location-not-found',
  'not-a-member',
  'repeat-of-foreign',
  'object-not-found',
  'qr-revoked',
  'invalid-request',
  'kind-not-offered',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export interface Order<Ts = TimestampLike> {
  kind: 'sos';
  requestId: string;
  status: SosStatus;
  title: string;
  locationName: string;
  objectName: string | null;
  createdAt: Ts;
  deadlineAt: Ts | null;
  ackByName: string | null;
  plan: SosPlan | null;
  rejectReason: RejectReason | null;
  updatedAt: Ts;
}

export const SOS_EVENT_TYPES = [
  'created',
  'validated',
  'rejected',
  'notified',
  'acknowledged',
  'on_site',
  'resolved',
  'cancelled',
  'escalated',
  /** The escalation chain stopped after at least one round (detail: the status that stopped it, or `max-rounds`). */
  'escalation_ended',
  /** Still acknowledged at the deadline (`arrival_overdue`), then every 2 minutes (`arrival_overdue-<n>`). */
  'arrival_overdue',
  /** A message was written (who and when; the text is not copied). */
  'message',
  /** A provider reported what became of an SMS or a call (`delivery-<rowId>-<status>`): detail `channel`, `status`, `name`. */
  'delivery',
  /** The requester called the emergency services too (`called112At`). */
  'called_112',
] as const;
export type SosEventType = (typeof SOS_EVENT_TYPES)[number];

export interface SosEvent<Ts = TimestampLike> {
  type: SosEventType;
  at: Ts;
  /** uid of the actor, or null for the system. */
  by: string | null;
  detail: string | SosEventDetail | null;
}

export const ESCALATION_REASONS = ['nobody_on_duty'] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

/**
 * The structured detail of some events: `escalated-1` run at opening because nobody was on duty
 * (`reason`, `round`), an `arrival_overdue` repeat (`repeat`), a `message` (`messageId`, `role`), a push batch's
 * `notified-<batch>` (`batch` and its counts, no ids).
 */
export interface SosEventDetail {
  reason?: EscalationReason;
  round?: number;
  repeat?: number;
  messageId?: string;
  role?: MessageRole;
  /** The push batch: `open`, `esc-<round>`, `ack`, `overdue-<n>`, `msg-<messageId>`. */
  batch?: string;
  /** How many people the batch was for. */
  recipients?: number;
  /** Of those, how many were pushed now (the others were `grouped`: pushed about this resident within the throttle window). */
  pushed?: number;
  grouped?: number;
  /** Devices of the pushed people, and what became of each delivery. */
  devices?: number;
  statuses?: Partial<Record<DeliveryStatus, number>>;
  /**
   * The channel: of an alert step's `notified-alert-<round>-<index>` batch; of an `acknowledged` event made from a
   * Telegram, SMS or voice claim (absent or `app` from the app); of a `delivery` event (a provider's status report).
   */
  channel?: AlertChannel | 'app';
  /** Whose claim or delivery it was: the staff member's name as the roster has it. */
  name?: string;
  /** A `delivery` event: the row's new status. */
  status?: DeliveryStatus;
  /** A `validated` event made by the second path: which one (`requester`, `sweeper`) and how late. */
  via?: SecondPathVia;
  afterSeconds?: number;
  /** An `acknowledged` event from a call: the key pressed. */
  digits?: string;
}

export const MESSAGE_ROLES = ['requester', 'staff', 'admin'] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];
export const MAX_MESSAGE_LENGTH = 500;
export const MAX_CONTACT_PHONE_LENGTH = 20;

/** `sosRequests/{id}/messages/{messageId}`: written by the requester and the location's staff and admins; immutable. */
export interface SosMessage<Ts = TimestampLike> {
  uid: string;
  role: MessageRole;
  text: string;
  at: Ts;
}

/**
 * `sosRequests/{id}/messageRates/{uid}`: how many messages the writer sent in their current window, written by the
 * writer in the batch of each message (the rules hold it to `MESSAGES_PER_MINUTE` a window); never deleted.
 */
export interface MessageRate<Ts = TimestampLike> {
  windowStart: Ts;
  count: number;
  /** The message whose batch wrote this: the rules tie each message to one bump. */
  lastMessageId: string;
}

/** `delivered` and `no-answer` come later, from Twilio's status callbacks on an SMS or call row. */
export const DELIVERY_STATUSES = ['sent', 'failed', 'token_removed', 'emulated', 'delivered', 'no-answer'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface Delivery<Ts = TimestampLike> {
  uid: string;
  deviceId: string;
  status: DeliveryStatus;
  error: string | null;
  at: Ts;
  /** The push batch this row belongs to: `open`, `esc-<round>` (escalation round) or `ack` (to the requester). */
  batch?: string;
  /** The recipient's locale the push was written in, and its title as sent. */
  locale?: Locale;
  title?: string;
  /** The channel it went out on; absent on push rows written before Reach (read as `push`). */
  channel?: AlertChannel;
  /** A contact method's row (`deviceId` is then the contact's id): its address, the provider's id, and when emulated the request body the provider's API would have received. */
  to?: string;
  providerId?: string | null;
  payload?: Record<string, unknown> | null;
}

/**
 * The `pushThrottle` of a membership document (`locations/{locationId}/members/{residentUid}`): per recipient, the last
 * staff push about this resident's requests there; each recipient is pushed at most once per window per resident
 * (repeats are grouped). Functions only. Visitors have no membership: their floods are grouped per QR code instead.
 */
export interface PushThrottle<Ts = TimestampLike> {
  recipients: Record<string, PushSlot<Ts>>;
}

/** One recipient's slot: the push that holds it, and (message pushes only) what it announced and what was held back since. */
export interface PushSlot<Ts = TimestampLike> {
  lastPushAt: Ts;
  requestId: string;
  batch: string;
  /** How many messages this push announced (itself and those held back before it). */
  count?: number;
  /** Ids of the messages held back since this push: the next push announces them. */
  held?: string[];
}

/**
 * `sosRequests/{id}/throttles/messages`, server-only: the message pushes' slots of one request, per recipient
 * (at most one message push per window per recipient and request; messages within it are held and counted).
 */
export interface MessageThrottle<Ts = TimestampLike> {
  pushThrottle: PushThrottle<Ts>;
}

/** Someone the backend may push about a location's requests, as the location's dispatch document holds them. */
export interface DispatchRecipient {
  /** Their roster tier at this location; null for an admin without a roster entry there. Who is on duty is `duty`'s. */
  tier: StaffMember['tier'] | null;
  admin: boolean;
  /** deviceId → push token. */
  devices: Record<string, string>;
  /** The language of their pushes: `users/{uid}.locale`, Russian when unset. */
  locale: Locale;
  /** Their verified contact methods (`users/{uid}/contacts` with `verified: true`), what alert steps send to. */
  contacts?: DispatchContact[];
}

/** A verified contact method as the dispatch document copies it. */
export interface DispatchContact {
  id: string;
  channel: ContactAlertChannel;
  /** E.164 for `sms`/`voice`, the chat id for `telegram`. */
  address: string;
}

/**
 * What `onDutyAt` (shifts.ts) needs of a location besides its `timezone`: who is on duty is computed at the instant a
 * reader needs it, never copied.
 */
export interface DispatchDuty {
  shifts: Shift[];
  /** The overrides that had not ended when the document was rebuilt. */
  overrides: DutyOverride[];
  /** Every roster entry: uid → tier, manual start, early end. */
  roster: Record<string, RosterDuty>;
}

/**
 * `dispatch/{locationId}`, server-only: the location's settings, what decides its duty (shifts, overrides, roster),
 * and everyone who may be pushed there (its whole roster and its admins) with their push tokens, locales and contact
 * methods. Rebuilt by triggers whenever the location, its roster, shifts, overrides or one of these people's devices,
 * contacts or locales changes, so opening a request and pushing about it reads one document instead of the roster
 * and every device.
 */
export interface Dispatch<Ts = TimestampLike> {
  location: Location;
  /** Absent on a document built before shifts: its recipients with a tier were then the ones on duty. */
  duty?: DispatchDuty;
  recipients: Record<string, DispatchRecipient>;
  /** The uids of `recipients`, for the device trigger's `array-contains` query. */
  recipientUids: string[];
  rebuiltAt: Ts;
}

/**
 * `dutyWatch/{locationId}`, server-only: what the duty watch (`watchDuty`, every 5 minutes) remembers between runs:
 * the tier-1 coverage gaps it warned the admins about and whose start is still ahead, so that a gap covered before it
 * starts is called off once. Everything else it sends is remembered by the notice's own fixed id.
 */
export interface DutyWatchState {
  warnedGaps: { startMillis: number; endMillis: number }[];
}

/** The order the backend writes when it opens or rejects a request. */
export type OrderCreate<Ts, ServerTime> = Omit<Order<Ts>, 'updatedAt'> & { updatedAt: ServerTime };

/** What each later status change merges into the order: `updatedAt` is the change's own time, so stale replays lose. */
export type OrderMirror<Ts> = Pick<Order<Ts>, 'status' | 'ackByName' | 'updatedAt'>;

/** An audit event as the backend writes it: at the actor's recorded time, or at server time. */
export type SosEventWrite<Ts, ServerTime> = SosEvent<Ts | ServerTime>;

/** A push delivery row, stamped at server time. */
export type DeliveryWrite<ServerTime> = Delivery<ServerTime>;

/** The recipients' slots a push batch claims (merged into the throttle document), stamped at server time. */
export type PushThrottleWrite<ServerTime> = PushThrottle<ServerTime>;

// ---- People (PRODUCT.md "Contract additions → People") ----

export const LOCALES = ['ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Roles an invitation can grant; admins are made by `setMemberRole`. */
export const INVITE_ROLES = ['resident', 'staff'] as const;
export type InviteRole = (typeof INVITE_ROLES)[number];

/** `invites/{code}`: written only by functions, read by the admins of its location. */
export interface Invite<Ts = TimestampLike> {
  locationId: string;
  role: InviteRole;
  createdBy: string;
  createdAt: Ts;
  expiresAt: Ts;
  maxUses: number;
  uses: number;
  revoked: boolean;
  /** Who has accepted it: a second accept by the same user is a replay and uses nothing. */
  acceptedBy: string[];
}

/**
 * `locations/{id}/members/{uid}`: everyone of the location, for the admins' "People" list (claims cannot be queried),
 * and what opening this person's request needs in the same read: name and phone (kept equal to the profile's) and the
 * push throttle. Functions only.
 */
export interface Member<Ts = TimestampLike> {
  name: string;
  phone: string;
  role: Role;
  joinedAt: Ts;
  /** The person's language (the profile's; Russian when unset): the order title of their requests. */
  locale?: Locale;
  pushThrottle?: PushThrottle<Ts>;
}

/** The server-written parts of `users/{uid}` added by People. */
export interface UserPeopleFields<Ts = TimestampLike> {
  locale?: Locale;
  /** Server time of the last change of this user's custom claims: the client then refreshes its ID token. */
  claimsUpdatedAt?: Ts;
}

export interface CreateInviteRequest {
  locationId: string;
  role: InviteRole;
  maxUses?: number;
  expiresInHours?: number;
}
export interface CreateInviteResult {
  code: string;
  url: string;
  /** ISO 8601. */
  expiresAt: string;
}
export interface AcceptInviteRequest {
  code: string;
}
export interface AcceptInviteResult {
  locationId: string;
  role: InviteRole;
}
/** `describeInvite`: what the join page names before «Присоединиться», to anyone holding the code, signed in or not. */
export interface DescribeInviteRequest {
  code: string;
}
export interface DescribeInviteResult {
  /** The location's name ('' if it has none any more). */
  locationName: string;
  role: InviteRole;
}
export interface SetMemberRoleRequest {
  locationId: string;
  uid: string;
  role: Role;
}
export interface RemoveMemberRequest {
  locationId: string;
  uid: string;
}
export interface RevokeInviteRequest {
  code: string;
}

/** Why a people callable refused: the `details.reason` of its HttpsError, which the UI translates. */
export const PEOPLE_REFUSALS = [
  'invalid-role',
  'invalid-max-uses',
  'invalid-hours',
  'invalid-code',
  'invalid-uid',
  'invalid-location',
  'not-admin',
  'unknown-code',
  'expired',
  'revoked',
  'used-up',
  'last-admin',
  'role-conflict',
  'not-a-member',
] as const;
export type PeopleRefusal = (typeof PEOPLE_REFUSALS)[number];
