// What /signup checks before asking Auth. Its own module: the phone check brings the phone library, which the first
// paint (people.ts is in it) must not carry.
import { personNameError, type PersonNameErrorCode } from './people';
import { normalizePhone } from './phone';

export type SignUpField = 'displayName' | 'phone' | 'email' | 'password';
export type SignUpErrorCode = PersonNameErrorCode | 'invalid-phone' | 'invalid-email' | 'weak-password';
export interface SignUpError {
  field: SignUpField;
  code: SignUpErrorCode;
}
export const MIN_PASSWORD_LENGTH = 6;

/** What /signup checks before asking Auth (which also refuses weak passwords and emails in use). */
export function validateSignUp(form: Record<SignUpField, string>): SignUpError[] {
  const errors: SignUpError[] = [];
  const nameError = personNameError(form.displayName);
  if (nameError) errors.push({ field: 'displayName', code: nameError });
  if (form.phone.trim() === '') errors.push({ field: 'phone', code: 'required' });
  else if (!normalizePhone(form.phone)) errors.push({ field: 'phone', code: 'invalid-phone' });
  if (form.email.trim() === '') errors.push({ field: 'email', code: 'required' });
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim())) errors.push({ field: 'email', code: 'invalid-email' });
  if (form.password === '') errors.push({ field: 'password', code: 'required' });
  else if (form.password.length < MIN_PASSWORD_LENGTH) errors.push({ field: 'password', code: 'weak-password' });
  return errors;
}
