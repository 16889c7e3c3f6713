import { describe, expect, it } from 'vitest';
import { decideChannelClaim, smsIntent, type Claimer } from '../decideClaim';

const claimer = (changes: Partial<Claimer> = {}): Claimer => ({
  contact: { kind: 'sms', address: '+79120000001', verified: true },
  channel: 'sms',
  address: '+79120000001',
  role: 'staff',
  rosterName: 'Иван Петров',
  ...changes,
});

describe('a claim from a channel', () => {
  it('claims an open request in the roster name of a staff member with that verified method', () => {
    expect(decideChannelClaim({ status: 'open' }, claimer())).toEqual({ result: 'claimed', name: 'Иван Петров' });
    expect(decideChannelClaim({ status: 'open' }, claimer({ role: 'admin', rosterName: 'Ольга Админова' }))).toEqual({
      result: 'claimed',
      name: 'Ольга Админова',
    });
  });

  it('tells a late claimer who took it, and that a finished request is closed', () => {
    expect(decideChannelClaim({ status: 'acknowledged', ackByName: 'Пётр' }, claimer())).toEqual({ result: 'taken', name: 'Пётр' });
    expect(decideChannelClaim({ status: 'on_site', ackByName: 'Пётр' }, claimer())).toEqual({ result: 'taken', name: 'Пётр' });
    for (const status of ['resolved', 'cancelled', 'rejected', 'new'] as const) expect(decideChannelClaim({ status }, claimer())).toEqual({ result: 'closed' });
  });

  it.each([
    ['an unverified method', claimer({ contact: { kind: 'sms', address: '+79120000001', verified: false } })],
    ['a removed method', claimer({ contact: undefined })],
    ['a method of another channel', claimer({ contact: { kind: 'voice', address: '+79120000001', verified: true } })],
    ['a method with another address', claimer({ address: '+79120000009' })],
    ['a resident', claimer({ role: 'resident' })],
    ['someone who is not a member of the location', claimer({ role: undefined, rosterName: undefined })],
    ['a member with no roster entry (not even an admin claims without one)', claimer({ role: 'admin', rosterName: undefined })],
  ])('refuses %s', (_label, who) => {
    expect(decideChannelClaim({ status: 'open' }, who)).toEqual({ result: 'refused' });
  });

  it('refuses a request that does not exist', () => {
    expect(decideChannelClaim(undefined, claimer())).toEqual({ result: 'refused' });
  });
});

describe('an SMS reply', () => {
  it('accepts with 1 or ДА, stops with STOP, and ignores anything else', () => {
    expect(['1', ' 1 ', 'да', 'ДА'].map(smsIntent)).toEqual(['accept', 'accept', 'accept', 'accept']);
    expect(['STOP', 'stop'].map(smsIntent)).toEqual(['stop', 'stop']);
    expect(['2', 'yes please', '', undefined].map(smsIntent)).toEqual([null, null, null, null]);
  });
});
