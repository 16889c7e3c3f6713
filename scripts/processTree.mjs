// @ts-check
// The processes below a process, read from Linux's /proc: `npm start` (scripts/start.mjs) records what it started so a
// stop reaches every one, and the stop test (tests/stack/stop.test.ts) checks that none is left. A pid with its start
// time names one process: a recorded pid is never mistaken for a later process that reuses it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** @typedef {{ pid: number, ppid: number, startTime: string, command: string }} ProcessEntry */

/** @param {number | string} pid @returns {ProcessEntry | null} null when it has ended (or never ran) */
export function processEntry(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name start at field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
    return { pid: Number(pid), ppid: Number(fields[1]), startTime: fields[19] ?? '', command };
  } catch {
    return null; // the process ended while we looked
  }
}

/** Every process below `pid` now (none where there is no /proc). @param {number} pid @returns {ProcessEntry[]} */
export function descendantsOf(pid) {
  if (!existsSync('/proc')) return [];
  const all = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => processEntry(entry) ?? []);
  const found = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const proc of all)
      if (proc.ppid === parent) {
        found.push(proc);
        queue.push(proc.pid);
      }
  }
  return found;
}

/** Whether this recorded process still runs (the same pid and start time). @param {{ pid: number, startTime: string }} recorded */
export const stillRuns = (recorded) => processEntry(recorded.pid)?.startTime === recorded.startTime;
