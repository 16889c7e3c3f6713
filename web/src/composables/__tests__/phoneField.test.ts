import { describe, expect, it } from 'vitest';
import { formatPhone } from '@sos/model';
import { prettyPhone } from '../../shell/prettyPhone';
import { loadPhoneLibrary, phoneText } from '../phoneField';

describe('phones shown', () => {
  it('the first paint groups a Russian number as the phone library does, so nothing jumps when it comes', () => {
    for (const phone of ['+73422580078', '+79123456789', '+78005553535']) expect(prettyPhone(phone)).toBe(formatPhone(phone));
  });
  it('once the library has come, a number of any country is grouped', async () => {
    await loadPhoneLibrary();
    expect(phoneText('+442079460958')).toBe('+44 20 7946 0958');
    expect(phoneText('+73422580078')).toBe('+7 342 258 00 78');
  });
});
