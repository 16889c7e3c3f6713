// Typed Firestore refs for the web app: components and stores never build path strings.
import {
  collection,
  type CollectionReference,
  type FieldValue,
  doc,
  type DocumentData,
  type DocumentReference,
  type FirestoreDataConverter,
  type QueryDocumentSnapshot,
  type SnapshotOptions,
  type Timestamp,
} from 'firebase/firestore';
import { peopleSchema, planSchema, reachSchema, refBuilder, reportSchema, shiftSchema, sosSchema, type RefTypes } from '@sos/model';
import { db } from './app';

/** Pending server timestamps read as the local estimate, so a queued request still has a time. */
const ESTIMATE: SnapshotOptions = { serverTimestamps: 'estimate' };

function converter<T>(): FirestoreDataConverter<T, DocumentData> {
  return {
    toFirestore: (value) => value as DocumentData,
    fromFirestore: (snapshot: QueryDocumentSnapshot, options?: SnapshotOptions) => snapshot.data({ ...ESTIMATE, ...options }) as T,
  };
}

/** The web SDK's reference types, for the typed refs built from the @sos/model schema. */
interface WebRefTypes extends RefTypes {
  document: DocumentReference<this['T']>;
  collection: CollectionReference<this['T']>;
}

const webRefs = refBuilder<WebRefTypes>({
  document: (path) => doc(db, path).withConverter(converter()),
  collection: (path) => collection(db, path).withConverter(converter()),
});

export type WithId<T> = T & { id: string };

export const refs = webRefs(sosSchema<Timestamp, FieldValue>());

// People: invitations, members, and the profile with its server-written fields.
export const peopleRefs = webRefs(peopleSchema<Timestamp>());

// Reach: the signed-in person's contact methods (and, for functions, notices and verification documents).
export const reachRefs = webRefs(reachSchema<Timestamp, FieldValue>());

// Shifts: a location's weekly shifts and duty overrides.
export const shiftRefs = webRefs(shiftSchema<Timestamp>());

// Plans: the plan images of a location's objects (drawn by components/plan/PlanView.vue, uploaded by its admins).
export const planRefs = webRefs(planSchema<Timestamp>());

// Reports: a location's daily rollups, read by its admins' statistics screen.
export const reportRefs = webRefs(reportSchema());
