import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo-data';
import { DEMO_LOGINS } from '../../web/src/shell/demoLogins';

describe('the demo accounts /login names (web/src/shell/demoLogins.ts)', () => {
  it('are accounts the seed creates, with its password', () => {
    const seeded = Object.values(DEMO_ACCOUNTS).map((account) => account.email);
    const named = DEMO_LOGINS.accounts.split(', ');
    expect(named.length).toBeGreaterThan(0);
    expect(seeded).toEqual(expect.arrayContaining(named));
    expect(DEMO_LOGINS.password).toBe(DEMO_PASSWORD);
  });
});
