import { MAX_DESCRIPTION_LENGTH, SOS_SOURCES, type SosSource } from './contract';
import { isSosKind, kindFitsSource } from './kinds';

/** The fields of the resident's form. */
export type DraftField = 'objectId' | 'description';
export type DraftErrorCode = 'required' | 'too-long';
export interface DraftError {
  field: DraftField;
  code: DraftErrorCode;
}

/** A stored request's problems: the form's, or a `source` outside the contract (no form offers one). */
export type RequestError =
  | DraftError
  | { field: 'source'; code: 'unknown-source' }
  | { field: 'kind'; code: 'unknown-kind' | 'kind-not-for-source' }
  | { field: 'silent'; code: 'silent-not-emergency' };

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

/**
 * What the trigger re-checks on a written request, whose fields are whatever was stored: the form's checks, a known
 * source, a kind that fits the source (absent reads as the source's default), and `silent` on the one-tap source only.
 */
export function validateSosRequest(request: {
  source: string;
  objectId: string | null;
  description: string | null;
  kind?: unknown;
  silent?: unknown;
}): RequestError[] {
  const { source } = request;
  if (!(SOS_SOURCES as readonly string[]).includes(source)) return [{ field: 'source', code: 'unknown-source' }];
  const errors: RequestError[] = validateSosDraft({ source: source as SosSource, objectId: request.objectId, description: request.description });
  if (request.kind !== undefined) {
    if (!isSosKind(request.kind)) errors.push({ field: 'kind', code: 'unknown-kind' });
    else if (!kindFitsSource(request.kind, source as SosSource)) errors.push({ field: 'kind', code: 'kind-not-for-source' });
  }
  if (request.silent !== undefined && request.silent !== false && !(request.silent === true && source === 'emergency')) {
    errors.push({ field: 'silent', code: 'silent-not-emergency' });
  }
  return errors;
}
