// Where the emulators are: set by `firebase emulators:exec`, defaulting to firebase.json's ports.
/** SOS_PORT_OFFSET moves every port (see scripts/firebase.mjs). */
export const PORT_OFFSET = Number(process.env.SOS_PORT_OFFSET ?? 0);

export const EMULATOR_HOSTS = {
  firestore: process.env.FIRESTORE_EMULATOR_HOST ?? `127.0.0.1:${8080 + PORT_OFFSET}`,
  auth: process.env.FIREBASE_AUTH_EMULATOR_HOST ?? `127.0.0.1:${9099 + PORT_OFFSET}`,
  functions: `127.0.0.1:${5001 + PORT_OFFSET}`,
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
