// Debian's Chromium driven by playwright-core, phone-sized, failing the test on any uncaught page error.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { DEMO_PASSWORD } from '../../scripts/demo-data';

export const PHONE = { width: 390, height: 844 };
export const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function appUrl(path = '/'): string {
  return `${inject('appUrl')}${path}`;
}

export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_FLAGS, ...extraArgs],
  });
}

export interface PhonePage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors seen on the page; `expectNoPageErrors` fails the test on any. */
  pageErrors: Error[];
}

export async function openPhone(browser: Browser): Promise<PhonePage> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'ru-RU', deviceScaleFactor: 1 });
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  return { context, page, pageErrors };
}

export function expectNoPageErrors(phone: PhonePage): void {
  expect(phone.pageErrors.map((error) => error.message)).toEqual([]);
}

export async function signIn(page: Page, email: string, landing: RegExp): Promise<void> {
  await page.goto(appUrl('/login'));
  await page.getByLabel('Эл. почта').fill(email);
  await page.getByLabel('Пароль').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForURL(landing);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
}
