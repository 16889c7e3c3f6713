import { describe, expect, it } from 'vitest';
import { repliesFor, replyTracker, type ThreadMessage } from '../replies';

const message = (id: string, uid: string, role: ThreadMessage['role'] = 'staff'): ThreadMessage => ({ id, uid, role, text: `text ${id}` });
const ANNA = 'uid-anna';

describe("the other side's messages on the requester's screen", () => {
  it('are those the viewer did not write', () => {
    const thread = [message('1', 'uid-ivan'), message('2', ANNA, 'requester'), message('3', 'uid-olga', 'admin')];
    expect(repliesFor(ANNA, thread).map((reply) => reply.id)).toEqual(['1', '3']);
  });

  it('announce nothing the thread held before the server first answered, then each new reply once', () => {
    const arrived = replyTracker();
    const old = message('old', 'uid-ivan');
    // The device's copy, then the server's first answer with one more that came while the screen was closed.
    expect(arrived('r1', ANNA, [old], false)).toEqual([]);
    expect(arrived('r1', ANNA, [old, message('missed', 'uid-ivan')], true)).toEqual([]);
    // Live from now on: the requester's own message is never news, a staff reply is, once.
    const mine = message('mine', ANNA, 'requester');
    expect(arrived('r1', ANNA, [old, mine], true)).toEqual([]);
    const reply = message('reply', 'uid-ivan');
    expect(arrived('r1', ANNA, [old, mine, reply], true)).toEqual([reply]);
    expect(arrived('r1', ANNA, [old, mine, reply], true)).toEqual([]);
    const two = [message('a', 'uid-ivan'), message('b', 'uid-olga', 'admin')];
    expect(arrived('r1', ANNA, [old, mine, reply, ...two], true)).toEqual(two);
  });

  it('starts afresh on another thread: what it holds when first confirmed is not news', () => {
    const arrived = replyTracker();
    expect(arrived('r1', ANNA, [], true)).toEqual([]);
    expect(arrived('r2', ANNA, [message('earlier', 'uid-ivan')], true)).toEqual([]);
    const reply = message('later', 'uid-ivan');
    expect(arrived('r2', ANNA, [message('earlier', 'uid-ivan'), reply], true)).toEqual([reply]);
  });

  it('on a screen opened before the thread existed, the first reply is news', () => {
    const arrived = replyTracker();
    expect(arrived('r1', ANNA, [], true)).toEqual([]);
    const first = message('first', 'uid-ivan');
    expect(arrived('r1', ANNA, [first], true)).toEqual([first]);
  });
});
