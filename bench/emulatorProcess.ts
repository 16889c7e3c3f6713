// What the bench reads from the emulators themselves: the handler times the functions emulator logs (read through
// tests/helpers/functionLog.ts, as the suites read it), and the CPU time of its processes (from /proc, Linux only).
import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { functionLogSince } from '../tests/helpers/functionLog';
import { percentile, round } from './stats';

/** firebase-tools logs every invocation as `Finished "<region>-<function>" in <ms>ms` (functionsRuntimeWorker.js). */
const FINISHED = /Finished "(?:[a-z0-9-]+-)?([A-Za-z0-9_]+)" in ([\d.]+)ms/g;

export type HandlerTimes = Record<string, { invocations: number; p50Ms: number; p95Ms: number }>;

/** Per function: p50/p95 of the handler's own time as the functions emulator measured it, since `mark`. */
export function handlerTimesSince(mark: number): HandlerTimes {
  const text = functionLogSince(mark);
  const times = new Map<string, number[]>();
  for (const [, name, ms] of text.matchAll(FINISHED)) {
    if (!name || !ms) continue;
    times.set(name, [...(times.get(name) ?? []), Number(ms)]);
  }
  return Object.fromEntries(
    [...times].map(([name, values]) => [
      name,
      { invocations: values.length, p50Ms: round(percentile(values, 50), 1), p95Ms: round(percentile(values, 95), 1) },
    ]),
  );
}

interface ProcStat {
  pid: number;
  ppid: number;
  ticks: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields are counted after its closing one.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

const commandLine = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
};

/** The firebase-tools process running this bench (`emulators:exec`), found among our ancestors. */
function firebaseToolsPid(): number {
  for (let pid = process.ppid; pid > 1;) {
    if (/firebase(-tools)?\b.*emulators:exec/.test(commandLine(pid))) return pid;
    const stat = readStat(pid);
    if (!stat) break;
    pid = stat.ppid;
  }
  throw new Error('the bench must run under `firebase emulators:exec` (npm run bench)');
}

/**
 * The functions emulator: the firebase-tools process (it hosts the functions and tasks emulators) and its
 * function workers (one Node process per concurrent invocation). Not the Java Firestore emulator, not us.
 */
function functionsEmulatorPids(root: number): number[] {
  const stats = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is ProcStat => stat !== null);
  const children = new Map<number, number[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat.pid]);
  const workers: number[] = [];
  const visit = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      if (/functionsEmulatorRuntime/.test(commandLine(child))) workers.push(child);
      visit(child);
    }
  };
  visit(root);
  return [root, ...workers];
}

const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** Percent of one core the functions emulator used while `during` ran. */
export async function functionsEmulatorCpuPct(during: () => Promise<void>): Promise<number> {
  const root = firebaseToolsPid();
  const ticksNow = () => functionsEmulatorPids(root).reduce((sum, pid) => sum + (readStat(pid)?.ticks ?? 0), 0);
  // Workers that exit during the window lose their ticks; workers are kept alive by the emulator, so few do.
  const startTicks = ticksNow();
  const started = performance.now();
  await during();
  const seconds = (performance.now() - started) / 1000;
  return round(((ticksNow() - startTicks) / CLOCK_TICKS_PER_SECOND / seconds) * 100, 1);
}
