// Every Firestore document and collection with the type of its documents, declared once: the web app and the
// functions each build their typed refs from it (web/src/firebase/refs.ts, functions/src/firestore.ts). Adding a
// collection is one line here. `Ts` is the SDK's Timestamp class; `Fv` its FieldValue (a sentinel a write may hold).
import type { AlertLimits } from './alertSteps';
import type { Contact, ContactCreate, ContactVerification, Notice, TelegramLink } from './contacts';
import type {
  Delivery,
  Device,
  Dispatch,
  DutyWatchState,
  Invite,
  Location,
  LocationObject,
  Member,
  MessageRate,
  MessageThrottle,
  Order,
  QrCode,
  SosEvent,
  SosMessage,
  SosRequest,
  SosRequestCreate,
  StaffMember,
  UserPeopleFields,
  UserProfile,
} from './contract';
import { paths, peoplePaths, planPaths, reachPaths, reportPaths, shiftPaths } from './paths';
import type { PlanDocument } from './planImages';
import type { DailyRollup, RollupMarker } from './rollups';
import type { JournalExportTicket } from './journalExport';
import type { DutyOverride, Shift } from './shifts';

/** A document path and the type of the document there. `type` is never set: it only carries the type. */
export interface DocumentPath<T, Args extends string[]> {
  kind: 'document';
  path(...args: Args): string;
  type?: T;
}

/** A collection path and the type of its documents. */
export interface CollectionPath<T, Args extends string[]> {
  kind: 'collection';
  path(...args: Args): string;
  type?: T;
}

/** Any entry of a schema: what an SDK's ref builder takes. */
export type SchemaPath = DocumentPath<unknown, string[]> | CollectionPath<unknown, string[]>;

const document =
  <T>() =>
  <Args extends string[]>(path: (...args: Args) => string): DocumentPath<T, Args> => ({ kind: 'document', path });
const collection =
  <T>() =>
  <Args extends string[]>(path: (...args: Args) => string): CollectionPath<T, Args> => ({ kind: 'collection', path });

/** A user's profile with the fields People flows and functions write. */
type UserDocument<Ts> = UserProfile & UserPeopleFields<Ts>;

/** The documents of SOS, by the name of their ref. */
export function sosSchema<Ts, Fv>() {
  return {
    locations: collection<Location>()(paths.locations),
    location: document<Location>()(paths.location),
    objects: collection<LocationObject>()(paths.objects),
    object: document<LocationObject>()(paths.object),
    staff: collection<StaffMember>()(paths.staff),
    staffMember: document<StaffMember>()(paths.staffMember),
    qrCodes: collection<QrCode>()(paths.qrCodes),
    qrCode: document<QrCode>()(paths.qrCode),
    user: document<UserDocument<Ts>>()(paths.user),
    devices: collection<Device<Ts>>()(paths.devices),
    device: document<Device<Ts>>()(paths.device),
    /** A device as written: server timestamps are FieldValue sentinels. */
    deviceWrite: document<Device<Fv>>()(paths.device),
    orders: collection<Order<Ts>>()(paths.orders),
    order: document<Order<Ts>>()(paths.order),
    sosRequests: collection<SosRequest<Ts>>()(paths.sosRequests),
    sosRequest: document<SosRequest<Ts>>()(paths.sosRequest),
    /** A request as its client creates it. */
    newSosRequest: document<SosRequestCreate<Fv>>()(paths.sosRequest),
    events: collection<SosEvent<Ts>>()(paths.events),
    event: document<SosEvent<Ts>>()(paths.event),
    deliveries: collection<Delivery<Ts>>()(paths.deliveries),
    delivery: document<Delivery<Ts>>()(paths.delivery),
    messages: collection<SosMessage<Ts>>()(paths.messages),
    message: document<SosMessage<Ts>>()(paths.message),
    /** A message as written: `at` is the serverTimestamp() sentinel. */
    newMessage: document<SosMessage<Fv>>()(paths.message),
    messageRate: document<MessageRate<Ts>>()(paths.messageRate),
    /** A rate document as written: `windowStart` a serverTimestamp() sentinel. */
    newMessageRate: document<MessageRate<Fv>>()(paths.messageRate),
    messageThrottle: document<MessageThrottle<Ts>>()(paths.messageThrottle),
    dispatches: collection<Dispatch<Ts>>()(paths.dispatches),
    dispatch: document<Dispatch<Ts>>()(paths.dispatch),
    dutyWatch: document<DutyWatchState>()(paths.dutyWatch),
    alertLimit: document<AlertLimits>()(paths.alertLimit),
  } satisfies Record<string, SchemaPath>;
}

/** People: invitations, the members of each location, and the profile with its server-written fields. */
export function peopleSchema<Ts>() {
  return {
    invites: collection<Invite<Ts>>()(peoplePaths.invites),
    invite: document<Invite<Ts>>()(peoplePaths.invite),
    members: collection<Member<Ts>>()(peoplePaths.members),
    member: document<Member<Ts>>()(peoplePaths.member),
    profile: document<UserDocument<Ts>>()(paths.user),
    /** What /signup writes: the rules allow exactly these fields, with no location. */
    newProfile: document<UserProfile & Pick<UserPeopleFields, 'locale'>>()(paths.user),
  } satisfies Record<string, SchemaPath>;
}

/** Reach: a person's contact methods and notices, and the functions-only verification and Telegram link documents. */
export function reachSchema<Ts, Fv>() {
  return {
    contacts: collection<Contact<Ts>>()(reachPaths.contacts),
    contact: document<Contact<Ts>>()(reachPaths.contact),
    /** A phone method as its owner adds it (`contactCreate`). */
    newContact: document<ContactCreate<Fv>>()(reachPaths.contact),
    /** A method as functions write it: times may be FieldValue sentinels. */
    contactWrite: document<Contact<Ts | Fv>>()(reachPaths.contact),
    notices: collection<Notice<Ts>>()(reachPaths.notices),
    notice: document<Notice<Ts>>()(reachPaths.notice),
    noticeWrite: document<Notice<Ts | Fv>>()(reachPaths.notice),
    contactVerification: document<ContactVerification<Ts>>()(reachPaths.contactVerification),
    telegramLink: document<TelegramLink<Ts>>()(reachPaths.telegramLink),
  } satisfies Record<string, SchemaPath>;
}

/** Plans: the plan images its admins upload (members read them; anyone, one an active wall code shows). */
export function planSchema<Ts>() {
  return {
    plans: collection<PlanDocument<Ts>>()(planPaths.plans),
    plan: document<PlanDocument<Ts>>()(planPaths.plan),
  } satisfies Record<string, SchemaPath>;
}

/** Shifts: a location's weekly shifts and duty overrides, written by its admins. */
export function shiftSchema<Ts>() {
  return {
    shifts: collection<Shift>()(shiftPaths.shifts),
    shift: document<Shift>()(shiftPaths.shift),
    overrides: collection<DutyOverride<Ts>>()(shiftPaths.overrides),
    override: document<DutyOverride<Ts>>()(shiftPaths.override),
  } satisfies Record<string, SchemaPath>;
}

/** Reports: a location's daily rollups (functions write them, its admins read them), the functions-only markers and export links. */
export function reportSchema() {
  return {
    dailyRollups: collection<DailyRollup>()(reportPaths.dailyRollups),
    dailyRollup: document<DailyRollup>()(reportPaths.dailyRollup),
    rollupMarkers: collection<RollupMarker>()(reportPaths.rollupMarkers),
    rollupMarker: document<RollupMarker>()(reportPaths.rollupMarker),
    journalExport: document<JournalExportTicket>()(reportPaths.journalExport),
  } satisfies Record<string, SchemaPath>;
}

/**
 * An SDK's reference types as a type function of the document type `T`: an SDK module declares
 * `interface MyRefs extends RefTypes { document: DocumentReference<this['T']>; collection: CollectionReference<this['T']> }`.
 */
export interface RefTypes {
  readonly T: unknown;
  document: unknown;
  collection: unknown;
}

type Applied<R extends RefTypes, T> = R & { readonly T: T };

/** The typed refs of a schema in an SDK: one function per entry, taking the entry's path arguments. */
export type RefsOf<S extends Record<string, SchemaPath>, R extends RefTypes> = {
  [K in keyof S]: S[K] extends DocumentPath<infer T, infer Args>
    ? (...args: Args) => Applied<R, T>['document']
    : S[K] extends CollectionPath<infer T, infer Args>
      ? (...args: Args) => Applied<R, T>['collection']
      : never;
};

/** How an SDK makes an untyped-at-compile-time ref for a path; the result is typed by `RefsOf`. */
export interface RefMakers {
  document(path: string): unknown;
  collection(path: string): unknown;
}

/** An SDK's builder of typed refs: give it a schema, get a ref function per entry. */
export function refBuilder<R extends RefTypes>(make: RefMakers) {
  return <S extends Record<string, SchemaPath>>(schema: S): RefsOf<S, R> => {
    const built: Record<string, (...args: string[]) => unknown> = {};
    for (const [name, entry] of Object.entries(schema)) {
      built[name] = (...args) => (entry.kind === 'document' ? make.document(entry.path(...args)) : make.collection(entry.path(...args)));
    }
    // Each entry's ref is made for its own path with the converter of its type, so it is the type RefsOf gives it.
    return built as RefsOf<S, R>;
  };
}
