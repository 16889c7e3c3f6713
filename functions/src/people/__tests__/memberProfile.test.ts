import { describe, expect, it } from 'vitest';
import { contactChange } from '../memberProfile';

const profile = { displayName: 'Анна', phone: '+79990000000', locationIds: ['bc'], homeLocationId: 'bc' };

describe('contactChange', () => {
  it('is the new name and phone when either changed, or on a first write', () => {
    expect(contactChange(profile, { ...profile, displayName: 'Анна Н.' })).toEqual({ name: 'Анна Н.', phone: '+79990000000', locale: 'ru' });
    expect(contactChange(profile, { ...profile, phone: '+79990000001' })).toEqual({ name: 'Анна', phone: '+79990000001', locale: 'ru' });
    expect(contactChange(undefined, profile)).toEqual({ name: 'Анна', phone: '+79990000000', locale: 'ru' });
    expect(contactChange(profile, { ...profile, locale: 'en' })).toEqual({ name: 'Анна', phone: '+79990000000', locale: 'en' });
  });
  it('is null when neither changed or the profile is gone', () => {
    expect(contactChange(profile, { ...profile, locationIds: ['bc', 'park'] })).toBeNull();
    expect(contactChange(profile, undefined)).toBeNull();
    // No locale reads as Russian: writing 'ru' for the first time changes nothing.
    expect(contactChange(profile, { ...profile, locale: 'ru' })).toBeNull();
  });
});
