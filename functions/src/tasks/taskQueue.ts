// Cloud Tasks through the Admin SDK: the one module of tasks/ that imports firebase-admin.
import { getFunctions } from 'firebase-admin/functions';
import { app } from '../app';
import { functionsRegion } from '../params';

const taskQueueOf = <Payload>(queue: string) => getFunctions(app).taskQueue<Payload>(`locations/${functionsRegion()}/functions/${queue}`);

/**
 * Enqueues `payload` on the task queue function `queue` under `id`, dispatched at `scheduleTime`.
 * False when a task with that id is already there: a replay of whatever enqueued it.
 */
export async function enqueueOnce<Payload>(queue: string, payload: Payload, id: string, scheduleTime: Date): Promise<boolean> {
  try {
    await taskQueueOf<Payload>(queue).enqueue(payload, { id, scheduleTime });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code !== 'functions/task-already-exists') throw error;
    return false;
  }
}

/** What deleting a set of tasks came to: how many deletes were sent, and the error codes of those that failed. */
export interface TasksDeleted {
  sent: number;
  failed: string[];
}

/** The Admin SDK sends every task call to the tasks emulator when this is set (the functions emulator and the suites set it). */
const onTheTasksEmulator = (): boolean => process.env.CLOUD_TASKS_EMULATOR_HOST !== undefined;

/**
 * Deletes the tasks `ids` of the task queue function `queue`, in parallel. A task that is not there (run, deleted or
 * never enqueued) is no error: the Admin SDK ignores the 404. The tasks emulator is sent nothing: it dispatches every
 * task at once (tasks/earlyDispatch.ts), and its DELETE of a task it has dispatched unlinks that task from its queue's
 * list without checking, which drops or re-dispatches other tasks waiting there (firebase-tools 14.18 taskQueue.js).
 */
export async function deleteTasks(queue: string, ids: readonly string[]): Promise<TasksDeleted> {
  if (onTheTasksEmulator()) return { sent: 0, failed: [] };
  const tasks = taskQueueOf(queue);
  const results = await Promise.allSettled(ids.map((id) => tasks.delete(id)));
  const failed = results.flatMap((result) => (result.status === 'rejected' ? [(result.reason as { code?: string }).code ?? String(result.reason)] : []));
  return { sent: ids.length, failed };
}
