#!/usr/bin/env node
// Runs the project's pinned firebase-tools against the demo-sos project, with the
// Firestore emulator taken from this machine (see README "How the emulator is found").
import { spawn } from 'node:child_process';
import { resolveFirestoreEmulator } from './emulator-jar.mjs';

const emulator = resolveFirestoreEmulator();
if (!emulator.ok) {
  console.error(emulator.message);
  process.exit(2);
}

const env = { ...process.env, ...emulator.env };
const args = [...process.argv.slice(2), '--project', 'demo-sos'];
const child = spawn('node_modules/.bin/firebase', args, { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill('SIGTERM'));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
