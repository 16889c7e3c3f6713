// Builds web/src/sw/worker.ts into dist/sw.js with the list of every file of this build injected,
// and draws the app icons the manifest (public/manifest.webmanifest) names.
// Why not vite-plugin-pwa (injectManifest): it pulls in workbox-build (Babel, a second Rollup,
// Terser, ~40 packages) to do two things we need — list the built files and bundle one worker —
// and its caching runtime is more than a precache plus one navigation fallback. esbuild is already
// here, and the list is a directory walk after Vite has written dist/ (public files included).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'vite';
import { ICONS, drawIcon } from './icons';

export const SERVICE_WORKER_FILE = 'sw.js';
const SOURCE = resolve(import.meta.dirname, '../src/sw/worker.ts');

/** Source maps, Vite's own manifest and the worker itself are never fetched by the app offline. */
const skip = (path: string) => path.endsWith('.map') || path.startsWith('.vite/') || path === SERVICE_WORKER_FILE;

function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(root, full) : [relative(root, full).split('\\').join('/')];
  });
}

export function serviceWorkerPlugin(): Plugin {
  let outDir = '';
  let minify = true;
  return {
    name: 'sos-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      minify = Boolean(config.build.minify);
    },
    generateBundle() {
      for (const icon of ICONS) this.emitFile({ type: 'asset', fileName: icon.fileName, source: drawIcon(icon.size, icon.purpose) });
    },
    // closeBundle: after Vite has written every chunk and copied public/.
    async closeBundle() {
      const files = filesUnder(outDir)
        .filter((path) => !skip(path))
        .sort();
      const hash = createHash('sha256');
      for (const file of files) hash.update(file).update(readFileSync(join(outDir, file)));
      const result = await build({
        entryPoints: [SOURCE],
        bundle: true,
        format: 'iife',
        target: 'es2022',
        minify,
        write: false,
        define: {
          __PRECACHE_FILES__: JSON.stringify(files.map((file) => `/${file}`)),
          __PRECACHE_VERSION__: JSON.stringify(hash.digest('hex').slice(0, 12)),
        },
      });
      writeFileSync(join(outDir, SERVICE_WORKER_FILE), result.outputFiles[0]!.contents);
    },
  };
}
