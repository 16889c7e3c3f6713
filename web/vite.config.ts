import { defineConfig, loadEnv } from 'vite';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { serviceWorkerPlugin } from './build/serviceWorkerPlugin';
import { firstPaintShellPlugin } from './build/firstPaintShellPlugin';
import { emulatorPorts } from '../scripts/emulatorPorts.mjs';
import { qrCodeReadUrl } from './src/shell/shellLabels';

const ports = emulatorPorts();

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, fileURLToPath(new URL('.', import.meta.url)), 'VITE_');
  // As web/src/firebase/app.ts decides: a demo- project talks to the emulators.
  const projectId = env.VITE_FIREBASE_PROJECT_ID ?? 'demo-sos';
  const emulatorHost = projectId.startsWith('demo-') ? `${env.VITE_EMULATOR_HOST ?? '127.0.0.1'}:${ports.firestore}` : null;
  return {
    plugins: [vue(), firstPaintShellPlugin({ qrCodeUrl: qrCodeReadUrl(projectId, emulatorHost), demoLogins: emulatorHost !== null }), serviceWorkerPlugin()],
    // The app connects to the emulators on demo- projects; the ports are baked in at build time.
    define: { __EMULATOR_PORTS__: JSON.stringify({ auth: ports.auth, firestore: ports.firestore, functions: ports.functions }) },
    resolve: { alias: { re2js: fileURLToPath(new URL('./src/firebase/re2js-unused.ts', import.meta.url)) } },
    server: { host: '127.0.0.1', port: ports.hosting, strictPort: true },
    preview: { host: '127.0.0.1', port: 4173, strictPort: true },
    build: { target: 'es2022', sourcemap: true, manifest: true },
  };
});
