// Enqueues escalation rounds on the `escalateSosRequest` task queue, idempotently by task id.
import { getFunctions } from 'firebase-admin/functions';
import { app } from '../app';
import { config } from '../config';
import { logs } from '../logs';
import { functionsRegion } from '../params';
import { escalationTaskId, type EscalationTask } from './escalationTask';

export async function enqueueEscalationRound(task: EscalationTask): Promise<void> {
  const id = escalationTaskId(task);
  try {
    await getFunctions(app)
      .taskQueue<EscalationTask>(`locations/${functionsRegion()}/functions/${config.escalation.queue}`)
      .enqueue(task, { id, scheduleTime: new Date(task.dueAtMillis) });
    logs.escalationEnqueued(task.requestId, task.round, new Date(task.dueAtMillis).toISOString(), id);
  } catch (error) {
    // A replay of whatever enqueued this round: the task is already there.
    if ((error as { code?: string }).code !== 'functions/task-already-exists') throw error;
    logs.escalationAlreadyEnqueued(task.requestId, task.round, id);
  }
}
