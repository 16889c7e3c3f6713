import { describe, expect, it } from 'vitest';
import { claimLink, notificationLink } from '../notifications';

describe('service worker notification links', () => {
  it('opens the pushed app path', () => {
    expect(notificationLink({ data: { link: '/sos/abc', requestId: 'abc' } })).toBe('/sos/abc');
    expect(notificationLink({ fcmOptions: { link: '/staff?request=x' } })).toBe('/staff?request=x');
  });
  it('never follows a link off the app, falls back to the request on the staff screen', () => {
    expect(notificationLink({ data: { link: 'https://evil.example/', requestId: 'r 1' } })).toBe('/staff?request=r%201');
    expect(notificationLink({})).toBe('/');
  });
  it('the claim action opens the staff screen with claim=1', () => {
    expect(claimLink('r/1')).toBe('/staff?request=r%2F1&claim=1');
  });
});
