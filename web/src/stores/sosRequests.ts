// Creating SOS requests from the resident's phone. The id is made here, the write is queued by the
// Firestore SDK (persistent cache), so the screen moves on at once, online or not.
import { defineStore } from 'pinia';
import { ref, toValue, type MaybeRefOrGetter } from 'vue';
import { doc, collection, serverTimestamp, setDoc, updateDoc, type FieldValue } from 'firebase/firestore';
import { paths, sosRequestCreate, type SosSource } from '@sos/model';
import { db } from '../firebase/app';
import { refs } from '../firebase/refs';
import { useSessionStore } from './session';
import { useLiveDocument } from '../composables/useLive';

export interface SosRequestDraft {
  source: SosSource;
  objectId: string | null;
  description: string | null;
  repeatOf: string | null;
  qrToken?: string | null;
  /** Defaults to the resident's home location. */
  locationId?: string;
  /** A visitor's optional call-back phone (qr requests of anonymous users only). */
  contactPhone?: string | null;
}

export const useSosRequestStore = defineStore('sosRequests', () => {
  /** Writes the server refused (e.g. permission denied), by request id: shown on the countdown screen. */
  const failedWrites = ref<Record<string, string>>({});

  function newRequestId(): string {
    return doc(collection(db, paths.sosRequests())).id;
  }

  /** Queues the request and returns its id at once; never waits for the network. */
  function createRequest(draft: SosRequestDraft): string {
    const session = useSessionStore();
    const uid = session.uid;
    const locationId = draft.locationId ?? session.homeLocationId;
    if (!uid || !locationId) throw new Error('not signed in to a location');
    const requestId = newRequestId();
    const payload = sosRequestCreate<FieldValue>({ ...draft, uid, locationId }, serverTimestamp());
    setDoc(refs.newSosRequest(requestId), payload).catch((error: { code?: string; message: string }) => {
      failedWrites.value = { ...failedWrites.value, [requestId]: error.code ?? error.message };
    });
    return requestId;
  }

  /** The resident cancels a request made by mistake. */
  async function cancelRequest(requestId: string): Promise<void> {
    await updateDoc(refs.sosRequest(requestId), { status: 'cancelled', cancelledAt: serverTimestamp() });
  }

  /** The location a request belongs to (its staff phone), live for as long as the calling component. */
  function liveLocation(locationId: MaybeRefOrGetter<string | null | undefined>) {
    return useLiveDocument(() => {
      const id = toValue(locationId);
      return id ? refs.location(id) : null;
    });
  }

  return { failedWrites, createRequest, cancelRequest, liveLocation };
});
