import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import vueI18n from '@intlify/unplugin-vue-i18n/vite';
import { serviceWorkerPlugin } from './build/serviceWorkerPlugin';

export default defineConfig({
  plugins: [
    vue(),
    // Locale messages compiled at build time; the runtime-only, composition-only vue-i18n without its compiler.
    vueI18n({
      include: [fileURLToPath(new URL('./src/i18n/{ru,en}.ts', import.meta.url))],
      runtimeOnly: true,
      compositionOnly: true,
      fullInstall: false,
      dropMessageCompiler: true,
    }),
    serviceWorkerPlugin(),
  ],
  define: { __EMULATOR_PORT_OFFSET__: JSON.stringify(Number(process.env.SOS_PORT_OFFSET ?? 0)) },
  resolve: { alias: { re2js: fileURLToPath(new URL('./src/firebase/re2js-unused.ts', import.meta.url)) } },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: { target: 'es2022', sourcemap: true, manifest: true },
});
