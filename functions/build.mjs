// @ts-check
// Bundles the functions (with the shared @sos/model) into lib/index.js for the emulator and deploy.
import { build } from 'esbuild';
import { EMULATOR_HOST, emulatorPorts } from '../scripts/emulatorPorts.mjs';

await build({
  entryPoints: ['src/index.ts'],
  outfile: 'lib/index.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['firebase-admin', 'firebase-functions'],
  logLevel: 'warning',
  // APP_ORIGIN's default: the app on the emulators (the Hosting emulator's port, moved by SOS_PORT_OFFSET).
  define: { __EMULATED_APP_ORIGIN__: JSON.stringify(`http://${EMULATOR_HOST}:${emulatorPorts().hosting}`) },
});
