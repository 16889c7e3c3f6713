// The emulators' own log, firebase-debug.log in the working directory of `firebase emulators:exec` (the repository
// root, where the suites and the bench run too): what the functions logged, read after a mark.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { waitFor } from './emulators';

const DEBUG_LOG = resolve(process.cwd(), 'firebase-debug.log');

/** A mark in the emulators' log; `functionLogSince(mark)` reads what was logged after it. */
export function functionLogMark(): number {
  return existsSync(DEBUG_LOG) ? statSync(DEBUG_LOG).size : 0;
}

export function functionLogSince(mark: number): string {
  return existsSync(DEBUG_LOG) ? readFileSync(DEBUG_LOG).subarray(mark).toString('utf8') : '';
}

/** What a function logged (firebase-functions writes one JSON object per line: `message`, `severity` and the fields). */
export type LoggedEntry = Record<string, unknown> & { message: string };

/**
 * A function's line as firebase-tools writes it: `[info] >  {the function's JSON} {the emulator's metadata}`. The
 * function's JSON is the shortest prefix after `>` that parses.
 */
function functionEntryOf(line: string): Partial<LoggedEntry> | null {
  const start = line.indexOf('{', line.indexOf('>'));
  for (let end = line.indexOf('}', start); start >= 0 && end >= 0; end = line.indexOf('}', end + 1)) {
    try {
      return JSON.parse(line.slice(start, end + 1)) as Partial<LoggedEntry>;
    } catch {
      // Not the end of the object yet: a `}` inside it.
    }
  }
  return null;
}

/** The entries with this message that the functions logged after `mark`, in order. */
export function loggedSince(mark: number, message: string): LoggedEntry[] {
  const quoted = JSON.stringify(message);
  return functionLogSince(mark)
    .split('\n')
    .filter((line) => line.includes(`"message":${quoted}`))
    .map(functionEntryOf)
    .filter((entry): entry is LoggedEntry => entry?.message === message);
}

/** Waits until the entries with this message logged after `mark` satisfy `check` (the log is read again every 200 ms). */
export function waitForLogged(
  mark: number,
  message: string,
  check: (entries: LoggedEntry[]) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<LoggedEntry[]> {
  return waitFor<LoggedEntry[]>(
    (next) => {
      next(loggedSince(mark, message));
      const timer = setInterval(() => next(loggedSince(mark, message)), 200);
      return () => clearInterval(timer);
    },
    check,
    timeoutMs,
    what,
  );
}

/**
 * For a wait that timed out: the emulators' last lines that mention any of these ids (what the functions logged about
 * them, and the emulator's own errors for their triggers), so a failure in CI says what the backend did.
 */
export function functionLogAbout(ids: string[], maxLines = 40): string {
  const wanted = ids.filter((id) => id.length >= 8);
  if (wanted.length === 0) return '';
  const lines = functionLogSince(0)
    .split('\n')
    .filter((line) => wanted.some((id) => line.includes(id)));
  return lines.slice(-maxLines).join('\n');
}
