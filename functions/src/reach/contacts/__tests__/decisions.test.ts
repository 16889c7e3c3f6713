import { describe, expect, it } from 'vitest';
import { CONTACT_CODE_LOCK_MS, CONTACT_CODE_TTL_MS, CONTACT_LIMIT_WINDOW_MS } from '@sos/model';
import {
  ContactRefused,
  EMPTY_VERIFICATION,
  decideConfirm,
  decideSendCode,
  decideStart,
  decideTest,
  parseConfirmation,
  parseContactId,
  refuseWrongCode,
  type ContactView,
  type VerificationState,
} from '../decisions';

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ContactRefused) return { code: error.refusal.code, reason: error.refusal.reason };
    throw error;
  }
  throw new Error('expected a refusal');
}

const NOW = 10 * CONTACT_LIMIT_WINDOW_MS;
const sms: ContactView = { kind: 'sms', address: '+79120000002', verified: false };
const sendAt = (state: VerificationState, at: number, code = '123456', contactId = 'c1') => decideSendCode(sms, state, contactId, code, 'salt', at);

describe('sendContactCode decision', () => {
  it('keeps the new code hashed, never the code, for 10 minutes', () => {
    const state = sendAt(EMPTY_VERIFICATION, NOW);
    const pending = state.codes.c1;
    expect(pending?.expiresAt).toBe(NOW + CONTACT_CODE_TTL_MS);
    expect(pending?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(state)).not.toContain('123456');
    expect(state.codesSentAt).toEqual([NOW]);
  });

  it('refuses a fourth code within the hour and allows one once the first is an hour old', () => {
    let state = EMPTY_VERIFICATION;
    for (const at of [NOW, NOW + 1, NOW + 2]) state = sendAt(state, at);
    expect(refusal(() => sendAt(state, NOW + 3))).toEqual({ code: 'resource-exhausted', reason: 'too-many-codes' });
    expect(sendAt(state, NOW + CONTACT_LIMIT_WINDOW_MS).codesSentAt).toHaveLength(3);
  });

  it('refuses a missing, verified or Telegram method and a locked person', () => {
    expect(refusal(() => decideSendCode(undefined, EMPTY_VERIFICATION, 'c1', '123456', 's', NOW))).toEqual({ code: 'not-found', reason: 'contact-not-found' });
    expect(refusal(() => decideSendCode({ ...sms, verified: true }, EMPTY_VERIFICATION, 'c1', '123456', 's', NOW)).reason).toBe('already-verified');
    expect(refusal(() => decideSendCode({ kind: 'telegram', address: '42', verified: false }, EMPTY_VERIFICATION, 'c1', '1', 's', NOW)).reason).toBe(
      'already-verified',
    );
    const locked = { ...EMPTY_VERIFICATION, lockedUntil: NOW + 1 };
    expect(refusal(() => sendAt(locked, NOW))).toEqual({ code: 'resource-exhausted', reason: 'locked' });
  });
});

describe('confirmContact decision', () => {
  const sent = sendAt(EMPTY_VERIFICATION, NOW);

  it('verifies with the right code and drops it, so it works once', () => {
    const outcome = decideConfirm(sms, sent, 'c1', '123456', NOW + 1);
    expect(outcome.kind).toBe('verified');
    expect(outcome.state.codes).toEqual({});
  });

  it('does not take the code for another number put under the same id (removed and added again)', () => {
    const outcome = decideConfirm({ ...sms, address: '+79120000009' }, sent, 'c1', '123456', NOW + 1);
    expect(outcome).toMatchObject({ kind: 'wrong', locked: false });
  });

  it("does not take another method's code", () => {
    expect(refusal(() => decideConfirm(sms, sent, 'c2', '123456', NOW + 1))).toEqual({ code: 'failed-precondition', reason: 'no-code' });
  });

  it('refuses an expired code as no code at all', () => {
    expect(refusal(() => decideConfirm(sms, sent, 'c1', '123456', NOW + CONTACT_CODE_TTL_MS)).reason).toBe('no-code');
  });

  it('counts wrong codes, locks for an hour at the fifth, and unlocks after it', () => {
    let state = sent;
    for (let tries = 1; tries <= 4; tries++) {
      const outcome = decideConfirm(sms, state, 'c1', '000000', NOW + tries);
      expect(outcome).toMatchObject({ kind: 'wrong', locked: false });
      state = outcome.state;
    }
    const fifth = decideConfirm(sms, state, 'c1', '000000', NOW + 5);
    expect(fifth).toMatchObject({ kind: 'wrong', locked: true });
    expect(fifth.state.lockedUntil).toBe(NOW + 5 + CONTACT_CODE_LOCK_MS);
    expect(fifth.state.codes).toEqual({});
    expect(refusal(() => decideConfirm(sms, fifth.state, 'c1', '123456', NOW + 6))).toEqual({ code: 'resource-exhausted', reason: 'locked' });
    const after = decideSendCode(sms, fifth.state, 'c1', '654321', 'salt', NOW + 5 + CONTACT_CODE_LOCK_MS);
    expect(after.wrongTries).toBe(0);
    expect(after.lockedUntil).toBeNull();
  });

  it('answers a wrong code with invalid-argument and the locking one with resource-exhausted', () => {
    expect(refusal(() => refuseWrongCode(false))).toEqual({ code: 'invalid-argument', reason: 'wrong-code' });
    expect(refusal(() => refuseWrongCode(true))).toEqual({ code: 'resource-exhausted', reason: 'locked' });
  });
});

describe('testContact decision', () => {
  it('tests only a verified method, at most 5 times an hour', () => {
    expect(refusal(() => decideTest(sms, EMPTY_VERIFICATION, NOW))).toEqual({ code: 'failed-precondition', reason: 'not-verified' });
    let state = EMPTY_VERIFICATION;
    for (let i = 0; i < 5; i++) state = decideTest({ ...sms, verified: true }, state, NOW + i);
    expect(refusal(() => decideTest({ ...sms, verified: true }, state, NOW + 5))).toEqual({ code: 'resource-exhausted', reason: 'too-many-tests' });
  });
});

describe('input', () => {
  it('refuses a contact id that is not a document id and a code that is not 6 digits', () => {
    expect(refusal(() => parseContactId({ contactId: 'a/b' }))).toEqual({ code: 'invalid-argument', reason: 'invalid-contact' });
    expect(refusal(() => parseContactId(null)).reason).toBe('invalid-contact');
    expect(refusal(() => parseConfirmation({ contactId: 'c1', code: '12345' }))).toEqual({ code: 'invalid-argument', reason: 'invalid-code' });
    expect(refusal(() => parseConfirmation({ contactId: 'c1', code: 123456 })).reason).toBe('invalid-code');
    expect(parseConfirmation({ contactId: 'c1', code: '012345' })).toEqual({ contactId: 'c1', code: '012345' });
  });
});

describe('Telegram /start decision', () => {
  it('links with a fresh unused link only', () => {
    expect(decideStart({ usedAt: null, expiresAt: NOW + 1 }, NOW)).toBe('linked');
    expect(decideStart({ usedAt: NOW - 1, expiresAt: NOW + 1 }, NOW)).toBe('used');
    expect(decideStart({ usedAt: null, expiresAt: NOW }, NOW)).toBe('expired');
    expect(decideStart(undefined, NOW)).toBe('unknown');
  });
});
