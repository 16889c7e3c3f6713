// @ts-check
// Finds a Firestore emulator firebase-tools can run without downloading anything.
// Debian's google-cloud-cli-firestore-emulator ships the jar without a Main-Class, so we
// build a tiny wrapper jar (a manifest only) under .emulators/ at set-up time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const DEBIAN_JAR = '/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar';
const MAIN_CLASS = 'com.google.cloud.datastore.emulator.firestore.CloudFirestore';
const CACHE_DIR = resolve('.emulators');
const WRAPPER = join(CACHE_DIR, 'firestore-emulator-wrapper.jar');

const runs = (/** @type {string} */ command, /** @type {string[]} */ args) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

/** @returns {{ok: true, env: Record<string,string>} | {ok: false, message: string}} */
export function resolveFirestoreEmulator() {
  const given = process.env.FIRESTORE_EMULATOR_BINARY_PATH;
  if (given && existsSync(given)) return { ok: true, env: {} };
  if (!runs('java', ['-version'])) {
    return {
      ok: false,
      message:
        'The Firestore emulator needs Java 17 or newer, and `java` was not found.\n' +
        'Install it (Debian: apt-get install -y openjdk-17-jdk-headless) and run again.',
    };
  }
  // With internet, firebase-tools can download its own emulator jar.
  if (process.env.SOS_EMULATOR_DOWNLOAD === '1') return { ok: true, env: {} };
  if (!existsSync(DEBIAN_JAR)) {
    return {
      ok: false,
      message:
        `No Firestore emulator found at ${DEBIAN_JAR}.\n` +
        'Install the Debian package google-cloud-cli-firestore-emulator (Google Cloud apt repository),\n' +
        'or, with internet, run with SOS_EMULATOR_DOWNLOAD=1 so firebase-tools downloads its own.',
    };
  }
  if (!existsSync(WRAPPER)) {
    mkdirSync(CACHE_DIR, { recursive: true });
    const manifest = join(CACHE_DIR, 'MANIFEST.MF');
    writeFileSync(manifest, `Main-Class: ${MAIN_CLASS}\nClass-Path: file:${DEBIAN_JAR}\n`);
    if (!runs('jar', ['--create', '--file', WRAPPER, '--manifest', manifest])) {
      return {
        ok: false,
        message: 'Could not build the emulator wrapper jar: the `jar` tool of a JDK 17+ is needed (apt-get install -y openjdk-17-jdk-headless).',
      };
    }
  }
  return { ok: true, env: { FIRESTORE_EMULATOR_BINARY_PATH: WRAPPER } };
}
