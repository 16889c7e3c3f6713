// The resident's side of requests: creating them (the id is made here, the write is queued by the
// Firestore SDK's persistent cache, so the screen moves on at once, online or not) and cancelling one;
// what the countdown screen shows before the server answers (failed writes, provisional clocks).
import { acceptHMRUpdate, defineStore } from 'pinia';
import { ref } from 'vue';
import { doc, collection, serverTimestamp, setDoc, updateDoc } from 'firebase/firestore';
import { cancelWrite, paths, sosRequestCreate, type SosKind, type SosSource } from '@sos/model';
import { db } from '../firebase/app';
import { refs } from '../firebase/refs';
import { useSessionStore } from './session';
import { useHomeLocationStore } from './homeLocation';

export interface SosRequestDraft {
  source: SosSource;
  /** What kind of help; absent: `emergency` for the one-tap source, `other` for the form and QR (sosRequestCreate). */
  kind?: SosKind;
  /** A silent call (one-tap source only): no sound on this phone, and staff must not call back. */
  silent?: boolean;
  objectId: string | null;
  description: string | null;
  repeatOf: string | null;
  qrToken?: string | null;
  /** Defaults to the resident's home location. */
  locationId?: string;
  /** A visitor's optional call-back phone (qr requests of anonymous users only). */
  contactPhone?: string | null;
  /** An id made before the app loaded (the first-paint shell); a fresh one otherwise. */
  requestId?: string;
  /** When the person tapped (phone clock); defaults to now. */
  tappedAt?: number;
  /** The location's response time as cached by the shell; defaults to the live home location's. */
  responseMinutes?: number | null;
}

/** Firestore's auto-id shape; a given id must have it. */
const REQUEST_ID = /^[A-Za-z0-9]{20}$/;
/** A second «ЭКСТРЕННАЯ ПОМОЩЬ» this soon after the first is the same call (a double tap). */
const DOUBLE_TAP_MS = 2000;

export const useSosRequestStore = defineStore('sosRequests', () => {
  /** Writes the server refused (e.g. permission denied), by request id: shown on the countdown screen. */
  const failedWrites = ref<Record<string, string>>({});
  /** Until the server sets deadlineAt: the tap time and the deadline from the location's response time, by request id. */
  const provisionalClocks = ref<Record<string, { startedAt: number; deadlineAt: number }>>({});
  let lastEmergency: { requestId: string; locationId: string; silent: boolean; at: number } | null = null;

  function newRequestId(): string {
    return doc(collection(db, paths.sosRequests())).id;
  }

  /** Queues the request and returns its id at once; never waits for the network. */
  function createRequest(draft: SosRequestDraft): string {
    const uid = useSessionStore().uid;
    const home = useHomeLocationStore();
    const locationId = draft.locationId ?? home.homeLocationId;
    if (!uid || !locationId) throw new Error('not signed in to a location');
    const tappedAt = draft.tappedAt ?? Date.now();
    const silent = draft.source === 'emergency' && draft.silent === true;
    // A silent call right after a normal one (or the other way round) is a different call, not a double tap.
    const isDoubleTap =
      draft.source === 'emergency' &&
      !draft.repeatOf &&
      lastEmergency?.locationId === locationId &&
      lastEmergency.silent === silent &&
      tappedAt - lastEmergency.at < DOUBLE_TAP_MS;
    if (isDoubleTap && lastEmergency) {
      return lastEmergency.requestId;
    }
    if (draft.requestId !== undefined && !REQUEST_ID.test(draft.requestId)) throw new Error(`bad request id: ${draft.requestId}`);
    const requestId = draft.requestId ?? newRequestId();
    if (draft.source === 'emergency' && !draft.repeatOf) lastEmergency = { requestId, locationId, silent, at: tappedAt };
    const minutes = draft.responseMinutes ?? home.homeLocation?.responseMinutes;
    if (minutes) provisionalClocks.value = { ...provisionalClocks.value, [requestId]: { startedAt: tappedAt, deadlineAt: tappedAt + minutes * 60_000 } };
    const payload = sosRequestCreate({ ...draft, uid, locationId }, serverTimestamp());
    setDoc(refs.newSosRequest(requestId), payload).catch((error: { code?: string; message: string }) => {
      failedWrites.value = { ...failedWrites.value, [requestId]: error.code ?? error.message };
    });
    return requestId;
  }

  const askedToOpen = new Set<string>();
  /**
   * The second path: the server has had this request, still `new`, for SECOND_PATH.requesterAfterMs (its create
   * trigger failed): asks the backend to open it, once per request and page load. A failed call is left to the
   * sweeper, which opens it within the next minute anyway.
   */
  async function askToOpen(requestId: string): Promise<void> {
    if (askedToOpen.has(requestId)) return;
    askedToOpen.add(requestId);
    // Loaded only now: the Functions SDK stays off the path of the SOS tap, which almost never needs it.
    const { callables } = await import('../firebase/functions');
    await callables.openMyRequest({ requestId }).catch((error: unknown) => console.warn('openMyRequest failed; the sweeper will open it', error));
  }

  /** The resident cancels a request made by mistake. */
  async function cancelRequest(requestId: string): Promise<void> {
    // Spread: updateDoc wants an index signature, which the model's write interfaces do not declare.
    await updateDoc(refs.sosRequest(requestId), { ...cancelWrite(serverTimestamp()) });
  }

  const recorded112 = new Set<string>();
  /**
   * The requester tapped «Позвонить 112»: records `called112At` alone, once (the rules allow one write, by the
   * requester, while someone still has to come), so staff know the emergency services were called too.
   */
  async function recordCalled112(requestId: string): Promise<void> {
    if (recorded112.has(requestId)) return;
    recorded112.add(requestId);
    try {
      await updateDoc(refs.sosRequest(requestId), { called112At: serverTimestamp() });
    } catch (error) {
      // Refused: a later tap may try again (e.g. after the write was lost offline).
      recorded112.delete(requestId);
      throw error;
    }
  }

  return { failedWrites, provisionalClocks, createRequest, askToOpen, cancelRequest, recordCalled112 };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSosRequestStore, import.meta.hot));
