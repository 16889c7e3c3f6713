#!/usr/bin/env node
// `npm start`: build the functions, start the emulators, seed the demo data, serve the web app,
// print where everything is. Ctrl-C stops it all.
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { resolveFirestoreEmulator } from './emulator-jar.mjs';

const HUB = 'http://127.0.0.1:4400/emulators';
const APP_URL = 'http://127.0.0.1:5173';
const REQUIRED = ['auth', 'firestore', 'functions', 'tasks'];
const children = [];

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) stop(`"${command} ${args.join(' ')}" failed.`);
}

function start(command, args, label, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  child.on('exit', (code) => {
    if (stopping) exitWhenAllStopped();
    else stop(`${label} exited (code ${code}).`);
  });
  children.push(child);
  return child;
}

let stopping = false;
let exitCode = 0;
function exitWhenAllStopped() {
  if (children.every((child) => child.exitCode !== null || child.signalCode !== null)) process.exit(exitCode);
}
function stop(reason) {
  if (stopping) return;
  stopping = true;
  if (reason) {
    console.error(`\n${reason}`);
    exitCode = 1;
  }
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  // The emulators take a few seconds to shut down; never hang forever.
  setTimeout(() => process.exit(exitCode), 15_000).unref();
  exitWhenAllStopped();
}
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());

async function waitForApp(timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    const up = await fetch(APP_URL).then((response) => response.ok, () => false);
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  stop('The web app did not start in time; see the log above.');
}

async function waitForEmulators(timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      const running = Object.keys(await (await fetch(HUB)).json());
      if (REQUIRED.every((name) => running.includes(name))) return;
    } catch {
      // the hub is not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stop('The emulators did not start in time; see the log above.');
}

const emulator = resolveFirestoreEmulator();
if (!emulator.ok) {
  console.error(emulator.message);
  process.exit(2);
}

const startedAt = Date.now();
console.log('Building the functions…');
run('npm', ['run', 'build', '-w', 'functions']);
console.log('Starting the emulators (auth, firestore, functions, tasks)…');
start('node', ['scripts/firebase.mjs', 'emulators:start', '--only', REQUIRED.join(',')], 'The emulators');
await waitForEmulators();
console.log(`Emulators ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s. Seeding the demo data…`);
run('npx', ['tsx', 'scripts/seed.ts']);
// Vite itself, not through npm, so that stopping it stops the server.
start(resolve('node_modules/.bin/vite'), [], 'The web app', { cwd: resolve('web') });
await waitForApp();

console.log(`
──────────────────────────────────────────────
 SOS is running
   App:        ${APP_URL}
   Emulators:  auth 127.0.0.1:9099 · firestore 127.0.0.1:8080 · functions 127.0.0.1:5001
 Demo logins (password: sos-demo-1)
   resident@demo.test   resident of «Бизнес-центр «Демо»»
   staff@demo.test      staff on duty (tier 1), «Бизнес-центр «Демо»»
   admin@demo.test      admin of «Бизнес-центр «Демо»»
   staff2@demo.test     staff of «ЖК «Парковый»»
 Ctrl-C stops everything.
──────────────────────────────────────────────`);
