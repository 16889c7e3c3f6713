// Serves the production build of the web app (built by `npm run build`) and seeds the demo data.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { seed } from '../../scripts/seed';
import { PORT_OFFSET } from '../helpers/emulators';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  const root = resolve(import.meta.dirname, '../../web');
  if (!existsSync(resolve(root, 'dist/index.html'))) {
    throw new Error('web/dist is missing: run `npm run build` first (npm test does).');
  }
  await seed();
  server = await preview({ root, configFile: resolve(root, 'vite.config.ts'), preview: { port: 4173 + PORT_OFFSET, strictPort: true } });
  const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4173/';
  project.provide('appUrl', url.replace(/\/$/, ''));
}

export async function teardown(): Promise<void> {
  await server?.close();
}
