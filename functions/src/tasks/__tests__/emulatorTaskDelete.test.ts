// Why tasks/taskQueue.ts sends the tasks emulator no deletes: the emulator's own queue (firebase-tools' taskQueue.js,
// the version package.json pins) keeps a dispatched task in its index, and its remove() then relinks stale neighbours.
// When firebase-tools fixes this, these tests fail: the emulator may then be sent deletes too.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

interface EmulatorQueue {
  enqueue(id: string, item: string): void;
  dequeue(): string;
  remove(id: string): void;
  getAll(): string[];
}

const { Queue } = createRequire(import.meta.url)('firebase-tools/lib/emulator/taskQueue.js') as { Queue: new () => EmulatorQueue };

describe("the tasks emulator's delete of a task it has already dispatched", () => {
  it('drops the task waiting behind it, which is then never dispatched', () => {
    const queue = new Queue();
    queue.enqueue('step-sent', 'step-sent');
    queue.dequeue();
    queue.enqueue('other-request-step', 'other-request-step');
    queue.remove('step-sent');
    expect(queue.getAll()).toEqual([]);
  });

  it('puts back a task it dispatched after it, which is then dispatched twice', () => {
    const queue = new Queue();
    queue.enqueue('step-sent', 'step-sent');
    queue.enqueue('next-sent', 'next-sent');
    queue.dequeue();
    queue.dequeue();
    queue.remove('step-sent');
    expect(queue.getAll()).toEqual(['next-sent']);
  });
});
