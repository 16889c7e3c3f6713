import { describe, expect, it, vi } from 'vitest';
import { SECOND_PATH, type SosRequest, type TimestampLike } from '@sos/model';
import { decideSweep, LOST_CHAIN_AFTER_MS, prioritySlots, RESUME_WINDOW_MS } from '../secondPath';

const at = (millis: number): TimestampLike => ({ toMillis: () => millis });
const NOW = 1_000_000_000;
/** Made exactly `sweeperAfterMs` ago: the first moment the sweeper acts on it. */
const DUE = NOW - SECOND_PATH.sweeperAfterMs;
const request = (fields: Partial<SosRequest<TimestampLike>>) => ({ status: 'new' as const, createdAt: at(NOW), ...fields });

describe('what the sweeper does with a request its query found', () => {
  it('opens a request still new once the sweeper’s delay has passed', () => {
    expect(decideSweep(request({ createdAt: at(DUE) }), NOW)).toBe('open');
    expect(decideSweep(request({ createdAt: at(DUE - 600_000) }), NOW)).toBe('open');
  });

  it('opens a younger request still new when it comes due, in the same sweep, not a minute later', () => {
    expect(decideSweep(request({ createdAt: at(DUE + 1) }), NOW)).toBe('open-when-due');
    expect(decideSweep(request({ createdAt: at(NOW) }), NOW)).toBe('open-when-due');
  });

  it('resumes an open request at level 0 in the window after the delay (its effects may have been cut short), then leaves it', () => {
    const open = { status: 'open' as const, escalationLevel: 0, ackDeadlineAt: at(NOW + 600_000) };
    expect(decideSweep(request({ ...open, createdAt: at(DUE) }), NOW)).toBe('resume');
    expect(decideSweep(request({ ...open, createdAt: at(DUE - RESUME_WINDOW_MS + 1) }), NOW)).toBe('resume');
    expect(decideSweep(request({ ...open, createdAt: at(DUE - RESUME_WINDOW_MS) }), NOW)).toBe('leave');
    expect(decideSweep(request({ ...open, createdAt: at(DUE + 1) }), NOW)).toBe('leave');
  });

  it('resumes an open request at level 0 whose first round is a minute overdue: its chain was lost', () => {
    const old = { status: 'open' as const, createdAt: at(DUE - 600_000) };
    expect(decideSweep(request({ ...old, ackDeadlineAt: at(NOW - LOST_CHAIN_AFTER_MS) }), NOW)).toBe('resume');
    expect(decideSweep(request({ ...old, ackDeadlineAt: at(NOW - LOST_CHAIN_AFTER_MS), escalationLevel: 0 }), NOW)).toBe('resume');
    expect(decideSweep(request({ ...old, ackDeadlineAt: at(NOW - LOST_CHAIN_AFTER_MS + 1) }), NOW)).toBe('leave');
  });

  it('leaves an open request whose escalation ran: its chain is alive', () => {
    expect(decideSweep(request({ status: 'open', createdAt: at(DUE), ackDeadlineAt: at(NOW - 600_000), escalationLevel: 1 }), NOW)).toBe('leave');
  });

  it('leaves every other status', () => {
    for (const status of ['acknowledged', 'on_site', 'resolved', 'cancelled', 'rejected'] as const) {
      expect(decideSweep(request({ status, createdAt: at(DUE), ackDeadlineAt: at(NOW - 600_000), escalationLevel: 0 }), NOW)).toBe('leave');
    }
  });
});

describe('the sweep’s slots', () => {
  it('run at most their number of jobs at once, and a waiting opening goes before a waiting resume that came first', async () => {
    const slots = prioritySlots(2);
    const started: string[] = [];
    let running = 0;
    let most = 0;
    const gates = new Map<string, () => void>();
    const job = (name: string, priority: number) =>
      slots.run(priority, async () => {
        started.push(name);
        most = Math.max(most, (running += 1));
        await new Promise<void>((release) => gates.set(name, release));
        running -= 1;
      });
    const all = [job('a', 1), job('b', 1), job('resume', 1), job('open', 0)];
    await vi.waitFor(() => expect(started).toEqual(['a', 'b']));
    gates.get('a')!();
    await vi.waitFor(() => expect(started).toEqual(['a', 'b', 'open']));
    gates.get('b')!();
    await vi.waitFor(() => expect(started).toEqual(['a', 'b', 'open', 'resume']));
    gates.get('open')!();
    gates.get('resume')!();
    await Promise.all(all);
    expect(most).toBe(2);
  });
});
