#!/usr/bin/env node
// Runs the project's pinned firebase-tools against the demo-sos project, with the
// Firestore emulator taken from this machine (see README "How the emulator is found").
// SOS_PORT_OFFSET=N moves every emulator port by N, so a second suite can run beside `npm start`.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolveFirestoreEmulator } from './emulator-jar.mjs';

const emulator = resolveFirestoreEmulator();
if (!emulator.ok) {
  console.error(emulator.message);
  process.exit(2);
}

const offset = Number(process.env.SOS_PORT_OFFSET ?? 0);
const configArgs = [];
if (offset) {
  const config = JSON.parse(readFileSync('firebase.json', 'utf8'));
  for (const settings of Object.values(config.emulators)) {
    if (typeof settings.port === 'number') settings.port += offset;
    if (typeof settings.websocketPort === 'number') settings.websocketPort += offset;
  }
  // Beside firebase.json, so its relative paths (rules, functions source) still resolve.
  writeFileSync('firebase.offset.json', `${JSON.stringify(config, null, 2)}\n`);
  configArgs.push('--config', 'firebase.offset.json');
}

const env = { ...process.env, ...emulator.env };
const args = [...process.argv.slice(2), ...configArgs, '--project', 'demo-sos'];
const child = spawn('node_modules/.bin/firebase', args, { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill('SIGTERM'));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
