// What staff do with a request: claim it (one claim wins), arrive, resolve. Each step writes its row
// of the model's transition table (the same table firestore.rules are tested against), with server times.
import { acceptHMRUpdate, defineStore, storeToRefs } from 'pinia';
import { ref } from 'vue';
import { runTransaction, serverTimestamp, updateDoc } from 'firebase/firestore';
import { acknowledgeWrite, arriveWrite, findTransition, resolveWrite } from '@sos/model';
import { db } from '../firebase/app';
import { refs } from '../firebase/refs';
import { useSessionStore } from './session';

/** A claim that lost: someone else (`byName`) took the request first, or it is no longer open. */
export class ClaimRefusedError extends Error {
  readonly code = 'already-taken';
  constructor(readonly byName: string | null) {
    super(`already taken by ${byName ?? 'someone'}`);
  }
}

/** A claimer with no roster entry at the request's location: an admin must put them on the roster first. */
export class NotOnRosterError extends Error {
  readonly code = 'not-on-roster';
  constructor() {
    super('not on the roster of this location');
  }
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([entry]) => entry !== key));
}

export type StaffAction = 'claim' | 'arrive' | 'resolve';

export const useStaffResponseStore = defineStore('staffResponse', () => {
  const { uid } = storeToRefs(useSessionStore());
  /** The action in flight per request id, so its buttons show progress and cannot be pressed twice. */
  const busy = ref<Record<string, StaffAction>>({});
  /** The last failure per request id; kept here so it survives the card moving between lists. */
  const failures = ref<Record<string, { code: string; byName: string | null; message: string }>>({});

  async function track(requestId: string, action: StaffAction, work: () => Promise<void>): Promise<void> {
    if (busy.value[requestId]) return;
    busy.value = { ...busy.value, [requestId]: action };
    failures.value = without(failures.value, requestId);
    try {
      await work();
    } catch (error) {
      const failure =
        error instanceof ClaimRefusedError
          ? { code: error.code, byName: error.byName, message: error.message }
          : { code: (error as { code?: string }).code ?? 'unknown', byName: null, message: (error as Error).message };
      failures.value = { ...failures.value, [requestId]: failure };
    } finally {
      busy.value = without(busy.value, requestId);
    }
  }

  // The model's write interfaces are spread because updateDoc wants an index signature they do not declare.

  /** Reads the request inside a transaction, so two staff pressing at once cannot both win. */
  function claim(requestId: string): Promise<void> {
    return track(requestId, 'claim', async () => {
      const me = uid.value;
      if (!me) throw new Error('not signed in');
      await runTransaction(db, async (transaction) => {
        const reference = refs.sosRequest(requestId);
        const current = (await transaction.get(reference)).data();
        if (!current || !findTransition(current.status, 'acknowledged')) throw new ClaimRefusedError(current?.ackByName ?? null);
        // The rules accept exactly the claimer's roster name, which the admins keep: the resident sees who is really coming.
        const name = (await transaction.get(refs.staffMember(current.locationId, me))).data()?.name;
        if (!name) throw new NotOnRosterError();
        transaction.update(reference, { ...acknowledgeWrite(me, name, serverTimestamp()) });
      });
    });
  }

  function markOnSite(requestId: string): Promise<void> {
    return track(requestId, 'arrive', async () => {
      const me = uid.value;
      if (!me) throw new Error('not signed in');
      await updateDoc(refs.sosRequest(requestId), { ...arriveWrite(me, serverTimestamp()) });
    });
  }

  function resolve(requestId: string, note: string): Promise<void> {
    return track(requestId, 'resolve', async () => {
      const me = uid.value;
      if (!me) throw new Error('not signed in');
      await updateDoc(refs.sosRequest(requestId), { ...resolveWrite(me, note, serverTimestamp()) });
    });
  }

  return { busy, failures, claim, markOnSite, resolve };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useStaffResponseStore, import.meta.hot));
