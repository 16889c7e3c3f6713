// Cloud Tasks through the Admin SDK: the one module of tasks/ that imports firebase-admin.
import { getFunctions } from 'firebase-admin/functions';
import { app } from '../app';
import { functionsRegion } from '../params';

/**
 * Enqueues `payload` on the task queue function `queue` under `id`, dispatched at `scheduleTime`.
 * False when a task with that id is already there: a replay of whatever enqueued it.
 */
export async function enqueueOnce<Payload>(queue: string, payload: Payload, id: string, scheduleTime: Date): Promise<boolean> {
  try {
    await getFunctions(app).taskQueue<Payload>(`locations/${functionsRegion()}/functions/${queue}`).enqueue(payload, { id, scheduleTime });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code !== 'functions/task-already-exists') throw error;
    return false;
  }
}
