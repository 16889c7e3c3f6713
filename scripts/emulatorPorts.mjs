// @ts-check
// The one source of the emulator ports: firebase.json's, each moved by SOS_PORT_OFFSET. The scripts, the tests, the
// Vite build (as `define`d constants) and the functions build read them here; nothing else writes a port number.
import { readFileSync } from 'node:fs';

/**
 * @typedef {{ host?: string, port?: number, websocketPort?: number, enabled?: boolean }} EmulatorSettings
 * @typedef {{ emulators: Record<string, EmulatorSettings>, [key: string]: unknown }} FirebaseConfig
 */

const FIREBASE_JSON = new URL('../firebase.json', import.meta.url);

/** firebase.json as it is in the repository (no offset). */
export function readFirebaseConfig() {
  return /** @type {FirebaseConfig} */ (JSON.parse(readFileSync(FIREBASE_JSON, 'utf8')));
}

/** SOS_PORT_OFFSET: a whole number ≥ 0 that moves every port, so a second copy can run beside the first. */
export function portOffset(value = process.env.SOS_PORT_OFFSET) {
  const offset = Number(value ?? 0);
  if (!Number.isInteger(offset) || offset < 0) {
    throw new Error(`SOS_PORT_OFFSET must be a whole number ≥ 0, got "${value}".`);
  }
  return offset;
}

/** Every port of firebase.json's emulators (websockets as `<name> websocket`), moved by `offset`. */
export function emulatorPortList(offset = portOffset(), config = readFirebaseConfig()) {
  /** @type {{ name: string, port: number }[]} */
  const ports = [];
  for (const [name, settings] of Object.entries(config.emulators)) {
    if (typeof settings.port === 'number') ports.push({ name, port: settings.port + offset });
    if (typeof settings.websocketPort === 'number') ports.push({ name: `${name} websocket`, port: settings.websocketPort + offset });
  }
  return ports;
}

/** The ports the app, the tests and the scripts connect to, moved by `offset`. */
export function emulatorPorts(offset = portOffset(), config = readFirebaseConfig()) {
  /** @param {string} name */
  const port = (name) => {
    const settings = config.emulators[name];
    if (typeof settings?.port !== 'number') throw new Error(`firebase.json has no port for the ${name} emulator.`);
    return settings.port + offset;
  };
  return {
    auth: port('auth'),
    firestore: port('firestore'),
    functions: port('functions'),
    tasks: port('tasks'),
    hosting: port('hosting'),
    hub: port('hub'),
  };
}

/** @typedef {ReturnType<typeof emulatorPorts>} EmulatorPorts */

/** The host every emulator listens on (firebase.json gives each the same). */
export const EMULATOR_HOST = '127.0.0.1';

/** `host:port` of each emulator, as the SDKs' *_EMULATOR_HOST variables spell it. */
export function emulatorHosts(ports = emulatorPorts()) {
  return {
    auth: `${EMULATOR_HOST}:${ports.auth}`,
    firestore: `${EMULATOR_HOST}:${ports.firestore}`,
    functions: `${EMULATOR_HOST}:${ports.functions}`,
    tasks: `${EMULATOR_HOST}:${ports.tasks}`,
  };
}

/** A Firebase config whose emulators all listen `offset` ports higher (scripts/firebase.mjs writes it beside firebase.json). */
export function withPortOffset(/** @type {FirebaseConfig} */ config, offset = portOffset()) {
  /** @type {FirebaseConfig} */
  const moved = structuredClone(config);
  for (const settings of Object.values(moved.emulators)) {
    if (typeof settings.port === 'number') settings.port += offset;
    if (typeof settings.websocketPort === 'number') settings.websocketPort += offset;
  }
  return moved;
}
