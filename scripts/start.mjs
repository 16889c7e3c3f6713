#!/usr/bin/env node
// @ts-check
// `npm start`: build, start the emulators with the Hosting emulator serving the production build
// (service worker, rewrites and headers as deployed), seed the demo data, print where everything is.
// `npm run dev` (--dev): the same emulators without Hosting, and Vite with hot reload as the app.
// --no-build: start on the last build as it is (a restart with the same SOS_PORT_OFFSET; the stop test).
// SOS_PORT_OFFSET=N moves every port. Ctrl-C, or SIGINT/SIGTERM to this process or to the `npm` that runs it (the
// scripts `exec` it, so npm's forwarded signal reaches it), stops everything: every emulator and every process they
// started. A failed start says why, exits non-zero and leaves no process behind.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { resolveFirestoreEmulator } from './emulator-jar.mjs';
import { descendantsOf, stillRuns } from './processTree.mjs';
import { EMULATOR_HOST, emulatorPortList, emulatorPorts, portOffset } from './emulatorPorts.mjs';

const dev = process.argv.includes('--dev');
const build = !process.argv.includes('--no-build');
/** @type {number} */
let offset;
try {
  offset = portOffset();
} catch (error) {
  console.error(/** @type {Error} */ (error).message);
  process.exit(2);
}

const ports = emulatorPorts(offset);
const EMULATORS = dev ? ['auth', 'firestore', 'functions', 'tasks'] : ['auth', 'firestore', 'functions', 'tasks', 'hosting'];
// In dev, Vite takes the port the Hosting emulator has in `npm start`: the app is at the same address.
const APP_URL = `http://${EMULATOR_HOST}:${ports.hosting}`;
const HUB_URL = `http://${EMULATOR_HOST}:${ports.hub}/emulators`;
/** The emulators have no Cloud Scheduler: the schedule functions are called here, as it would call them. */
const SCHEDULED = [
  { name: 'sweepStuckRequests', everyMs: 60_000 },
  { name: 'watchDuty', everyMs: 5 * 60_000 },
];
const functionsBase = `http://${EMULATOR_HOST}:${ports.functions}`;
const functionsUrl = (/** @type {string} */ name) => `${functionsBase}/demo-sos/us-central1/${name}-0`;

/** The functions the project deploys: functions/src/index.ts holds only `export { a, b } from '…'` lines. */
function deployedFunctionNames() {
  const source = readFileSync(resolve('functions/src/index.ts'), 'utf8');
  const names = [...source.matchAll(/export \{([^}]+)\} from/g)].flatMap((match) => (match[1] ?? '').split(',').map((name) => name.trim()));
  return names.filter(Boolean);
}

// Ports the browser must reach; Chromium and fetch() refuse these (the "bad ports" list of the Fetch standard).
const BROWSER_BLOCKED_PORTS = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137,
  139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049,
  3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** @param {number} portNumber @returns {Promise<boolean>} */
function portIsFree(portNumber) {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(portNumber, '127.0.0.1', () => server.close(() => done(true)));
  });
}

async function checkPorts() {
  const toCheck = emulatorPortList(offset);
  const blocked = toCheck.filter(({ name, port: p }) => ['auth', 'firestore', 'hosting'].includes(name) && BROWSER_BLOCKED_PORTS.has(p));
  if (blocked.length > 0) {
    const list = blocked.map(({ name, port: p }) => `${name} ${p}`).join(', ');
    await fail(`SOS_PORT_OFFSET=${offset} puts ${list} on a port browsers refuse to reach; pick another offset (1000 works).`, 2);
  }
  const busy = [];
  for (const entry of toCheck) if (!(await portIsFree(entry.port))) busy.push(entry);
  if (busy.length > 0) {
    const list = busy.map(({ name, port: p }) => `${p} (${name})`).join(', ');
    await fail(
      `Port ${list} already in use: is another \`npm start\` or test run going? Stop it, or move every port with SOS_PORT_OFFSET (e.g. SOS_PORT_OFFSET=1000 npm start).`,
      2,
    );
  }
}

/** @type {import('node:child_process').ChildProcess[]} */
const children = [];
/** pid → start time of every process our children started, recorded while they ran. */
/** @type {Map<number, string>} */
const knownDescendants = new Map();
let stopping = false;

function rememberDescendants() {
  for (const child of children) {
    if (child.exitCode !== null || child.pid === undefined) continue;
    for (const { pid, startTime } of descendantsOf(child.pid)) knownDescendants.set(pid, startTime);
  }
}

/** Recorded descendants that still run (the same process: same pid and start time). */
function liveDescendants() {
  return [...knownDescendants].filter(([pid, startTime]) => stillRuns({ pid, startTime })).map(([pid]) => pid);
}

const isAlive = (/** @type {number} */ pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The ids of the children that started (a failed spawn has none). */
const pidsOf = (/** @type {import('node:child_process').ChildProcess[]} */ list) => list.flatMap((child) => (child.pid === undefined ? [] : [child.pid]));

/** For the main flow once a stop has begun: the stop ends the process. @returns {Promise<never>} */
const halt = () => new Promise(() => undefined);

/** @param {number[]} pids @param {number} timeoutMs @param {() => void} [meanwhile] called every 200 ms while waiting */
async function waitUntilGone(pids, timeoutMs, meanwhile) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && pids.some(isAlive)) {
    meanwhile?.();
    await new Promise((done) => setTimeout(done, 200));
  }
  return pids.filter(isAlive);
}

/** Signals each child's process group (each child leads one): what it started and did not detach, even just now. */
function signalGroups(/** @type {NodeJS.Signals} */ signal) {
  for (const pid of pidsOf(children)) {
    try {
      process.kill(-pid, signal);
    } catch {
      // the group is empty
    }
  }
}

/** @param {string} [reason] @returns {Promise<never>} */
async function stop(reason, code = 1) {
  if (stopping) return halt();
  stopping = true;
  if (reason) console.error(`\n${reason}`);
  rememberDescendants();
  // Each child leads its own process group (detached), so Ctrl-C reaches only us and we stop them in order.
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  // firebase-tools shuts its emulators down itself, starting function workers for tasks even as it does: they are
  // recorded while it stops. What outlives it (a worker, a Java emulator it detached) is ours to end, by id and group.
  await waitUntilGone(pidsOf(children), 20_000, rememberDescendants);
  signalGroups('SIGTERM');
  const leftovers = [...pidsOf(children.filter((child) => child.exitCode === null && child.signalCode === null)), ...liveDescendants()];
  for (const pid of leftovers) process.kill(pid, 'SIGTERM');
  for (const pid of await waitUntilGone(leftovers, 5_000)) {
    console.error(`Process ${pid} did not stop; killing it.`);
    process.kill(pid, 'SIGKILL');
  }
  signalGroups('SIGKILL');
  await waitUntilGone(leftovers, 2_000);
  process.exit(reason ? code : 0);
}

/** @param {string} reason @returns {Promise<never>} */
async function fail(reason, code = 1) {
  if (children.length === 0) {
    console.error(reason);
    process.exit(code);
  }
  return stop(reason, code);
}

process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

/** @param {string} command @param {string[]} args @param {string} what */
async function run(command, args, what) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (stopping) return halt();
  if (result.status !== 0) return fail(`${what} failed ("${command} ${args.join(' ')}" exited with ${result.status ?? result.signal}); see above.`);
}

/** @param {string} command @param {string[]} args @param {string} label @param {import('node:child_process').SpawnOptions} [options] */
function start(command, args, label, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], detached: true, ...options });
  child.on('exit', (code, signal) => {
    if (!stopping) void stop(`${label} exited unexpectedly (${code ?? signal}); see the log above.`);
  });
  children.push(child);
  return child;
}

/** @param {string} what @param {() => Promise<boolean>} check @param {number} timeoutMs */
async function waitFor(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return halt();
    if (await check().catch(() => false)) return;
    await new Promise((done) => setTimeout(done, 500));
  }
  return stop(`${what} did not come up within ${timeoutMs / 1000} s; see the log above.`);
}

const emulator = resolveFirestoreEmulator();
if (!emulator.ok) await fail(emulator.message, 2);
await checkPorts();

const startedAt = Date.now();
if (build) {
  // The web build bakes SOS_PORT_OFFSET in (the emulator ports it connects to), so it is built here, every time.
  console.log(dev ? 'Building the functions…' : 'Building the functions and the web app…');
  await run('npm', dev ? ['run', 'build', '-w', 'functions'] : ['run', 'build'], 'The build');
} else {
  const missing = ['functions/lib/index.js', ...(dev ? [] : ['web/dist/index.html'])].filter((file) => !existsSync(file));
  if (missing.length > 0) await fail(`--no-build, but ${missing.join(' and ')} missing: run \`npm run build\` first.`, 2);
}
console.log(`Starting the emulators (${EMULATORS.join(', ')})…`);
start('node', ['scripts/firebase.mjs', 'emulators:start', '--only', EMULATORS.join(',')], 'The emulators');
await waitFor(
  'The emulators',
  async () => {
    const running = Object.keys(/** @type {object} */ (await (await fetch(HUB_URL)).json()));
    return EMULATORS.every((name) => running.includes(name));
  },
  120_000,
);
// The hub reports the Functions emulator running before it has registered the triggers; a write before then (the
// seed, the first SOS tap) would fire none.
const deployed = deployedFunctionNames();
await waitFor(
  'The functions',
  async () => {
    const { backends } = /** @type {{ backends: { functionTriggers: { entryPoint: string }[] }[] }} */ (
      await (await fetch(`${functionsBase}/backends`)).json()
    );
    const loaded = new Set(backends.flatMap((backend) => backend.functionTriggers.map((trigger) => trigger.entryPoint)));
    return deployed.every((name) => loaded.has(name));
  },
  120_000,
);
rememberDescendants();
console.log(`Emulators ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s. Seeding the demo data…`);
await run('npx', ['tsx', 'scripts/seed.ts'], 'Seeding the demo data');
if (dev) start(resolve('node_modules/.bin/vite'), ['--port', String(ports.hosting), '--strictPort'], 'Vite', { cwd: resolve('web') });
await waitFor('The app', async () => (await fetch(APP_URL)).ok, 60_000);

console.log(`
──────────────────────────────────────────────
 SOS is running (${dev ? 'development: Vite with hot reload' : 'the production build, served as deployed'})
   App:        ${APP_URL}
   Emulators:  auth ${EMULATOR_HOST}:${ports.auth} · firestore ${EMULATOR_HOST}:${ports.firestore} · functions ${EMULATOR_HOST}:${ports.functions} · hub ${EMULATOR_HOST}:${ports.hub}
 Demo logins (password: sos-demo-1)
   resident@demo.test   resident of «Бизнес-центр «Демо»»
   staff@demo.test      staff on duty (tier 1), «Бизнес-центр «Демо»»
   admin@demo.test      admin of «Бизнес-центр «Демо»»
   staff2@demo.test     staff of «ЖК «Парковый»», on duty by shifts (nobody from Sunday 08:00 to Monday 08:00)
 Ctrl-C stops everything.
──────────────────────────────────────────────`);

// Cloud Scheduler's part: each schedule function on its interval (the sweeper opens requests a failed trigger left `new`).
for (const { name, everyMs } of SCHEDULED) {
  setInterval(() => {
    if (stopping) return;
    fetch(functionsUrl(name), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).catch((error) =>
      console.warn(`The schedule ${name} could not be called: ${error.message}`),
    );
  }, everyMs);
}
