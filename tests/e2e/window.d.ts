// What the browser tests put on a page's window (page.evaluate runs in the page, typed with the DOM lib).
import type { AxeResults, RunOptions } from 'axe-core';

declare global {
  interface Window {
    /** axe-core, added by a11y.test.ts with page.addScriptTag. */
    axe: { run: (context: Document, options?: RunOptions) => Promise<AxeResults> };
    /** How many times window.print was called (admin-locations-qr.test.ts replaces it). */
    printed: number;
  }
}

export {};
