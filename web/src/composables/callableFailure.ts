// How a failed people callable reads in the UI: the contract's code and the refusal reason.
import { ref } from 'vue';
import { PEOPLE_REFUSALS, type PeopleRefusal } from '@sos/model';

export interface CallableFailure {
  /** The HttpsError code without the `functions/` prefix, e.g. `permission-denied`. */
  code: string;
  reason: PeopleRefusal | null;
  /** The refusal reason the function gave (`details.reason`), whatever callable it was: e.g. `wrong-code`. */
  detail: string | null;
  message: string;
}

export function callableFailure(error: unknown): CallableFailure {
  const raw = error as { code?: string; message?: string; details?: { reason?: string } };
  const reason = PEOPLE_REFUSALS.find((known) => known === raw.details?.reason) ?? null;
  return {
    code: (raw.code ?? 'unknown').replace(/^functions\//, ''),
    reason,
    detail: typeof raw.details?.reason === 'string' ? raw.details.reason : null,
    message: raw.message ?? String(error),
  };
}

/** One callable at a time, for a screen: `busy` while it runs, `failure` when it failed (then `run` gives null). */
export function callableRunner() {
  const busy = ref(false);
  const failure = ref<CallableFailure | null>(null);

  async function run<T>(work: () => Promise<T>): Promise<T | null> {
    busy.value = true;
    failure.value = null;
    try {
      return await work();
    } catch (error) {
      failure.value = callableFailure(error);
      return null;
    } finally {
      busy.value = false;
    }
  }

  return { busy, failure, run };
}
