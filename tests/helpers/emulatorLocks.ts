// The Firestore emulator's pessimistic locks, which production Firestore does not have (its writers retry contention).
const UNKNOWN = 2;
const ABORTED = 10;

/**
 * Runs an Admin SDK write again when the emulator answers UNKNOWN or ABORTED: its pessimistic
 * locks make a write that meets a trigger's transaction on the same document fail that way
 * (firebase/quickstart-nodejs#64); production Firestore retries contention itself.
 */
export async function writeDespiteEmulatorLocks<T>(write: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const code = (error as { code?: number }).code;
      if (attempt >= attempts || (code !== UNKNOWN && code !== ABORTED)) throw error;
    }
  }
}
