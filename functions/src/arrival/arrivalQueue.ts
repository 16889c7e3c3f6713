// Enqueues arrival checks on the `checkArrival` task queue, idempotently by task id.
import { getFunctions } from 'firebase-admin/functions';
import { app } from '../app';
import { config } from '../config';
import { logs } from '../logs';
import { functionsRegion } from '../params';
import { arrivalTaskId, type ArrivalTask } from './arrivalTask';

export async function enqueueArrivalCheck(task: ArrivalTask): Promise<void> {
  const id = arrivalTaskId(task);
  try {
    await getFunctions(app)
      .taskQueue<ArrivalTask>(`locations/${functionsRegion()}/functions/${config.arrival.queue}`)
      .enqueue(task, { id, scheduleTime: new Date(task.dueAtMillis) });
    logs.arrivalCheckEnqueued(task.requestId, task.repeat, new Date(task.dueAtMillis).toISOString(), id);
  } catch (error) {
    // A replay of whatever enqueued this check: the task is already there.
    if ((error as { code?: string }).code !== 'functions/task-already-exists') throw error;
    logs.arrivalCheckAlreadyEnqueued(task.requestId, task.repeat, id);
  }
}
