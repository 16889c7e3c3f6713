import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { serviceWorkerPlugin } from './build/serviceWorkerPlugin';
import { firstPaintShellPlugin } from './build/firstPaintShellPlugin';
import { emulatorPorts } from '../scripts/emulatorPorts.mjs';

const ports = emulatorPorts();

export default defineConfig({
  plugins: [vue(), firstPaintShellPlugin(), serviceWorkerPlugin()],
  // The app connects to the emulators on demo- projects; the ports are baked in at build time.
  define: { __EMULATOR_PORTS__: JSON.stringify({ auth: ports.auth, firestore: ports.firestore, functions: ports.functions }) },
  resolve: { alias: { re2js: fileURLToPath(new URL('./src/firebase/re2js-unused.ts', import.meta.url)) } },
  server: { host: '127.0.0.1', port: ports.hosting, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: { target: 'es2022', sourcemap: true, manifest: true },
});
