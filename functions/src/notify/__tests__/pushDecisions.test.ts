import { describe, expect, it } from 'vitest';
import { escalationAudience, openAudience, type RosterEntry } from '../audience';
import { requesterAckMessage, staffPushMessage, timeLeftLabel } from '../messages';
import { announcedCounts, batchKey, decideThrottle } from '../throttle';

const ts = (millis: number) => ({ toMillis: () => millis });
const roster: RosterEntry[] = [
  { uid: 'a', member: { onDuty: true, tier: 1 } },
  { uid: 'b', member: { onDuty: false, tier: 1 } },
  { uid: 'c', member: { onDuty: true, tier: 2 } },
  { uid: 'd', member: { onDuty: false, tier: 2 } },
];

describe('audiences', () => {
  it('a new request goes to on-duty tier-1 staff only', () => {
    expect(openAudience(roster)).toEqual(['a']);
  });
  it('an escalation goes to all on-duty staff and the admins, each once', () => {
    expect(escalationAudience(roster, ['z', 'a'])).toEqual(['a', 'c', 'z']);
    expect(escalationAudience(roster, undefined)).toEqual(['a', 'c']);
  });
});

describe('push messages', () => {
  const request = {
    locationName: 'БЦ',
    objectName: 'Кафе',
    source: 'form' as const,
    kind: 'fire' as const,
    requester: { name: 'Анна', phone: '+7' },
    createdAt: ts(0),
    deadlineAt: ts(600_000),
  };
  const visitor = { ...request, objectName: null, source: 'emergency' as const, kind: undefined, requester: { name: 'Посетитель', phone: '', visitor: true } };
  it('start the title with the kind, then the place; the location, who and the time left after; link to the staff queue', () => {
    const message = staffPushMessage('ru', 'r1', request, 0);
    expect(message).toMatchObject({ title: 'Пожар или дым — Кафе', body: 'БЦ · Анна · осталось 10 мин', link: '/staff?request=r1' });
    expect(staffPushMessage('en', 'r1', request, 0)).toMatchObject({
      title: 'Fire or smoke — Кафе',
      body: 'БЦ · Анна · 10 min left',
      link: '/staff?request=r1',
    });
  });
  it('read a request without a kind by its source, and warn of a silent call first', () => {
    expect(staffPushMessage('ru', 'r1', visitor, 0).title).toBe('Экстренный вызов — БЦ');
    expect(staffPushMessage('en', 'r1', { ...request, kind: undefined }, 0).title).toBe('Other — Кафе');
    expect(staffPushMessage('ru', 'r1', { ...visitor, kind: 'emergency', silent: true }, 0).title).toBe('Тихий вызов — не звоните заявителю — БЦ');
    expect(staffPushMessage('en', 'r1', { ...visitor, kind: 'emergency', silent: true }, 0).title).toMatch(/^Silent call/);
  });
  it("name a visitor and a missing place in the recipient's language", () => {
    expect(staffPushMessage('ru', 'r1', visitor, 0).body).toBe('место не указано (экстренный вызов) · Посетитель · осталось 10 мин');
    expect(staffPushMessage('en', 'r1', visitor, 0).body).toBe('no place given (emergency call) · Visitor · 10 min left');
  });
  it('say which escalation round it is', () => {
    expect(staffPushMessage('ru', 'r1', request, 0, 3).title).toBe('Пожар или дым — никто не принял (эскалация 3): Кафе');
    expect(staffPushMessage('en', 'r1', request, 0, 3).title).toBe('Fire or smoke — nobody accepted (escalation 3): Кафе');
    expect(staffPushMessage('en', 'r1', request, 0, 3).data).toMatchObject({ kind: 'escalation', round: '3' });
  });
  it('round the time left up and say when it is over', () => {
    expect(timeLeftLabel('ru', { createdAt: ts(0), deadlineAt: ts(60_001) }, 0)).toBe('осталось 2 мин');
    expect(timeLeftLabel('ru', { createdAt: ts(0), deadlineAt: ts(1000) }, 5000)).toBe('время прибытия истекло');
    expect(timeLeftLabel('en', { createdAt: ts(0), deadlineAt: ts(60_001) }, 0)).toBe('2 min left');
    expect(timeLeftLabel('en', { createdAt: ts(0), deadlineAt: ts(1000) }, 5000)).toBe('arrival time is over');
  });
  it('tell the resident who is coming, linking to the countdown', () => {
    expect(requesterAckMessage('ru', 'r1', { ackByName: 'Иван' })).toMatchObject({ title: 'Ваш вызов принят', body: 'Иван уже идёт к вам', link: '/sos/r1' });
    expect(requesterAckMessage('en', 'r1', { ackByName: 'Ivan' })).toMatchObject({
      title: 'Your call was accepted',
      body: 'Ivan is on the way',
      link: '/sos/r1',
    });
    expect(requesterAckMessage('en', 'r1', {}).body).toBe('A staff member is on the way');
  });
});

describe('push throttle', () => {
  const entry = (requestId: string, batch: string, at: number) => ({ lastPushAt: ts(at), requestId, batch });
  it('pushes everyone when nobody was pushed about this resident', () => {
    expect(decideThrottle(undefined, ['a', 'b'], batchKey('r1', 'open'), 0, 60_000)).toEqual({ push: ['a', 'b'], grouped: [] });
  });
  it('groups recipients pushed within the window by another batch', () => {
    const current = { recipients: { a: entry('r1', 'open', 1000) } };
    expect(decideThrottle(current, ['a', 'b'], batchKey('r2', 'open'), 30_000, 60_000)).toEqual({
      push: ['b'],
      grouped: [{ uid: 'a', pushedFor: 'r1/open' }],
    });
  });
  it('pushes again once the window has passed', () => {
    const current = { recipients: { a: entry('r1', 'open', 1000) } };
    expect(decideThrottle(current, ['a'], batchKey('r2', 'open'), 61_000, 60_000).push).toEqual(['a']);
  });
  it('lets a replay of the batch holding the slot finish its pushes', () => {
    const current = { recipients: { a: entry('r1', 'esc-2', 1000) } };
    expect(decideThrottle(current, ['a'], batchKey('r1', 'esc-2'), 2000, 60_000).push).toEqual(['a']);
  });
});

describe('message push counts', () => {
  const key = batchKey('r1', 'msg-m5');
  const slot = (batch: string, extra: { count?: number; held?: string[] } = {}) => ({ lastPushAt: ts(0), requestId: 'r1', batch, ...extra });
  it('a first message push announces one message', () => {
    expect(announcedCounts(undefined, ['a'], key, 'm5')).toEqual({ a: 1 });
  });
  it('the push after the window announces the messages held back since the last push, and itself', () => {
    const current = { recipients: { a: slot('msg-m1', { held: ['m2', 'm3', 'm4'] }), b: slot('msg-m1') } };
    expect(announcedCounts(current, ['a', 'b'], key, 'm5')).toEqual({ a: 4, b: 1 });
  });
  it('a replay counts nothing twice: a message already among the held is counted once', () => {
    const current = { recipients: { a: slot('msg-m1', { held: ['m2', 'm5'] }) } };
    expect(announcedCounts(current, ['a'], key, 'm5')).toEqual({ a: 2 });
  });
  it('a replay of the push holding the slot announces what it announced the first time', () => {
    const current = { recipients: { a: slot('msg-m5', { count: 3, held: [] }) } };
    expect(announcedCounts(current, ['a'], key, 'm5')).toEqual({ a: 3 });
  });
  it('within the 30 s window the next message is held back, after it pushed', () => {
    const current = { recipients: { a: slot('msg-m1') } };
    expect(decideThrottle(current, ['a'], key, 29_999, 30_000)).toEqual({ push: [], grouped: [{ uid: 'a', pushedFor: 'r1/msg-m1' }] });
    expect(decideThrottle(current, ['a'], key, 30_000, 30_000).push).toEqual(['a']);
  });
});
