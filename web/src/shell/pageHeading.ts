// Screen readers and the tab title follow the page: `<html lang>` follows the locale, the title is
// "<page heading> — SOS", and after a route change focus moves to the new page's heading.
import { nextTick, watch } from 'vue';
import type { Router } from 'vue-router';
import { locale } from '../i18n';
import { keepDocumentTitle, pageTitle } from './documentTitle';

/** The page's heading, not the first-paint shell's (index.html), which stays until the app mounts. */
const HEADING = 'main:not(.sh) h1';
/** A page may draw its heading after its first snapshot; past this it keeps the previous title. */
const HEADING_WAIT_MS = 5000;

function waitForHeading(previous: Element | null): Promise<HTMLElement | null> {
  const current = () => {
    const heading = document.querySelector<HTMLElement>(HEADING);
    return heading && heading !== previous ? heading : null;
  };
  return new Promise((resolve) => {
    const found = current();
    if (found) return resolve(found);
    const observer = new MutationObserver(() => {
      const heading = current();
      if (!heading) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(heading);
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve(document.querySelector<HTMLElement>(HEADING));
    }, HEADING_WAIT_MS);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

const headingText = (heading: HTMLElement | null): string => heading?.textContent?.trim() ?? '';

export function followPageHeading(router: Router): void {
  keepDocumentTitle();
  watch(
    locale,
    async (value) => {
      document.documentElement.lang = value;
      await nextTick();
      pageTitle.value = headingText(document.querySelector<HTMLElement>(HEADING));
    },
    { immediate: true },
  );

  let firstPage = true;
  router.afterEach(async (_to, _from, failure) => {
    if (failure) return;
    const previous = document.querySelector(HEADING);
    await nextTick();
    const heading = await waitForHeading(firstPage ? null : previous);
    pageTitle.value = headingText(heading);
    // The first page keeps the browser's own start (no jump); later pages announce themselves.
    if (firstPage || !heading) {
      firstPage = false;
      return;
    }
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: false });
  });
}
