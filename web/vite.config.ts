import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { serviceWorkerPlugin } from './build/serviceWorkerPlugin';

export default defineConfig({
  plugins: [
    vue(),
    serviceWorkerPlugin(),
  ],
  define: { __EMULATOR_PORT_OFFSET__: JSON.stringify(Number(process.env.SOS_PORT_OFFSET ?? 0)) },
  resolve: { alias: { re2js: fileURLToPath(new URL('./src/firebase/re2js-unused.ts', import.meta.url)) } },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: { target: 'es2022', sourcemap: true, manifest: true },
});
