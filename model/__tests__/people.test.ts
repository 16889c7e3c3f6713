import { describe, expect, it } from 'vitest';
import { PERSON_NAME_MAX_LENGTH, higherRole, inviteUrl, isInviteCode, personNameError } from '../src/people';
import { validateSignUp } from '../src/signUp';

describe('people helpers', () => {
  it('ranks admin > staff > resident', () => {
    expect(higherRole('resident', 'staff')).toBe('staff');
    expect(higherRole('admin', 'staff')).toBe('admin');
  });
  it('builds the invitation link from any URL of the app', () => {
    expect(inviteUrl('https://sos.example/admin/people?x=1', 'abc')).toBe('https://sos.example/join/abc');
  });
  it('recognises codes of at least 128 bits in base64url', () => {
    expect(isInviteCode('A'.repeat(32))).toBe(true);
    expect(isInviteCode('A'.repeat(21))).toBe(false);
    expect(isInviteCode('A'.repeat(30) + '/x')).toBe(false);
  });
  it('takes a name with a letter of any script once trimmed', () => {
    expect(personNameError('Анна')).toBeNull();
    expect(personNameError('  Anna S.  ')).toBeNull();
    expect(personNameError('李')).toBeNull();
    expect(personNameError('R2-D2')).toBeNull();
  });
  it('refuses a blank name, a name without a letter and one too long', () => {
    expect(personNameError('   ')).toBe('required');
    expect(personNameError('!!!')).toBe('no-letter');
    expect(personNameError(' 112 ')).toBe('no-letter');
    expect(personNameError('я'.repeat(PERSON_NAME_MAX_LENGTH))).toBeNull();
    expect(personNameError('я'.repeat(PERSON_NAME_MAX_LENGTH + 1))).toBe('too-long');
  });
  it('gives one error per bad sign-up field', () => {
    expect(validateSignUp({ displayName: ' ', phone: '12', email: 'x@', password: '123' })).toEqual([
      { field: 'displayName', code: 'required' },
      { field: 'phone', code: 'invalid-phone' },
      { field: 'email', code: 'invalid-email' },
      { field: 'password', code: 'weak-password' },
    ]);
    expect(validateSignUp({ displayName: '!!!', phone: '+79001234567', email: 'a@b.ru', password: 'secret1' })).toEqual([
      { field: 'displayName', code: 'no-letter' },
    ]);
    expect(validateSignUp({ displayName: 'Анна', phone: '+79001234567', email: 'a@b.ru', password: 'secret1' })).toEqual([]);
    expect(validateSignUp({ displayName: 'Анна', phone: '8 900 123-45-67', email: 'a@b.ru', password: 'secret1' })).toEqual([]);
  });
});
