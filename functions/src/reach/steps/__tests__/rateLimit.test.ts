import { describe, expect, it } from 'vitest';
import { RATE_WINDOW_MS, decideRateLimit, type ChannelLimit } from '../rateLimit';

const T0 = 1_700_000_000_000;

function run(channel: 'sms' | 'voice' | 'telegram', times: number[]) {
  let state: ChannelLimit | undefined;
  return times.map((now) => {
    const decision = decideRateLimit(state, channel, now, 'Demo');
    state = decision.next;
    return decision;
  });
}

describe('alert rate limits per person', () => {
  it('send 5 SMS in 10 minutes and hold the 6th and 7th', () => {
    const decisions = run(
      'sms',
      [0, 1, 2, 3, 4, 5, 6].map((i) => T0 + i * 1000),
    );
    expect(decisions.map((d) => d.action)).toEqual(['send', 'send', 'send', 'send', 'send', 'hold', 'hold']);
    expect(decisions[6]!.next).toMatchObject({ held: 2, heldLocationName: 'Demo' });
  });

  it('send 3 calls in 10 minutes and hold the 4th', () => {
    expect(run('voice', [T0, T0 + 1, T0 + 2, T0 + 3]).map((d) => d.action)).toEqual(['send', 'send', 'send', 'hold']);
  });

  it('tell the held alerts as one line with the next alert once the window frees a slot', () => {
    const decisions = run('voice', [T0, T0 + 1, T0 + 2, T0 + 3, T0 + 4, T0 + 5, T0 + RATE_WINDOW_MS + 1]);
    expect(decisions[6]).toMatchObject({ action: 'send', held: { count: 3, locationName: 'Demo' }, next: { held: 0 } });
  });

  it('never hold Telegram', () => {
    expect(
      run(
        'telegram',
        Array.from({ length: 20 }, (_, i) => T0 + i),
      ).every((d) => d.action === 'send' && d.held === null),
    ).toBe(true);
  });
});
