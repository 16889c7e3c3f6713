// Firestore for functions: one Admin SDK instance and typed refs built from @sos/model paths.
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
  type PushThrottle,
  type QrCode,
  type SosEvent,
  type SosMessage,
  type SosRequest,
  type StaffMember,
  type UserProfile,
} from '@sos/model';
import { app } from './app';

export const db = getFirestore(app);

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
  device: (uid: string, deviceId: string) => doc<Device<Timestamp>>(paths.device(uid, deviceId)),
  order: (uid: string, requestId: string) => doc<Order<Timestamp>>(paths.order(uid, requestId)),
  sosRequest: (requestId: string) => doc<SosRequest<Timestamp>>(paths.sosRequest(requestId)),
  sosRequests: () => collection<SosRequest<Timestamp>>(paths.sosRequests()),
  event: (requestId: string, eventId: string) => doc<SosEvent<Timestamp>>(paths.event(requestId, eventId)),
  events: (requestId: string) => collection<SosEvent<Timestamp>>(paths.events(requestId)),
  deliveries: (requestId: string) => collection<Delivery<Timestamp>>(paths.deliveries(requestId)),
  delivery: (requestId: string, deliveryId: string) => doc<Delivery<Timestamp>>(paths.delivery(requestId, deliveryId)),
  message: (requestId: string, messageId: string) => doc<SosMessage<Timestamp>>(paths.message(requestId, messageId)),
  messages: (requestId: string) => collection<SosMessage<Timestamp>>(paths.messages(requestId)),
  pushThrottle: (locationId: string, uid: string) => doc<PushThrottle<Timestamp>>(paths.pushThrottle(locationId, uid)),
};
