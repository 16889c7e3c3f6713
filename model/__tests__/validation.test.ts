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

  it('checks the kind against the source and allows a silent call on the one-tap source only', () => {
    expect(validateSosRequest({ source: 'form', objectId: 'o', description: 'дым', kind: 'fire' })).toEqual([]);
    expect(validateSosRequest({ source: 'form', objectId: 'o', description: 'дым', kind: 'volcano' })).toEqual([{ field: 'kind', code: 'unknown-kind' }]);
    expect(validateSosRequest({ source: 'emergency', objectId: null, description: null, kind: 'fire' })).toEqual([
      { field: 'kind', code: 'kind-not-for-source' },
    ]);
    expect(validateSosRequest({ source: 'qr', objectId: 'o', description: null, kind: 'emergency' })).toEqual([{ field: 'kind', code: 'kind-not-for-source' }]);
    expect(validateSosRequest({ source: 'emergency', objectId: null, description: null, kind: 'emergency', silent: true })).toEqual([]);
    expect(validateSosRequest({ source: 'qr', objectId: 'o', description: null, silent: true })).toEqual([{ field: 'silent', code: 'silent-not-emergency' }]);
    expect(validateSosRequest({ source: 'emergency', objectId: null, description: null, silent: 'yes' })).toEqual([
      { field: 'silent', code: 'silent-not-emergency' },
    ]);
  });
});
