// Typed Firestore refs for the web app: components and stores never build path strings.
import {
  collection,
  type FieldValue,
  doc,
  type DocumentData,
  type FirestoreDataConverter,
  type QueryDocumentSnapshot,
  type SnapshotOptions,
  type Timestamp,
} from 'firebase/firestore';
import {
  paths,
  type Device,
  type Location,
  type LocationObject,
  type Order,
  type QrCode,
  type SosEvent,
  type SosMessage,
  type SosRequest,
  type StaffMember,
  type UserProfile,
  type Delivery,
  type SosRequestCreate,
} from '@sos/model';
import { peoplePaths, type Invite, type Member, type UserPeopleFields } from '@sos/model';
import { db } from './app';

/** Pending server timestamps read as the local estimate, so a queued request still has a time. */
const ESTIMATE: SnapshotOptions = { serverTimestamps: 'estimate' };

function converter<T>(): FirestoreDataConverter<T, DocumentData> {
  return {
    toFirestore: (value) => value as DocumentData,
    fromFirestore: (snapshot: QueryDocumentSnapshot, options?: SnapshotOptions) =>
      snapshot.data({ ...ESTIMATE, ...options }) as T,
  };
}

const typedDoc = <T>(path: string) => doc(db, path).withConverter(converter<T>());
const typedCollection = <T>(path: string) => collection(db, path).withConverter(converter<T>());

export type WithId<T> = T & { id: string };

export const refs = {
  location: (locationId: string) => typedDoc<Location>(paths.location(locationId)),
  objects: (locationId: string) => typedCollection<LocationObject>(paths.objects(locationId)),
  object: (locationId: string, objectId: string) => typedDoc<LocationObject>(paths.object(locationId, objectId)),
  staff: (locationId: string) => typedCollection<StaffMember>(paths.staff(locationId)),
  staffMember: (locationId: string, uid: string) => typedDoc<StaffMember>(paths.staffMember(locationId, uid)),
  qrCodes: () => typedCollection<QrCode>(paths.qrCodes()),
  qrCode: (token: string) => typedDoc<QrCode>(paths.qrCode(token)),
  user: (uid: string) => typedDoc<UserProfile>(paths.user(uid)),
  device: (uid: string, deviceId: string) => typedDoc<Device<Timestamp>>(paths.device(uid, deviceId)),
  /** A device as written: server timestamps are FieldValue sentinels. */
  deviceWrite: (uid: string, deviceId: string) => typedDoc<Device<FieldValue>>(paths.device(uid, deviceId)),
  orders: (uid: string) => typedCollection<Order<Timestamp>>(paths.orders(uid)),
  order: (uid: string, requestId: string) => typedDoc<Order<Timestamp>>(paths.order(uid, requestId)),
  sosRequests: () => typedCollection<SosRequest<Timestamp>>(paths.sosRequests()),
  sosRequest: (requestId: string) => typedDoc<SosRequest<Timestamp>>(paths.sosRequest(requestId)),
  newSosRequest: (requestId: string) => typedDoc<SosRequestCreate<FieldValue>>(paths.sosRequest(requestId)),
  events: (requestId: string) => typedCollection<SosEvent<Timestamp>>(paths.events(requestId)),
  messages: (requestId: string) => typedCollection<SosMessage<Timestamp>>(paths.messages(requestId)),
  /** A message as written: `at` is the serverTimestamp() sentinel. */
  newMessage: (requestId: string, messageId: string) => typedDoc<SosMessage<FieldValue>>(paths.message(requestId, messageId)),
  deliveries: (requestId: string) => typedCollection<Delivery<Timestamp>>(paths.deliveries(requestId)),
};

// People: invitations, members, and the profile with its server-written fields.
export const peopleRefs = {
  invites: () => typedCollection<Invite<Timestamp>>(peoplePaths.invites()),
  members: (locationId: string) => typedCollection<Member<Timestamp>>(peoplePaths.members(locationId)),
  profile: (uid: string) => typedDoc<UserProfile & UserPeopleFields<Timestamp>>(paths.user(uid)),
  /** What /signup writes: the rules allow exactly these fields, with no location. */
  newProfile: (uid: string) => typedDoc<UserProfile & Pick<UserPeopleFields, 'locale'>>(paths.user(uid)),
};
