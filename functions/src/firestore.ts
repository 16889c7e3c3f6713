// Firestore for functions: one Admin SDK instance, typed refs built from @sos/model paths, and the one access
// layer every read and write goes through, so the bench's cost counts (costs.ts) come from here, not from domain code.
import {
  getFirestore,
  type CollectionReference,
  type DocumentData,
  type DocumentReference,
  type FieldValue,
  type DocumentSnapshot,
  type Firestore,
  type FirestoreDataConverter,
  type Precondition,
  type Query,
  type QueryDocumentSnapshot,
  type QuerySnapshot,
  type Timestamp,
  type Transaction,
  type PartialWithFieldValue,
  type WithFieldValue,
  type WriteBatch,
} from 'firebase-admin/firestore';
import {
  peopleSchema,
  planSchema,
  reachSchema,
  refBuilder,
  reportSchema,
  shiftSchema,
  sosSchema,
  type Contact,
  type Delivery,
  type RefTypes,
} from '@sos/model';
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
  const snapshots: DocumentSnapshot<object>[] = await tx.getAll(...documents);
  // getAll answers in the order it was asked, so position i holds the snapshot of documents[i].
  return snapshots as Snapshots<Refs>;
}

// ---- single reads and writes outside transactions ----

/** `countedAs`: the kind the bench counts it under, when not its collection (a read only the emulator makes). */
export async function readDoc<T>(ref: DocumentReference<T>, countedAs: string = kindOf(ref)): Promise<DocumentSnapshot<T>> {
  const snapshot = await ref.get();
  countRead(countedAs);
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

/** How many documents a query matches (a count() aggregation): billed one read per 1,000 counted, one when none. */
export async function readCount<T>(query: Query<T>, kind: string): Promise<number> {
  const { count } = (await query.count().get()).data();
  countQuery(kind, Math.ceil(count / 1000));
  return count;
}

export async function writeDoc<T>(ref: DocumentReference<T>, data: WithFieldValue<T>): Promise<void> {
  await ref.set(data);
  countWrite(kindOf(ref));
}

/** Creates the document; fails if it exists. */
export async function createDoc<T>(ref: DocumentReference<T>, data: WithFieldValue<T>): Promise<void> {
  await ref.create(data);
  countWrite(kindOf(ref));
}

/** Merges the given fields into the document, creating it if needed. */
export async function mergeDoc<T>(ref: DocumentReference<T>, data: PartialWithFieldValue<T>): Promise<void> {
  await ref.set(data, { merge: true });
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

/** The Admin SDK's reference types, for the typed refs built from the @sos/model schema. */
interface AdminRefTypes extends RefTypes {
  document: DocumentReference<Extract<this['T'], object>>;
  collection: CollectionReference<Extract<this['T'], object>>;
}

const adminRefs = refBuilder<AdminRefTypes>({
  document: (path) => firestore.doc(path).withConverter(converter<object>()),
  collection: (path) => firestore.collection(path).withConverter(converter<object>()),
});

export const refs = adminRefs(sosSchema<Timestamp, FieldValue>());

/** Collection groups queried across their parents (Reach: a provider's callback names a number or a message id, not a path). */
export const groupRefs = {
  deliveries: () => firestore.collectionGroup('deliveries').withConverter(converter<Delivery<Timestamp>>()),
  contacts: () => firestore.collectionGroup('contacts').withConverter(converter<Contact<Timestamp>>()),
};

/** A collection group query, `narrow`ed: billed one read per document, one when empty. */
export async function readGroup<T>(group: Query<T>, name: string, narrow: (all: Query<T>) => Query<T>): Promise<QuerySnapshot<T>> {
  const snapshot = await narrow(group).get();
  countQuery(name, snapshot.size);
  return snapshot;
}
export const peopleRefs = adminRefs(peopleSchema<Timestamp>());
export const reachRefs = adminRefs(reachSchema<Timestamp, FieldValue>());
export const shiftRefs = adminRefs(shiftSchema<Timestamp>());
export const planRefs = adminRefs(planSchema<Timestamp>());
export const reportRefs = adminRefs(reportSchema());

// ---- the Admin SDK's Firestore values and types, for domain code (which never imports firebase-admin itself) ----

export { FieldValue, Timestamp } from 'firebase-admin/firestore';
export type { DocumentReference, DocumentSnapshot, PartialWithFieldValue, Transaction } from 'firebase-admin/firestore';
