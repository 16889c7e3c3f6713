// The browser suite runs against the Hosting emulator serving the production build (web/dist) with the
// real firebase.json (rewrites, headers), as deployed; this seeds the demo data and hands out its URL.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { seed } from '../../scripts/seed';
import { seededPlacesProjected } from '../helpers/seededPlaces';
import { EMULATOR_HOST } from '../../scripts/emulatorPorts.mjs';
import { EMULATOR_PORTS } from '../helpers/emulators';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');

export async function setup(project: TestProject): Promise<void> {
  if (!existsSync(resolve(ROOT, 'web/dist/index.html'))) {
    throw new Error('web/dist is missing: run `npm run build` first (npm test does).');
  }
  const appUrl = `http://${EMULATOR_HOST}:${EMULATOR_PORTS.hosting}`;
  const served = await fetch(appUrl).then(
    (response) => response.ok,
    () => false,
  );
  if (!served) {
    throw new Error(`Nothing serves the app at ${appUrl}: run the e2e project inside \`emulators:exec --only …,hosting\` (npm run test:emulated does).`);
  }
  await seed();
  await seededPlacesProjected();
  project.provide('appUrl', appUrl);
}
