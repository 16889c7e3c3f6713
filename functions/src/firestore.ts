// Firestore for functions: one Admin SDK instance, typed refs built from @sos/model paths, and the one access
// layer every read and write goes through, so the bench's cost counts (costs.ts) come from here, not from domain code.
import {
  getFirestore,
  type CollectionReference,
  type DocumentData,
  type DocumentReference,
  type DocumentSnapshot,
  type Firestore,
  type FirestoreDataConverter,
  type Precondition,
  type Query,
  type QueryDocumentSnapshot,
  type QuerySnapshot,
  type Timestamp,
  type Transaction,
  type WithFieldValue,
  type WriteBatch,
} from 'firebase-admin/firestore';
import {
  paths,
  type Delivery,
  type Device,
  type Dispatch,
  type Location,
  type LocationObject,
  type Order,
  type QrCode,
  type SosEvent,
  type SosMessage,
  type SosRequest,
  type StaffMember,
  type UserProfile,
} from '@sos/model';
import { peoplePaths, type Invite, type Member, type UserPeopleFields } from '@sos/model';
import { app } from './app';
import { countQuery, countRead, countWrite } from './costs';

const firestore = getFirestore(app);

/** What a read or write is billed as: the collection of the document (`sosRequests`, `events`, …). */
const kindOf = (ref: DocumentReference<unknown>): string => ref.parent.id;

const WRITE_METHODS = new Set<PropertyKey>(['set', 'update', 'create', 'delete']);

/** A transaction or batch whose writes (and, for a transaction, reads) are counted. */
function counting<T extends Transaction | WriteBatch>(target: T): T {
  const proxy: T = new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== 'function') return value;
      if (property === 'get') {
        return async (refOrQuery: DocumentReference<unknown> | Query<unknown>) => {
          const result = await (value as (ref: unknown) => Promise<DocumentSnapshot | QuerySnapshot>).call(object, refOrQuery);
          if ('docs' in result) countQuery('query', result.size);
          else countRead(kindOf(result.ref));
          return result;
        };
      }
      if (property === 'getAll') {
        return async (...refs: DocumentReference<unknown>[]) => {
          const snapshots = await (value as (...refs: unknown[]) => Promise<DocumentSnapshot[]>).apply(object, refs);
          for (const snapshot of snapshots) countRead(kindOf(snapshot.ref));
          return snapshots;
        };
      }
      if (WRITE_METHODS.has(property)) {
        return (ref: DocumentReference<unknown>, ...rest: unknown[]) => {
          (value as (...args: unknown[]) => unknown).call(object, ref, ...rest);
          countWrite(kindOf(ref));
          return proxy;
        };
      }
      return (value as (...args: unknown[]) => unknown).bind(object);
    },
  });
  return proxy;
}

/** The Admin SDK's Firestore, with transactions, batches and `getAll` counted. */
export const db: Firestore = new Proxy(firestore, {
  get(object, property) {
    if (property === 'runTransaction') {
      return <R>(update: (tx: Transaction) => Promise<R>, options?: Parameters<Firestore['runTransaction']>[1]) =>
        object.runTransaction((tx) => update(counting(tx)), options);
    }
    if (property === 'batch') return () => counting(object.batch());
    if (property === 'getAll') {
      return async (...refs: Parameters<Firestore['getAll']>) => {
        const snapshots = await object.getAll(...refs);
        for (const snapshot of snapshots) countRead(kindOf(snapshot.ref));
        return snapshots;
      };
    }
    const value: unknown = Reflect.get(object, property, object);
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
  },
});

type Snapshots<Refs extends readonly DocumentReference<object>[]> = {
  [K in keyof Refs]: Refs[K] extends DocumentReference<infer T> ? DocumentSnapshot<T> : never;
};

/** Several documents of different types in one round trip of a transaction (`getAll`), typed per position. */
export async function readAllIn<Refs extends readonly DocumentReference<object>[]>(tx: Transaction, ...documents: Refs): Promise<Snapshots<Refs>> {
  return (await tx.getAll(...(documents as unknown as DocumentReference<object>[]))) as unknown as Snapshots<Refs>;
}

// ---- single reads and writes outside transactions ----

export async function readDoc<T>(ref: DocumentReference<T>): Promise<DocumentSnapshot<T>> {
  const snapshot = await ref.get();
  countRead(kindOf(ref));
  return snapshot;
}

/** A query on one collection, `narrow`ed (where, limit, …): billed one read per document, one when empty. */
export async function readQuery<T>(
  collection: CollectionReference<T>,
  narrow: (all: CollectionReference<T>) => Query<T> = (all) => all,
): Promise<QuerySnapshot<T>> {
  const snapshot = await narrow(collection).get();
  countQuery(collection.id, snapshot.size);
  return snapshot;
}

export async function writeDoc<T>(ref: DocumentReference<T>, data: WithFieldValue<T>): Promise<void> {
  await ref.set(data);
  countWrite(kindOf(ref));
}

export async function deleteDoc<T>(ref: DocumentReference<T>, precondition?: Precondition): Promise<void> {
  await ref.delete(precondition);
  countWrite(kindOf(ref));
}

function converter<T extends object>(): FirestoreDataConverter<T> {
  return {
    toFirestore: (value) => value as DocumentData,
    fromFirestore: (snapshot: QueryDocumentSnapshot) => snapshot.data() as T,
  };
}

const doc = <T extends object>(path: string) => firestore.doc(path).withConverter(converter<T>());
const collection = <T extends object>(path: string) => firestore.collection(path).withConverter(converter<T>());

export const refs = {
  location: (locationId: string) => doc<Location>(paths.location(locationId)),
  object: (locationId: string, objectId: string) => doc<LocationObject>(paths.object(locationId, objectId)),
  objects: (locationId: string) => collection<LocationObject>(paths.objects(locationId)),
  staff: (locationId: string) => collection<StaffMember>(paths.staff(locationId)),
  qrCode: (token: string) => doc<QrCode>(paths.qrCode(token)),
  user: (uid: string) => doc<UserProfile & UserPeopleFields<Timestamp>>(paths.user(uid)),
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
  dispatches: () => collection<Dispatch<Timestamp>>(paths.dispatches()),
  dispatch: (locationId: string) => doc<Dispatch<Timestamp>>(paths.dispatch(locationId)),
};

// People: invitations and the members of each location.
export const peopleRefs = {
  invite: (code: string) => doc<Invite<Timestamp>>(peoplePaths.invite(code)),
  members: (locationId: string) => collection<Member<Timestamp>>(peoplePaths.members(locationId)),
  member: (locationId: string, uid: string) => doc<Member<Timestamp>>(peoplePaths.member(locationId, uid)),
  staffMember: (locationId: string, uid: string) => doc<StaffMember>(paths.staffMember(locationId, uid)),
  userProfile: (uid: string) => doc<UserProfile & UserPeopleFields<Timestamp>>(paths.user(uid)),
};

// ---- the Admin SDK's Firestore values and types, for domain code (which never imports firebase-admin itself) ----

export { FieldValue, Timestamp } from 'firebase-admin/firestore';
export type { DocumentSnapshot, Transaction } from 'firebase-admin/firestore';
