#!/usr/bin/env node
// @ts-check
// Runs the project's pinned firebase-tools against the demo-sos project, with the
// Firestore emulator taken from this machine (see README "How the emulator is found").
// SOS_PORT_OFFSET=N moves every emulator port by N, so a second suite can run beside `npm start`.
// SOS_FIREBASE_CONFIG=<file> (beside firebase.json) replaces firebase.json, e.g. the bench's firebase.bench.json.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolveFirestoreEmulator } from './emulator-jar.mjs';
import { portOffset, withPortOffset } from './emulatorPorts.mjs';

const emulator = resolveFirestoreEmulator();
if (!emulator.ok) {
  console.error(emulator.message);
  process.exit(2);
}

const offset = portOffset();
const baseConfig = process.env.SOS_FIREBASE_CONFIG ?? 'firebase.json';
const configArgs = baseConfig === 'firebase.json' ? [] : ['--config', baseConfig];
/**
 * The CLI writes firebase-debug.log in its working directory and deletes it when it stops, and the suites read the
 * functions' log there (tests/helpers/functionLog.ts). A stack on moved ports (beside the suites, or beside another
 * `npm start`) runs in a directory of its own, so it neither writes into their log nor deletes it.
 */
let workingDirectory = process.cwd();
if (offset) {
  const config = withPortOffset(JSON.parse(readFileSync(baseConfig, 'utf8')), offset);
  // Beside firebase.json, so its relative paths (rules, functions source) still resolve.
  const offsetConfig = resolve(baseConfig.replace(/\.json$/, `.offset-${offset}.json`));
  writeFileSync(offsetConfig, `${JSON.stringify(config, null, 2)}\n`);
  configArgs.splice(0, configArgs.length, '--config', offsetConfig);
  workingDirectory = resolve('.emulators', `offset-${offset}`);
  mkdirSync(workingDirectory, { recursive: true });
}

/**
 * Each concurrent invocation on the Functions emulator starts a worker process, which must answer within
 * FUNCTIONS_DISCOVERY_TIMEOUT seconds (30 by default) or the event is dropped ("Failed to load function."), and a
 * trigger never runs. On 2 busy cores a worker took longer: give it two minutes, as a slow cold start is not lost.
 */
const WORKER_START_SECONDS = '120';
const env = { FUNCTIONS_DISCOVERY_TIMEOUT: WORKER_START_SECONDS, ...process.env, ...emulator.env };
const args = [...process.argv.slice(2), ...configArgs, '--project', 'demo-sos'];
const child = spawn(resolve('node_modules/.bin/firebase'), args, { stdio: 'inherit', env, cwd: workingDirectory });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill('SIGTERM'));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
