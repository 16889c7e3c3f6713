// Firestore for functions: one Admin SDK instance and typed refs built from @sos/model paths.
import { initializeApp, getApps } from 'firebase-admin/app';
import {
  getFirestore,
  type DocumentData,
  type FirestoreDataConverter,
  type QueryDocumentSnapshot,
  type Timestamp,
} from 'firebase-admin/firestore';
import {
  paths,
  type Delivery,
  type Device,
  type Location,
  type LocationObject,
  type Order,
  type QrCode,
  type SosEvent,
  type SosRequest,
  type StaffMember,
  type UserProfile,
} from '@sos/model';

if (getApps().length === 0) initializeApp();
export const db = getFirestore();

function converter<T extends object>(): FirestoreDataConverter<T> {
  return {
    toFirestore: (value) => value as DocumentData,
    fromFirestore: (snapshot: QueryDocumentSnapshot) => snapshot.data() as T,
  };
}

const doc = <T extends object>(path: string) => db.doc(path).withConverter(converter<T>());
const collection = <T extends object>(path: string) => db.collection(path).withConverter(converter<T>());

export const refs = {
  location: (locationId: string) => doc<Location>(paths.location(locationId)),
  object: (locationId: string, objectId: string) => doc<LocationObject>(paths.object(locationId, objectId)),
  objects: (locationId: string) => collection<LocationObject>(paths.objects(locationId)),
  staff: (locationId: string) => collection<StaffMember>(paths.staff(locationId)),
  qrCode: (token: string) => doc<QrCode>(paths.qrCode(token)),
  user: (uid: string) => doc<UserProfile>(paths.user(uid)),
  devices: (uid: string) => collection<Device<Timestamp>>(paths.devices(uid)),
  order: (uid: string, requestId: string) => doc<Order<Timestamp>>(paths.order(uid, requestId)),
  sosRequest: (requestId: string) => doc<SosRequest<Timestamp>>(paths.sosRequest(requestId)),
  sosRequests: () => collection<SosRequest<Timestamp>>(paths.sosRequests()),
  event: (requestId: string, eventId: string) => doc<SosEvent<Timestamp>>(paths.event(requestId, eventId)),
  events: (requestId: string) => collection<SosEvent<Timestamp>>(paths.events(requestId)),
  deliveries: (requestId: string) => collection<Delivery<Timestamp>>(paths.deliveries(requestId)),
};
