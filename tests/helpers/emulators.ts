// Where the emulators are: set by `firebase emulators:exec`, defaulting to firebase.json's ports
// (moved by SOS_PORT_OFFSET, see scripts/emulatorPorts.mjs).
import { emulatorHosts, emulatorPorts } from '../../scripts/emulatorPorts.mjs';

export const EMULATOR_PORTS = emulatorPorts();
const defaultHosts = emulatorHosts(EMULATOR_PORTS);

export const EMULATOR_HOSTS = {
  firestore: process.env.FIRESTORE_EMULATOR_HOST ?? defaultHosts.firestore,
  auth: process.env.FIREBASE_AUTH_EMULATOR_HOST ?? defaultHosts.auth,
  functions: defaultHosts.functions,
  tasks: process.env.CLOUD_TASKS_EMULATOR_HOST ?? defaultHosts.tasks,
};

export const PROJECT_ID = 'demo-sos';

export function hostAndPort(hostPort: string): { host: string; port: number } {
  const [host = '127.0.0.1', port = '0'] = hostPort.split(':');
  return { host, port: Number(port) };
}

/** Resolves with the first value `check` accepts from a stream of snapshots, or rejects after `timeoutMs`. */
export function waitFor<T>(
  subscribe: (next: (value: T) => void, fail: (error: Error) => void) => () => void,
  check: (value: T) => boolean,
  timeoutMs = 15_000,
  what = 'state',
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let last: T | undefined;
    let unsubscribe: () => void = () => undefined;
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last)}`));
    }, timeoutMs);
    unsubscribe = subscribe(
      (value) => {
        last = value;
        if (check(value)) {
          clearTimeout(timer);
          queueMicrotask(() => unsubscribe());
          resolve(value);
        }
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
