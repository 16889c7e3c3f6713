// What the pages' buttons and forms do around an action: show that it runs, say how it failed, go back where they came from.
import type { Ref } from 'vue';
import type { LocationQuery } from 'vue-router';

/** Runs the action with `busy` true until it settles. */
export async function whileBusy<T>(busy: Ref<boolean>, action: () => Promise<T>): Promise<T> {
  busy.value = true;
  try {
    return await action();
  } finally {
    busy.value = false;
  }
}

/** Clears `failure`, runs the action, and if it throws puts its message, in the words `say` gives, into `failure`. */
export async function reportingFailure(failure: Ref<string | null>, action: () => Promise<unknown>, say: (message: string) => string): Promise<void> {
  failure.value = null;
  try {
    await action();
  } catch (error) {
    failure.value = say((error as Error).message);
  }
}

/** The in-app path of `?redirect=/…`; null when there is none or it would leave the app. */
export function redirectPath(query: LocationQuery): string | null {
  const { redirect } = query;
  return typeof redirect === 'string' && redirect.startsWith('/') ? redirect : null;
}
