import { describe, expect, it } from 'vitest';
import { SECOND_PATH, SOS_STATUSES, UNCONFIRMED_AFTER_MS, countdownNotice, type CountdownFacts, type SosStatus, type TimestampLike } from '../src';

const ts = (millis: number): TimestampLike => ({ toMillis: () => millis });
const CREATED = 1_000_000;
const DEADLINE = CREATED + 60_000;

function facts(status: SosStatus, changes: Partial<Omit<CountdownFacts, 'request'>> & Partial<CountdownFacts['request']> = {}): CountdownFacts {
  const { pendingWrite = false, online = true, now = CREATED + 1000, ...request } = changes;
  return { request: { status, createdAt: ts(CREATED), deadlineAt: ts(DEADLINE), ...request }, pendingWrite, online, now };
}

describe('where the request stands', () => {
  it('is "sending" while the phone holds a new request the server has not confirmed, online', () => {
    expect(countdownNotice(facts('new', { pendingWrite: true, deadlineAt: null }))).toMatchObject({ unsent: true, state: 'sending' });
  });

  it('is "not sent" for an unconfirmed request while the phone is offline', () => {
    expect(countdownNotice(facts('new', { pendingWrite: true, online: false }))).toMatchObject({ unsent: true, state: 'notSentOffline' });
  });

  it('is "not sent" once a request stays unconfirmed for UNCONFIRMED_AFTER_MS, even when the browser says online', () => {
    const justBefore = countdownNotice(facts('new', { pendingWrite: true, now: CREATED + UNCONFIRMED_AFTER_MS - 1 }));
    const atTheLimit = countdownNotice(facts('new', { pendingWrite: true, now: CREATED + UNCONFIRMED_AFTER_MS }));
    expect(justBefore.state).toBe('sending');
    expect(atTheLimit.state).toBe('notSentOffline');
  });

  const STATE_BY_STATUS: [SosStatus, string | null][] = [
    ['new', 'received'],
    ['open', null],
    ['rejected', 'rejected'],
    ['acknowledged', 'acknowledged'],
    ['on_site', 'onSite'],
    ['resolved', 'resolved'],
    ['cancelled', 'cancelled'],
  ];

  it('has a line, or none, for every status', () => {
    expect(STATE_BY_STATUS.map(([status]) => status)).toEqual([...SOS_STATUSES]);
  });

  it.each(STATE_BY_STATUS)('follows a %s request the server has: %s', (status, state) => {
    expect(countdownNotice(facts(status))).toMatchObject({ unsent: false, state });
  });

  it.each(STATE_BY_STATUS.filter(([status]) => status !== 'new'))('follows a %s request with a later write of the phone pending: %s', (status, state) => {
    expect(countdownNotice(facts(status, { pendingWrite: true, online: false }))).toMatchObject({ unsent: false, state });
  });
});

describe('the warning that puts the phone first', () => {
  it('says the staff are late when a claimed request is past its arrival deadline', () => {
    expect(countdownNotice(facts('acknowledged', { arrivalOverdue: true, grouped: true })).warning).toBe('overdue');
  });

  it('says nobody is on duty while such a request waits for a claim', () => {
    expect(countdownNotice(facts('open', { nobodyOnDuty: true, grouped: true })).warning).toBe('nobodyOnDuty');
  });

  it('says help to this spot is already coming for a grouped request, open or claimed', () => {
    expect(countdownNotice(facts('open', { grouped: true })).warning).toBe('grouped');
    expect(countdownNotice(facts('acknowledged', { grouped: true })).warning).toBe('grouped');
  });

  it('is gone once the staff are on site or the request is over', () => {
    for (const status of ['on_site', 'resolved', 'cancelled', 'rejected', 'new'] as const) {
      expect(countdownNotice(facts(status, { arrivalOverdue: true, nobodyOnDuty: true, grouped: true })).warning, status).toBeNull();
    }
  });

  it('is absent when nothing went wrong', () => {
    expect(countdownNotice(facts('open')).warning).toBeNull();
    expect(countdownNotice(facts('acknowledged')).warning).toBeNull();
    expect(countdownNotice(facts('open', { arrivalOverdue: true })).warning).toBeNull();
    expect(countdownNotice(facts('acknowledged', { nobodyOnDuty: true })).warning).toBeNull();
  });
});

describe('the clock', () => {
  it('runs from the server deadline while nobody is on site yet', () => {
    expect(countdownNotice(facts('open')).clockRunning).toBe(true);
    expect(countdownNotice(facts('acknowledged')).clockRunning).toBe(true);
  });

  it('does not run without a server deadline, or once the staff are on site or the request is over', () => {
    expect(countdownNotice(facts('new', { deadlineAt: null })).clockRunning).toBe(false);
    expect(countdownNotice(facts('open', { deadlineAt: undefined })).clockRunning).toBe(false);
    for (const status of ['on_site', 'resolved', 'cancelled', 'rejected'] as const) {
      expect(countdownNotice(facts(status)).clockRunning, status).toBe(false);
    }
  });

  it('has run out from the deadline on, and not before', () => {
    expect(countdownNotice(facts('open', { now: DEADLINE - 1 })).expired).toBe(false);
    expect(countdownNotice(facts('open', { now: DEADLINE })).expired).toBe(true);
    expect(countdownNotice(facts('open', { now: DEADLINE + 1, deadlineAt: null })).expired).toBe(false);
  });
});

describe('the messages', () => {
  it('are open while the request is active and the server has it', () => {
    for (const status of ['new', 'open', 'acknowledged', 'on_site'] as const) {
      expect(countdownNotice(facts(status)).messagesOpen, status).toBe(true);
    }
  });

  it('are closed for a request the server has not confirmed, and once it is over', () => {
    expect(countdownNotice(facts('new', { pendingWrite: true })).messagesOpen).toBe(false);
    for (const status of ['resolved', 'cancelled', 'rejected'] as const) {
      expect(countdownNotice(facts(status)).messagesOpen, status).toBe(false);
    }
  });
});

describe('asking the second path to open it', () => {
  it('once the server has had the request, still new, for SECOND_PATH.requesterAfterMs', () => {
    expect(countdownNotice(facts('new', { now: CREATED + SECOND_PATH.requesterAfterMs - 1 })).askToOpen).toBe(false);
    expect(countdownNotice(facts('new', { now: CREATED + SECOND_PATH.requesterAfterMs })).askToOpen).toBe(true);
  });

  it('never while the phone still holds the write (the server has nothing to open), nor once it is decided', () => {
    const late = CREATED + 10 * SECOND_PATH.requesterAfterMs;
    expect(countdownNotice(facts('new', { pendingWrite: true, now: late })).askToOpen).toBe(false);
    for (const status of SOS_STATUSES.filter((status) => status !== 'new')) {
      expect(countdownNotice(facts(status, { now: late })).askToOpen, status).toBe(false);
    }
  });
});
