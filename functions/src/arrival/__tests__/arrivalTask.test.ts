import { describe, expect, it } from 'vitest';
import { taskId } from '../../tasks/taskChain';
import { arrivalChecks } from '../arrivalChain';
import { decideArrivalCheck, firstArrivalCheck, nextArrivalCheck, overdueEventId } from '../arrivalTask';
import { overdueAudience, overduePushMessage } from '../overdueNotice';

const ts = (millis: number) => ({ toMillis: () => millis });

describe('arrival check decision', () => {
  it('marks a request still acknowledged overdue, the fifth repeat being the last', () => {
    expect(decideArrivalCheck({ status: 'acknowledged' }, 1, false, 5)).toEqual({ action: 'act', last: false });
    expect(decideArrivalCheck({ status: 'acknowledged' }, 5, false, 5)).toEqual({ action: 'act', last: true });
  });
  it('resumes a repeat whose event is already recorded (replay or crash after the transaction)', () => {
    expect(decideArrivalCheck({ status: 'acknowledged' }, 2, true, 5)).toEqual({ action: 'resume', last: false });
  });
  it('stops once staff are on site, or the request is resolved or cancelled, or after the last repeat', () => {
    for (const status of ['on_site', 'resolved', 'cancelled', 'open'] as const) {
      expect(decideArrivalCheck({ status }, 1, false, 5)).toEqual({ action: 'stop', reason: status });
    }
    expect(decideArrivalCheck({ status: 'acknowledged' }, 6, false, 5)).toEqual({ action: 'stop', reason: 'max-repeats' });
    expect(decideArrivalCheck(undefined, 1, false, 5)).toEqual({ action: 'stop', reason: 'missing' });
  });
});

describe('arrival check schedule and ids', () => {
  it('checks first at the deadline, then every 2 minutes', () => {
    const first = firstArrivalCheck('r', 600_000);
    expect(first).toEqual({ requestId: 'r', repeat: 1, dueAtMillis: 600_000, attempt: 0 });
    expect(nextArrivalCheck({ ...first, attempt: 7 }, 120_000)).toEqual({ requestId: 'r', repeat: 2, dueAtMillis: 720_000, attempt: 0 });
  });
  it('names events and tasks deterministically', () => {
    expect(overdueEventId(1)).toBe('arrival_overdue');
    expect(overdueEventId(3)).toBe('arrival_overdue-3');
    expect(taskId(arrivalChecks, { requestId: 'r-1', repeat: 2, dueAtMillis: 0, attempt: 4 })).toBe('arr-r-1-2-4');
  });
});

describe('overdue notice', () => {
  it('goes to the claimer, every on-duty staff member of any tier and the admins, each once', () => {
    const roster = [
      { uid: 'a', member: { onDuty: true, tier: 1 as const } },
      { uid: 'b', member: { onDuty: false, tier: 1 as const } },
      { uid: 'c', member: { onDuty: true, tier: 2 as const } },
    ];
    expect(overdueAudience(roster, ['z', 'a'], 'b')).toEqual(['a', 'b', 'c', 'z']);
    expect(overdueAudience([], undefined, 'b')).toEqual(['b']);
  });
  it('says who claimed it, that they are not there yet, and how late, linking to the staff card', () => {
    const request = {
      locationName: 'БЦ',
      objectName: 'Кафе',
      source: 'qr' as const,
      kind: 'medical' as const,
      requester: { name: 'Анна', phone: '+7' },
      ackByName: 'Иван',
      deadlineAt: ts(600_000),
    };
    expect(overduePushMessage('ru', 'r1', request, 3, 600_000 + 5 * 60_000 + 1)).toMatchObject({
      title: 'Нужна медицинская помощь — опоздание: Кафе',
      body: 'БЦ · Анна · принял Иван, ещё не на месте · опоздание 5 мин',
      link: '/staff?request=r1',
      data: { requestId: 'r1', kind: 'arrival_overdue', repeat: '3' },
    });
    expect(overduePushMessage('ru', 'r1', request, 1, 600_000).body).toContain('время прибытия истекло');
    expect(overduePushMessage('en', 'r1', { ...request, ackByName: 'Ivan' }, 3, 600_000 + 5 * 60_000 + 1)).toMatchObject({
      title: 'Medical help needed — staff late: Кафе',
      body: 'БЦ · Анна · accepted by Ivan, not on site yet · 5 min late',
    });
    expect(overduePushMessage('en', 'r1', request, 1, 600_000).body).toContain('arrival time is over');
  });
});
