// Issue 21, stopping leaves nothing behind: `npm start` (on the last build, its ports moved by STACK_OFFSET so it can
// run beside a developer's own `npm start`; npm test runs it beside the suites, after the rules) is stopped
// while escalation and arrival tasks are pending, once as a terminal's Ctrl-C does (SIGINT to the whole foreground
// process group) and once as a supervisor does (SIGTERM to the `npm` process alone). After each, no process the stack
// started is running and none of its ports is listening.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { FieldValue, getFirestore, type Firestore } from 'firebase-admin/firestore';
import { acknowledgeWrite, paths, sosRequestCreate } from '@sos/model';
import { DEMO_ACCOUNTS } from '../../scripts/demo-data';
import { EMULATOR_HOST, emulatorPortList, emulatorPorts } from '../../scripts/emulatorPorts.mjs';
import { waitFor } from '../helpers/emulators';
import { descendantsOf, stillRuns, type ProcessEntry } from '../../scripts/processTree.mjs';
import { writeDespiteEmulatorLocks } from '../helpers/emulatorLocks';

const ROOT = resolve(import.meta.dirname, '../..');
/** Clear of the default ports (offset 0) and of the ports browsers refuse (scripts/start.mjs checks). */
const STACK_OFFSET = 3000;
const ports = emulatorPorts(STACK_OFFSET);
// The Admin SDK follows this variable over any host setting: this file (a vitest run of its own) talks to the stack only.
process.env.FIRESTORE_EMULATOR_HOST = `${EMULATOR_HOST}:${ports.firestore}`;

/** Those of the recorded processes still running. */
const stillRunning = (recorded: Iterable<ProcessEntry>) => [...recorded].filter(stillRuns);

function listening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: EMULATOR_HOST, port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

interface Stack {
  npm: ChildProcess & { pid: number };
  output: () => string;
  exited: Promise<number | null>;
  /** Every process the stack has started, recorded while they ran. */
  seen: Map<number, ProcessEntry>;
  db: Firestore;
  app: App;
  recorder: ReturnType<typeof setInterval> | undefined;
}

let running: Stack | undefined;

/** Records what the stack runs now (a worker started during the stop counts too). */
const record = (stack: Stack) => {
  for (const proc of descendantsOf(stack.npm.pid)) stack.seen.set(proc.pid, proc);
};

async function startStack(): Promise<Stack> {
  // Its own process group, as a terminal gives a command it runs in the foreground. The environment is the user's,
  // not the suites': no emulator variable of theirs may leak into the stack.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/EMULATOR|^GCLOUD_PROJECT$|^FIREBASE_|^VITEST|^SOS_FAULTS/.test(name)));
  const npm = spawn('npm', ['start', '--', '--no-build'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, SOS_PORT_OFFSET: String(STACK_OFFSET), FORCE_COLOR: '0' },
  });
  if (npm.pid === undefined) throw new Error('npm did not start');
  let output = '';
  npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => npm.once('exit', (code) => done(code)));
  const app = initializeApp({ projectId: 'demo-sos' }, `stack-${npm.pid}`);
  const stack: Stack = { npm: npm as Stack['npm'], output: () => output, exited, seen: new Map(), db: getFirestore(app), app, recorder: undefined };
  stack.recorder = setInterval(() => record(stack), 250);
  running = stack;
  const deadline = Date.now() + 120_000;
  while (!output.includes('SOS is running')) {
    if (npm.exitCode !== null) throw new Error(`npm start exited with ${npm.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm start was not running within 120 s:\n${output}`);
    await new Promise((done) => setTimeout(done, 250));
  }
  return stack;
}

/** A resident's call, opened by the stack's trigger, then claimed: escalation round 1 and the arrival check wait. */
async function leaveTasksPending(stack: Stack): Promise<void> {
  const { db } = stack;
  const resident = DEMO_ACCOUNTS.resident;
  const unclaimed = db.collection(paths.sosRequests()).doc();
  const claimed = db.collection(paths.sosRequests()).doc();
  for (const ref of [unclaimed, claimed]) {
    await ref.set(sosRequestCreate({ uid: resident.uid, locationId: 'demo-bc', source: 'emergency' }, FieldValue.serverTimestamp()));
  }
  for (const ref of [unclaimed, claimed]) {
    await waitFor(
      (next, fail) => ref.onSnapshot((snapshot) => next(snapshot.get('status')), fail),
      (status) => status === 'open',
      60_000,
      'the stack’s trigger opening the request',
    );
  }
  // The open step's effects may still hold the emulator's lock on the request (production has no such locks).
  await writeDespiteEmulatorLocks(() =>
    claimed.update({ ...acknowledgeWrite(DEMO_ACCOUNTS.staff.uid, DEMO_ACCOUNTS.staff.displayName, FieldValue.serverTimestamp()) }),
  );
  // The update trigger has run when the claim's event is there; the arrival check is enqueued after it.
  const event = db.doc(paths.event(claimed.id, 'acknowledged'));
  await waitFor((next, fail) => event.onSnapshot((snapshot) => next(snapshot.exists), fail), Boolean, 60_000, 'the claim recorded by the stack');
}

/** A failure while the stack runs says what the stack printed. */
async function withItsOutput(stack: Stack, step: Promise<void>): Promise<void> {
  try {
    await step;
  } catch (error) {
    throw new Error(`${(error as Error).message}\nnpm start printed:\n${stack.output()}`);
  }
}

async function stopAndCheck(stack: Stack, send: () => void): Promise<void> {
  record(stack);
  // The function workers the pending tasks keep busy, and the Java Firestore emulator.
  expect([...stack.seen.values()].some((proc) => proc.command.includes('functionsEmulatorRuntime'))).toBe(true);
  expect([...stack.seen.values()].some((proc) => proc.command.startsWith('java'))).toBe(true);
  send();
  const code = await Promise.race([stack.exited, new Promise<'still running'>((done) => setTimeout(() => done('still running'), 60_000))]);
  clearInterval(stack.recorder);
  expect(code, stack.output()).not.toBe('still running');
  // start.mjs ends what it started before it exits.
  expect(stillRunning(stack.seen.values()).map((proc) => `${proc.pid} ${proc.command}`)).toEqual([]);
  const open = [];
  for (const { name, port } of emulatorPortList(STACK_OFFSET)) if (await listening(port)) open.push(`${name} ${port}`);
  expect(open).toEqual([]);
  await deleteApp(stack.app);
  running = undefined;
}

afterEach(async () => {
  // A failed test still stops its stack.
  if (!running) return;
  clearInterval(running.recorder);
  record(running);
  try {
    process.kill(-running.npm.pid, 'SIGKILL');
  } catch {
    // already gone
  }
  for (const proc of stillRunning(running.seen.values())) process.kill(proc.pid, 'SIGKILL');
  await deleteApp(running.app);
  running = undefined;
});

describe('stopping npm start with tasks pending', () => {
  it('Ctrl-C in the terminal (SIGINT to the process group) leaves no process and no port', { timeout: 240_000 }, async () => {
    const stack = await startStack();
    await withItsOutput(stack, leaveTasksPending(stack));
    await stopAndCheck(stack, () => process.kill(-stack.npm.pid, 'SIGINT'));
  });

  it('SIGTERM to the npm process alone, as a supervisor sends it, leaves no process and no port', { timeout: 240_000 }, async () => {
    const stack = await startStack();
    await withItsOutput(stack, leaveTasksPending(stack));
    await stopAndCheck(stack, () => stack.npm.kill('SIGTERM'));
  });
});
