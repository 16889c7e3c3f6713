// How a failed people callable reads in the UI: the contract's code and the refusal reason.
import { PEOPLE_REFUSALS, type PeopleRefusal } from '@sos/model';

export interface CallableFailure {
  /** The HttpsError code without the `functions/` prefix, e.g. `permission-denied`. */
  code: string;
  reason: PeopleRefusal | null;
  message: string;
}

export function callableFailure(error: unknown): CallableFailure {
  const raw = error as { code?: string; message?: string; details?: { reason?: string } };
  const reason = PEOPLE_REFUSALS.find((known) => known === raw.details?.reason) ?? null;
  return { code: (raw.code ?? 'unknown').replace(/^functions\//, ''), reason, message: raw.message ?? String(error) };
}
