// The emulators' listeners listen again from time to time (the emulator's watch loses changes): when, how often,
// and that the old listener is gone before the new one starts. The listener here is a function the test drives.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentSnapshot, SnapshotMetadata } from 'firebase/firestore';
import { RELISTEN_EVERY_MS, RELISTEN_FIRST_MS, relisteningListener } from '../relisteningSnapshots';

type Snapshot = DocumentSnapshot<{ name: string }>;

function snapshot(name: string, metadata: Partial<SnapshotMetadata>): Snapshot {
  return { id: name, metadata: { fromCache: false, hasPendingWrites: false, ...metadata } } as Snapshot;
}

/** A listener the test answers for: which listeners are running, and a way to answer the newest one. */
function drivenListener() {
  const running: number[] = [];
  let started = 0;
  let answerNewest: ((answer: Snapshot) => void) | null = null;
  const listen = (next: (answer: Snapshot) => void) => {
    const id = ++started;
    running.push(id);
    answerNewest = next;
    return () => running.splice(running.indexOf(id), 1);
  };
  return {
    listen,
    running,
    started: () => started,
    answer: (answer: Snapshot) => answerNewest?.(answer),
  };
}

describe('relisteningListener', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('listens again after the server’s first answer, then every RELISTEN_EVERY_MS, one listener at a time', () => {
    const driven = drivenListener();
    const shown: string[] = [];
    const stop = relisteningListener(
      driven.listen,
      (answer) => shown.push(answer.id),
      () => undefined,
      { relisten: true },
    );
    driven.answer(snapshot('cached', { fromCache: true }));
    vi.advanceTimersByTime(RELISTEN_EVERY_MS * 3);
    expect(driven.started(), 'an answer from the cache alone starts no timer').toBe(1);

    driven.answer(snapshot('server', {}));
    vi.advanceTimersByTime(RELISTEN_FIRST_MS - 1);
    expect(driven.started()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(driven.started()).toBe(2);
    expect(driven.running, 'the first listener stopped before the second started').toEqual([2]);

    // The new listener's answers from the cache are held back until the server answers it, unless they carry a write.
    driven.answer(snapshot('cached again', { fromCache: true }));
    driven.answer(snapshot('local write', { fromCache: true, hasPendingWrites: true }));
    vi.advanceTimersByTime(RELISTEN_EVERY_MS * 3);
    expect(driven.started(), 'no server answer yet: no timer').toBe(2);
    // An acknowledged write the watch never confirmed stays pending: such an answer counts too.
    driven.answer(snapshot('pending', { hasPendingWrites: true }));
    vi.advanceTimersByTime(RELISTEN_EVERY_MS);
    expect(driven.started()).toBe(3);
    expect(driven.running).toEqual([3]);
    expect(shown).toEqual(['cached', 'server', 'local write', 'pending']);

    stop();
    driven.answer(snapshot('late', {}));
    vi.advanceTimersByTime(RELISTEN_EVERY_MS * 3);
    expect(driven.running, 'stopped: no listener, no timer left').toEqual([]);
    expect(driven.started()).toBe(3);
  });

  it('never listens again when not asked to (production)', () => {
    const driven = drivenListener();
    relisteningListener(
      driven.listen,
      () => undefined,
      () => undefined,
      { relisten: false },
    );
    driven.answer(snapshot('server', {}));
    vi.advanceTimersByTime(RELISTEN_EVERY_MS * 3);
    expect(driven.started()).toBe(1);
    expect(driven.running).toEqual([1]);
  });
});
