// Issue 9 "Accessible": axe-core on every screen (resident, staff, admin; Russian and English) at
// 360 px wide, plus what axe has no rule for: no sideways scroll (asserted) and ≥ 44 px controls (measured).
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { appUrl, launchBrowser, signIn } from './browser';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const NARROW = { width: 360, height: 640 };
const MIN_TARGET_PX = 44;

interface ScreenReport {
  screen: string;
  serious: string[];
  sidewaysScroll: boolean;
  smallTargets: string[];
}

/** Runs axe and the two layout checks on what is on screen now. */
async function audit(page: Page, screen: string): Promise<ScreenReport> {
  await page.addScriptTag({ path: AXE });
  const serious = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const { violations } = await axe.run(document);
    return violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.impact} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
  const layout = await page.evaluate((minimum) => {
    const small = Array.from(document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, summary, [role="button"]'))
      .filter((element) => element.offsetParent !== null && getComputedStyle(element).visibility !== 'hidden')
      // WCAG 2.5.8: a link inside a sentence takes the line's height.
      .filter((element) => !(element.tagName === 'A' && element.closest('p, li:not(.tile)') && element.parentElement?.childNodes.length !== 1))
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.height < minimum || (element.tagName !== 'INPUT' && box.width < minimum);
      })
      .map((element) => `${element.tagName.toLowerCase()} "${(element.textContent ?? element.getAttribute('aria-label') ?? '').trim().slice(0, 30)}" ${Math.round(element.getBoundingClientRect().width)}×${Math.round(element.getBoundingClientRect().height)}`);
    return { sidewaysScroll: document.documentElement.scrollWidth > window.innerWidth, small };
  }, MIN_TARGET_PX);
  return { screen, serious, sidewaysScroll: layout.sidewaysScroll, smallTargets: layout.small };
}

const RESIDENT_SCREENS: [string, string][] = [
  ['/', 'main h1'],
  ['/sos', '[data-testid="emergency"]'],
  ['/orders', 'main h1'],
  ['/scan', 'main h1'],
  ['/q/qr-bc-a-1-cafe', 'main h1'],
];
const STAFF_SCREENS: [string, string][] = [['/staff', '[data-testid="push-setup"]:not([data-state="checking"])']];
const ADMIN_SCREENS: [string, string][] = [
  ['/admin', 'main h1'],
  ['/admin/stats', 'main h1'],
  ['/admin/roster', 'main h1'],
  ['/admin/locations', 'main h1'],
  ['/admin/qr', 'main h1'],
];

describe('accessibility of every screen at 360 px', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function auditAs(email: string | null, landing: RegExp, screens: [string, string][], locale: 'ru' | 'en'): Promise<ScreenReport[]> {
    const context = await browser.newContext({ viewport: NARROW, locale: locale === 'ru' ? 'ru-RU' : 'en-US', deviceScaleFactor: 1 });
    const page = await context.newPage();
    if (email) await signIn(page, email, landing);
    else await page.goto(appUrl('/login'));
    // The choice a person makes in the menu, remembered on the device.
    await page.evaluate((chosen) => localStorage.setItem('sos.locale', chosen), locale);
    const found: ScreenReport[] = [];
    for (const [path, ready] of screens) {
      await page.goto(appUrl(path));
      await page.locator(ready).first().waitFor();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
      found.push(await audit(page, `${locale} ${path}`));
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

  describe.each(['ru', 'en'] as const)('%s', (locale) => {
    it.each(ROLES)('%s: no serious or critical axe violation, no sideways scroll', async (role, email, landing, screens) => {
      const found = await auditAs(email, landing, screens, locale);
      console.log(`axe ${locale} ${role}: ${found.length} screens, ${found.reduce((sum, report) => sum + report.serious.length, 0)} serious/critical rules violated`);
      console.table(found.map((report) => ({ screen: report.screen, serious: report.serious.length, sideways: report.sidewaysScroll, small: report.smallTargets.length })));
      expect(found.filter((report) => report.serious.length > 0 || report.sidewaysScroll)).toEqual([]);
      // Reported, not yet asserted: the page-level fixes (header brand link, admin buttons, checkboxes) come with issue 9's page part.
      for (const report of found) if (report.smallTargets.length > 0) console.log(`below ${MIN_TARGET_PX} px on ${report.screen}:`, report.smallTargets);
    }, 120_000);
  });
});
