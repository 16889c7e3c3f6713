import { MAX_DESCRIPTION_LENGTH, SOS_SOURCES, type SosSource } from './contract';

export type DraftField = 'objectId' | 'description';
export type DraftErrorCode = 'required' | 'too-long';
export interface DraftError {
  field: DraftField;
  code: DraftErrorCode;
}

export interface SosDraft {
  source: SosSource;
  objectId: string | null;
  description: string | null;
}

/** What the resident's form checks before sending, and what the trigger re-checks after. */
export function validateSosDraft(draft: SosDraft): DraftError[] {
  const errors: DraftError[] = [];
  if (!SOS_SOURCES.includes(draft.source)) return [{ field: 'description', code: 'required' }];
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
