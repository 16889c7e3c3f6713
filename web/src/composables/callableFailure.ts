// How a failed people callable reads in the UI: the contract's code and the refusal reason.
import { ref } from 'vue';
import { PEOPLE_REFUSALS, type PeopleRefusal } from '@sos/model';

export interface CallableFailure {
  /** The HttpsError code without the `functions/` prefix, e.g. `permission-denied`. */
  code: string;
  reason: PeopleRefusal | null;
  /** The refusal reason the function gave (`details.reason`), whatever callable it was: e.g. `wrong-code`. */
  detail: string | null;
  /** The form field at fault and its problem (`details.field`, `details.problem`), when the callable names one. */
  field: string | null;
  problem: string | null;
  message: string;
}

export function callableFailure(error: unknown): CallableFailure {
  const raw = error as { code?: string; message?: string; details?: { reason?: string; field?: string; problem?: string } };
  const reason = PEOPLE_REFUSALS.find((known) => known === raw.details?.reason) ?? null;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    code: (raw.code ?? 'unknown').replace(/^functions\//, ''),
    reason,
    detail: text(raw.details?.reason),
    field: text(raw.details?.field),
    problem: text(raw.details?.problem),
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
