// Issue 9 "Accessible": axe-core on every screen (resident, staff, admin; Russian and English) at
// 360 px wide, plus what axe has no rule for: no sideways scroll, ≥ 44 px controls, only the SOS button
// named "SOS", and a readable language select in the open menu.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, it, type ExpectStatic, type TestContext } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { appUrl, launchBrowser, newContext, signIn } from './browser';
import { t } from './messages';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const NARROW = { width: 360, height: 640 };
const MIN_TARGET_PX = 44;

const MIN_TEXT_CONTRAST = 4.5;

interface ScreenReport {
  screen: string;
  serious: string[];
  sidewaysScroll: boolean;
  smallTargets: string[];
  /** Controls named "SOS" other than the header's SOS button, and whether that button is on screen. */
  otherSosNames: string[];
  sosButtons: number;
  sosNamed: number;
}

/** Runs axe and the two layout checks on what is on screen now. */
async function audit(page: Page, screen: string): Promise<ScreenReport> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const serious = await page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.impact} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
  const layout = await page.evaluate((minimum) => {
    // A checkbox is tapped through its label (a tap on the label toggles it): the label is its target.
    const target = (element: HTMLElement): HTMLElement =>
      element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio') ? (element.closest('label') ?? element) : element;
    const small = Array.from(document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, summary, [role="button"]'))
      .filter((element) => element.offsetParent !== null && getComputedStyle(element).visibility !== 'hidden')
      // WCAG 2.5.8: a link inside a sentence takes the line's height.
      .filter((element) => !(element.tagName === 'A' && element.closest('p, li:not(.tile)') && element.parentElement?.childNodes.length !== 1))
      .filter((element) => {
        const box = target(element).getBoundingClientRect();
        const isTextField = element.tagName === 'INPUT' && target(element) === element;
        return box.height < minimum || (!isTextField && box.width < minimum);
      })
      .map((element) => {
        const box = target(element).getBoundingClientRect();
        return `${element.tagName.toLowerCase()} "${(element.textContent ?? element.getAttribute('aria-label') ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`;
      });
    return { sidewaysScroll: document.documentElement.scrollWidth > window.innerWidth, small };
  }, MIN_TARGET_PX);
  const namedSos = page.getByRole('link', { name: t('nav.sos'), exact: true }).or(page.getByRole('button', { name: t('nav.sos'), exact: true }));
  const otherSosNames = await namedSos.evaluateAll((elements) =>
    elements.filter((element) => element.getAttribute('data-testid') !== 'sos-button').map((element) => element.outerHTML.slice(0, 80)),
  );
  const sosButtons = await page.locator('[data-testid="sos-button"]').count();
  const sosNamed = await namedSos.count();
  return { screen, serious, sidewaysScroll: layout.sidewaysScroll, smallTargets: layout.small, otherSosNames, sosButtons, sosNamed };
}

/** WCAG contrast ratio of the select's text on its own background, both as computed. */
async function selectContrast(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((select) => {
    const channels = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = (css: string) => {
      const [r = 0, g = 0, b = 0] = channels(css).map((value) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const style = getComputedStyle(select);
    const [light, dark] = [luminance(style.color), luminance(style.backgroundColor)].sort((a, b) => b - a) as [number, number];
    return (light + 0.05) / (dark + 0.05);
  });
}

const RESIDENT_SCREENS: [string, string][] = [
  ['/', 'main h1'],
  ['/sos', '[data-testid="emergency"]'],
  ['/orders', 'main h1'],
  ['/scan', 'main h1'],
  ['/q/qr-bc-a-1-cafe', 'main h1'],
];
const STAFF_SCREENS: [string, string][] = [
  ['/staff', '[data-testid="push-setup"]:not([data-state="checking"])'],
  // The seed gives the demo staff member verified Telegram, SMS and voice methods.
  ['/contacts', '[data-testid="contact-method"]'],
];
const ADMIN_SCREENS: [string, string][] = [
  ['/admin', 'main h1'],
  ['/admin/stats', 'main h1'],
  ['/admin/roster', '[data-testid="roster-member"]'],
  ['/admin/shifts', '[data-testid="shift-person-row"]'],
  ['/admin/people', '[data-testid="person"]'],
  ['/admin/locations', 'main h1'],
  ['/admin/qr', 'main h1'],
];

/** Moves to `path` inside the running app, as a tapped link does: the router renders it, nothing is loaded again. */
async function navigateInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, path);
}

describe('accessibility of every screen at 360 px', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function auditAs(
    { expect, task }: { expect: ExpectStatic; task: TestContext['task'] },
    email: string | null,
    landing: RegExp,
    screens: [string, string][],
    locale: 'ru' | 'en',
  ): Promise<ScreenReport[]> {
    const context = await newContext(browser, { viewport: NARROW, locale: locale === 'ru' ? 'ru-RU' : 'en-US', deviceScaleFactor: 1 }, task);
    const page = await context.newPage();
    if (email) await signIn(page, email, landing);
    else await page.goto(appUrl('/login'));
    // The choice a person makes in the menu, remembered on the device; the first screen is loaded with it, the others
    // are reached inside the app, as a person moves between them.
    await page.evaluate((chosen) => localStorage.setItem('sos.locale', chosen), locale);
    const found: ScreenReport[] = [];
    for (const [index, [path, ready]] of screens.entries()) {
      if (index === 0) await page.goto(appUrl(path));
      else await navigateInApp(page, path);
      await expect.poll(() => new URL(page.url()).pathname).toBe(path);
      await page.locator(ready).first().waitFor();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
      found.push(await audit(page, `${locale} ${path}`));
    }
    if (email) {
      // The menu (language select, sign-out) is a screen of its own: audited open.
      await page.locator('.menu-button').click();
      await page.locator('#app-menu select').waitFor();
      expect(await selectContrast(page, '#app-menu select')).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
      found.push(await audit(page, `${locale} menu`));
    }
    await context.close();
    return found;
  }

  const ROLES: [string, string | null, RegExp, [string, string][]][] = [
    ['signed out', null, /\/login$/, [['/login', 'main h1']]],
    ['resident', 'resident@demo.test', /\/$/, RESIDENT_SCREENS],
    ['staff', 'staff@demo.test', /\/staff$/, STAFF_SCREENS],
    ['admin', 'admin@demo.test', /\/admin$/, ADMIN_SCREENS],
  ];

  // The roles side by side (each in a context of its own, reading the demo data only), one language after the other.
  describe.each(['ru', 'en'] as const)('%s', (locale) => {
    describe.concurrent('every role', () => {
      it.for(ROLES)(
        '%s: no serious or critical axe violation, no sideways scroll, every control ≥ 44 px, one "SOS"',
        { timeout: 120_000 },
        async ([role, email, landing, screens], { expect, task }) => {
          const found = await auditAs({ expect, task }, email, landing, screens, locale);
          console.log(
            `axe ${locale} ${role}: ${found.length} screens, ${found.reduce((sum, report) => sum + report.serious.length, 0)} serious/critical rules violated`,
          );
          console.table(
            found.map((report) => ({
              screen: report.screen,
              serious: report.serious.length,
              sideways: report.sidewaysScroll,
              small: report.smallTargets.length,
              sos: report.sosButtons,
            })),
          );
          expect(found.filter((report) => report.serious.length > 0 || report.sidewaysScroll)).toEqual([]);
          expect(found.filter((report) => report.smallTargets.length > 0).map((report) => [report.screen, report.smallTargets])).toEqual([]);
          expect(found.filter((report) => report.otherSosNames.length > 0).map((report) => [report.screen, report.otherSosNames])).toEqual([]);
          expect(found.filter((report) => report.sosNamed !== report.sosButtons).map((report) => report.screen)).toEqual([]);
          expect(found.every((report) => report.sosButtons === 1)).toBe(true);
        },
      );
    });
  });
});
