import { MAX_DESCRIPTION_LENGTH, SOS_SOURCES, type SosSource } from './contract';

/** The fields of the resident's form. */
export type DraftField = 'objectId' | 'description';
export type DraftErrorCode = 'required' | 'too-long';
export interface DraftError {
  field: DraftField;
  code: DraftErrorCode;
}

/** A stored request's problems: the form's, or a `source` outside the contract (no form offers one). */
export type RequestError = DraftError | { field: 'source'; code: 'unknown-source' };

export interface SosDraft {
  source: SosSource;
  objectId: string | null;
  description: string | null;
}

/** What the resident's form checks before sending. */
export function validateSosDraft(draft: SosDraft): DraftError[] {
  const errors: DraftError[] = [];
  const needsObject = draft.source === 'form' || draft.source === 'qr';
  if (needsObject && !draft.objectId) errors.push({ field: 'objectId', code: 'required' });
  const description = draft.description ?? '';
  if (draft.source === 'form' && description.trim() === '') {
    errors.push({ field: 'description', code: 'required' });
  }
  if (description.length > MAX_DESCRIPTION_LENGTH) {
    errors.push({ field: 'description', code: 'too-long' });
  }
  return errors;
}

/** What the trigger re-checks on a written request, whose `source` is whatever was stored. */
export function validateSosRequest(request: { source: string; objectId: string | null; description: string | null }): RequestError[] {
  const { source } = request;
  if (!(SOS_SOURCES as readonly string[]).includes(source)) return [{ field: 'source', code: 'unknown-source' }];
  return validateSosDraft({ ...request, source: source as SosSource });
}
