// The layer rules of eslint.config.js, tried on files that break them: a rule that never fires checks nothing.
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
let eslint: ESLint;

// Loading the config and its plugins is set-up, not the test: done once here, bounded for a busy 2-core machine.
beforeAll(async () => {
  eslint = new ESLint({ cwd: ROOT });
  await eslint.calculateConfigForFile(resolve(ROOT, 'web/src/pages/HomePage.vue'));
  await eslint.lintText('export {};\n', { filePath: resolve(ROOT, 'web/src/pages/HomePage.vue') });
}, 60_000);

/** The messages of the layer rule on `code`, linted as if it were the file at `path` (which need not exist). */
async function layerErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

const vuePage = (imports: string) => `<script setup lang="ts">\n${imports}\n</script>\n\n<template>\n  <p>{{ typeof used }}</p>\n</template>\n`;

describe('pages and components never reach Firebase', () => {
  it('a page that imports the Firebase SDK fails the lint, with what to do instead', async () => {
    const errors = await layerErrors('web/src/pages/resident/LayerProbePage.vue', vuePage("import { getFirestore as used } from 'firebase/firestore';"));
    expect(errors).toEqual([expect.stringContaining('through a store (web/src/stores)')]);
  });

  it('a page that imports web/src/firebase by a relative path fails the lint', async () => {
    const errors = await layerErrors('web/src/pages/admin/LayerProbePage.vue', vuePage("import { refs as used } from '../../firebase/refs';"));
    expect(errors).toEqual([expect.stringContaining('never import web/src/firebase')]);
  });

  it('a component script that imports the Firebase SDK or web/src/firebase fails the lint', async () => {
    const errors = await layerErrors(
      'web/src/components/sos/layerProbe.ts',
      "import { doc } from '@firebase/firestore';\nimport { db } from '../../firebase/app';\nexport const used = [doc, db];\n",
    );
    expect(errors).toHaveLength(2);
  });

  it('a page that imports a store and the model passes', async () => {
    const errors = await layerErrors(
      'web/src/pages/resident/LayerProbePage.vue',
      vuePage("import { useSosRequestStore as used } from '../../stores/sosRequests';\nimport { isActive } from '@sos/model';\nvoid isActive;"),
    );
    expect(errors).toEqual([]);
  });
});

describe('composables never import stores', () => {
  it('a composable that imports a store fails the lint, with what to do instead', async () => {
    const errors = await layerErrors(
      'web/src/composables/useLayerProbe.ts',
      "import { useSessionStore } from '../stores/session';\nexport const used = useSessionStore;\n",
    );
    expect(errors).toEqual([expect.stringContaining('never import a store')]);
  });

  it('a composable that imports Firebase access passes (listeners live here)', async () => {
    const errors = await layerErrors(
      'web/src/composables/useLayerProbe.ts',
      "import { onSnapshot } from 'firebase/firestore';\nexport const used = onSnapshot;\n",
    );
    expect(errors).toEqual([]);
  });
});

describe('functions domain code never imports the Admin SDK', () => {
  it('a domain module that imports firebase-admin fails the lint, naming the adapters', async () => {
    const errors = await layerErrors(
      'functions/src/sos/layerProbe.ts',
      "import { getFirestore } from 'firebase-admin/firestore';\nexport const used = getFirestore;\n",
    );
    expect(errors).toEqual([expect.stringContaining('import from its adapter (app.ts, firestore.ts')]);
  });

  it('the bare package is refused too', async () => {
    const errors = await layerErrors('functions/src/notify/layerProbe.ts', "import admin from 'firebase-admin';\nexport const used = admin;\n");
    expect(errors).toHaveLength(1);
  });

  it('the Firestore adapter may import it', async () => {
    const errors = await layerErrors(
      'functions/src/firestore.ts',
      "import { getFirestore } from 'firebase-admin/firestore';\nexport const used = getFirestore;\n",
    );
    expect(errors).toEqual([]);
  });
});
