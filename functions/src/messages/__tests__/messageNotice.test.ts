import { describe, expect, it } from 'vitest';
import { messageAudience, messagePushMessage, needsRoster } from '../messageNotice';

const roster = [
  { uid: 'a', member: { onDuty: true, tier: 1 as const } },
  { uid: 'b', member: { onDuty: false, tier: 1 as const } },
  { uid: 'c', member: { onDuty: true, tier: 2 as const } },
];

describe('message audience', () => {
  it('a staff or admin message goes to the requester', () => {
    expect(messageAudience({ uid: 'a', role: 'staff' }, { uid: 'res', ackBy: 'a' }, roster)).toEqual(['res']);
    expect(messageAudience({ uid: 'z', role: 'admin' }, { uid: 'res' }, roster)).toEqual(['res']);
  });
  it('no push reaches the requester of a silent call (it would sound); theirs still reach staff', () => {
    expect(messageAudience({ uid: 'a', role: 'staff' }, { uid: 'res', ackBy: 'a', silent: true }, roster)).toEqual([]);
    expect(messageAudience({ uid: 'res', role: 'requester' }, { uid: 'res', ackBy: 'b', silent: true }, roster)).toEqual(['b']);
  });
  it("the requester's message goes to the claimer, or to every on-duty staff member while unclaimed", () => {
    expect(messageAudience({ uid: 'res', role: 'requester' }, { uid: 'res', ackBy: 'b' }, roster)).toEqual(['b']);
    expect(messageAudience({ uid: 'res', role: 'requester' }, { uid: 'res' }, roster)).toEqual(['a', 'c']);
    expect(needsRoster({ role: 'requester' }, {})).toBe(true);
    expect(needsRoster({ role: 'requester' }, { ackBy: 'b' })).toBe(false);
    expect(needsRoster({ role: 'staff' }, {})).toBe(false);
  });
  it('never pushes the author (an admin who is also the requester)', () => {
    expect(messageAudience({ uid: 'res', role: 'admin' }, { uid: 'res' }, roster)).toEqual([]);
  });
});

describe('message push', () => {
  const request = { locationName: 'БЦ', objectName: 'Кафе', requester: { name: 'Анна', phone: '+7' } };
  it('tells the requester staff wrote, linking to the countdown', () => {
    expect(messagePushMessage('ru', 'r1', 'm1', { role: 'staff', text: 'Иду' }, request)).toMatchObject({
      title: 'Сообщение от персонала',
      body: 'Иду',
      link: '/sos/r1',
      data: { requestId: 'r1', kind: 'message', messageId: 'm1' },
    });
    expect(messagePushMessage('en', 'r1', 'm1', { role: 'staff', text: 'Иду' }, request)).toMatchObject({ title: 'Message from staff', body: 'Иду' });
  });
  it('tells staff who wrote and where, linking to the staff card; a visitor is «Посетитель»; long texts are cut', () => {
    expect(messagePushMessage('ru', 'r1', 'm1', { role: 'requester', text: 'x'.repeat(300) }, request)).toMatchObject({
      title: 'Сообщение: Анна · Кафе',
      link: '/staff?request=r1',
    });
    expect(messagePushMessage('ru', 'r1', 'm1', { role: 'requester', text: 'x'.repeat(300) }, request).body).toHaveLength(120);
    expect(messagePushMessage('ru', 'r1', 'm1', { role: 'requester', text: 'Помогите' }, { locationName: 'БЦ', objectName: null }).title).toBe(
      'Сообщение: Посетитель · БЦ',
    );
  });
  it('speaks English to staff who chose it, a visitor included', () => {
    expect(messagePushMessage('en', 'r1', 'm1', { role: 'requester', text: 'Help' }, request).title).toBe('Message: Анна · Кафе');
    const visitor = { locationName: 'БЦ', objectName: null, requester: { name: 'Посетитель', phone: '', visitor: true } };
    expect(messagePushMessage('en', 'r1', 'm1', { role: 'requester', text: 'Help' }, visitor).title).toBe('Message: Visitor · БЦ');
    expect(messagePushMessage('en', 'r1', 'm1', { role: 'requester', text: 'Help' }, { locationName: 'БЦ', objectName: null }).title).toBe(
      'Message: Visitor · БЦ',
    );
  });
  it("a push after held-back messages says how many are new, in the recipient's language", () => {
    expect(messagePushMessage('ru', 'r1', 'm5', { role: 'requester', text: 'Где вы?' }, request, 3)).toMatchObject({
      title: 'Новых сообщений: 3 · Сообщение: Анна · Кафе',
      body: 'Где вы?',
    });
    expect(messagePushMessage('en', 'r1', 'm5', { role: 'staff', text: 'Coming' }, request, 4).title).toBe('4 new messages · Message from staff');
    expect(messagePushMessage('en', 'r1', 'm5', { role: 'staff', text: 'Coming' }, request, 1).title).toBe('Message from staff');
  });
});
