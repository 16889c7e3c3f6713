import { describe, expect, it } from 'vitest';
import { MAX_DESCRIPTION_LENGTH, validateSosDraft, validateSosRequest } from '../src';

describe('validateSosDraft', () => {
  it('accepts a one-tap emergency with nothing filled in', () => {
    expect(validateSosDraft({ source: 'emergency', objectId: null, description: null })).toEqual([]);
  });
  it('requires the place and the description of a form request', () => {
    expect(validateSosDraft({ source: 'form', objectId: null, description: '   ' })).toEqual([
      { field: 'objectId', code: 'required' },
      { field: 'description', code: 'required' },
    ]);
  });
  it('accepts a complete form request', () => {
    expect(validateSosDraft({ source: 'form', objectId: 'room-1', description: 'Мне плохо' })).toEqual([]);
  });
  it('rejects a description over the limit, at the limit it is fine', () => {
    const atLimit = 'а'.repeat(MAX_DESCRIPTION_LENGTH);
    expect(validateSosDraft({ source: 'form', objectId: 'room-1', description: atLimit })).toEqual([]);
    expect(validateSosDraft({ source: 'form', objectId: 'room-1', description: `${atLimit}!` })).toEqual([{ field: 'description', code: 'too-long' }]);
  });
  it('requires the object of a QR request', () => {
    expect(validateSosDraft({ source: 'qr', objectId: null, description: null })).toEqual([{ field: 'objectId', code: 'required' }]);
  });
});

describe('validateSosRequest', () => {
  it('reports a source outside the contract as its own error', () => {
    expect(validateSosRequest({ source: 'telepathy', objectId: null, description: 'помогите' })).toEqual([{ field: 'source', code: 'unknown-source' }]);
  });
  it('checks a known source as the form does', () => {
    expect(validateSosRequest({ source: 'form', objectId: null, description: null })).toEqual([
      { field: 'objectId', code: 'required' },
      { field: 'description', code: 'required' },
    ]);
    expect(validateSosRequest({ source: 'emergency', objectId: null, description: null })).toEqual([]);
  });
});
