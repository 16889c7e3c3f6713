// Debian's Chromium driven by playwright-core, phone-sized, failing the test on any uncaught page error.
// Every context is watched: the console of its pages (and, with SOS_E2E_TRACE=1, a Playwright trace), kept with a
// screenshot of each open page only for a failed test (see keepWhatFailed, run after each test by setup.ts).
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect, inject, type TestContext } from 'vitest';
import { getFirestore, type DocumentReference } from 'firebase-admin/firestore';
import { paths } from '@sos/model';
import { DEMO_PASSWORD } from '../../scripts/demo-data';
import { t } from './messages';

export const PHONE = { width: 390, height: 844 };
export const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');
/** What a failed test leaves: test-results/e2e/<file>/<test name>/. */
export const FAILURES = resolve(import.meta.dirname, '../../test-results/e2e');
/**
 * A trace records screenshots and DOM snapshots all the time: on 2 cores it made the browser suite about a third
 * slower, so it is for looking into a failure (`SOS_E2E_TRACE=1 npm test`); screenshots and console are always kept.
 */
const TRACING = process.env.SOS_E2E_TRACE === '1';
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

/** Debian's full Chromium: what a phone's browser can do, notifications and installing the app included. */
export const FULL_CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Debian's chromium-headless-shell (the old headless mode, which Playwright runs by default): the same engine without
 * the browser's UI layer. On 2 cores it took about 40 % less CPU than the full browser for the same tests, so every
 * test runs in it unless it needs notifications or installation. Without it installed, the full browser stands in.
 */
const HEADLESS_SHELL = process.env.CHROMIUM_HEADLESS_SHELL_PATH ?? '/usr/bin/chromium-headless-shell';

export interface LaunchOptions {
  /** The test asks for the notification permission (web push): only the full browser grants it. */
  notifications?: boolean;
  extraArgs?: string[];
}

export async function launchBrowser({ notifications = false, extraArgs = [] }: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: notifications || !existsSync(HEADLESS_SHELL) ? FULL_CHROMIUM : HEADLESS_SHELL,
    args: [...CHROMIUM_FLAGS, ...extraArgs],
  });
}

/** A context being recorded: its trace chunk and console since the last test ended. */
interface WatchedContext {
  name: string;
  context: BrowserContext;
  console: string[];
  /** Set when the context was closed during the test: its trace, saved at close into a scratch file. */
  closedTrace?: string;
  closed?: boolean;
  /** The test that opened it, when tests of a file run concurrently: only that test's end reports it. */
  owner?: string;
}

const watched: WatchedContext[] = [];
let contextCount = 0;

/**
 * Records a context for the failure report: a trace with screenshots and DOM snapshots, and every console
 * message and uncaught error of its pages. Contexts from `newContext`/`openPhone` are watched already.
 */
export async function watchContext(context: BrowserContext, owner?: TestContext['task']): Promise<BrowserContext> {
  contextCount += 1;
  const entry: WatchedContext = { name: `context-${contextCount}`, context, console: [], owner: owner?.id };
  watched.push(entry);
  const at = () => new Date().toISOString().slice(11, 23);
  context.on('console', (message) => entry.console.push(`${at()} ${message.type()} ${message.page()?.url() ?? ''}\n  ${message.text()}`));
  context.on('weberror', (error) => entry.console.push(`${at()} pageerror ${error.page()?.url() ?? ''}\n  ${error.error().stack ?? error.error().message}`));
  context.once('close', () => (entry.closed = true));
  if (!TRACING) return context;
  await context.tracing.start({ screenshots: true, snapshots: true });
  // A context closed inside the test takes its trace with it: stop the chunk first, into a scratch file.
  const close = context.close.bind(context);
  context.close = async (options) => {
    const index = watched.indexOf(entry);
    if (index >= 0) {
      entry.closedTrace = resolve(FAILURES, '.closed', `${process.pid}-${entry.name}.zip`);
      mkdirSync(resolve(FAILURES, '.closed'), { recursive: true });
      await context.tracing.stopChunk({ path: entry.closedTrace }).catch(() => (entry.closedTrace = undefined));
    }
    return close(options);
  };
  return context;
}

/**
 * `browser.newContext`, watched for the failure report; a concurrent test (`it.concurrent`) names itself as `owner`.
 * Without the service worker unless the test asks for it (`serviceWorkers: 'allow'`: the PWA, offline and push tests):
 * in every other context it precached the whole build on the first page (about 60 files through the Hosting emulator),
 * which took about a fifth of a browser test's time and half of the Hosting emulator's CPU, for nothing those tests look at.
 */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}, owner?: TestContext['task']): Promise<BrowserContext> {
  return watchContext(await browser.newContext({ serviceWorkers: 'block', ...options }), owner);
}

export interface PhonePage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors seen on the page; `expectNoPageErrors` fails the test on any. */
  pageErrors: Error[];
}

/** A phone (390×844 unless `viewport` says otherwise, Russian), with one page open. */
export async function openPhone(browser: Browser, options: BrowserContextOptions = {}): Promise<PhonePage> {
  const context = await newContext(browser, { viewport: PHONE, locale: 'ru-RU', deviceScaleFactor: 1, ...options });
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
  await page.getByLabel(t('login.email')).fill(email);
  await page.getByLabel(t('login.password')).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: t('login.submit') }).click();
  await page.waitForURL(landing);
}

/**
 * The resident signed in on `page` taps the emergency call on /sos; resolves once the backend has opened the request
 * (the test file has called `useEmulators()` for the admin reads).
 */
export async function callForHelp(page: Page): Promise<{ requestId: string; reference: DocumentReference }> {
  await page.goto(appUrl('/sos'));
  await page.getByTestId('emergency').click();
  await page.waitForURL(/\/sos\/[A-Za-z0-9]{20}$/);
  const requestId = page.url().split('/').pop() ?? '';
  const reference = getFirestore().doc(paths.sosRequest(requestId));
  await expect.poll(async () => (await reference.get()).get('status'), { timeout: 30_000 }).toBe('open');
  return { requestId, reference };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A directory name from a test's name: letters, digits and a few signs kept, not too long for the file system. */
function safeName(name: string): string {
  return name
    .replace(/[^\p{L}\p{N} .,«»›()+=@#&'-]+/gu, '_')
    .slice(0, 100)
    .trim();
}

/** Where a test's failure report goes: test-results/e2e/<file>/<describe › test>/. */
export function failureDirectory(task: TestContext['task']): string {
  const names: string[] = [];
  for (let suite = task.suite; suite && suite.type === 'suite'; suite = suite.suite) names.unshift(suite.name);
  names.push(task.name);
  return resolve(FAILURES, safeName(basename(task.file.name).replace(/\.test\.ts$/, '')), safeName(names.join(' › ')));
}

/**
 * After each test: for a failure, writes each watched context's trace (`<context>.trace.zip`), a screenshot of each of
 * its open pages and its console; for a pass, drops them. Either way every live context starts a fresh chunk.
 */
export async function keepWhatFailed(task: TestContext['task']): Promise<void> {
  const failed = task.result?.state === 'fail';
  const directory = failureDirectory(task);
  rmSync(directory, { recursive: true, force: true });
  if (failed) mkdirSync(directory, { recursive: true });
  // The contexts of this test: its own, and those no concurrent test owns (opened in hooks or by a one-at-a-time test).
  const ours = watched.filter((entry) => entry.owner === undefined || entry.owner === task.id);
  for (const entry of ours) watched.splice(watched.indexOf(entry), 1);
  for (const entry of ours) {
    const file = (what: string) => resolve(directory, `${entry.name}.${what}`);
    if (failed) writeFileSync(file('console.log'), entry.console.length > 0 ? `${entry.console.join('\n')}\n` : '(no console message, no page error)\n');
    entry.console.length = 0;
    if (entry.closedTrace) {
      if (failed) renameSync(entry.closedTrace, file('trace.zip'));
      else rmSync(entry.closedTrace, { force: true });
      continue;
    }
    if (failed) {
      for (const [index, page] of entry.context.pages().entries()) {
        await page.screenshot({ path: file(`page-${index + 1}.png`), fullPage: true, timeout: 10_000 }).catch((error: Error) => {
          writeFileSync(file(`page-${index + 1}.screenshot-failed.txt`), `${page.url()}\n${error.message}\n`);
        });
      }
    }
    if (!TRACING) {
      // A context closed during the test (or with its browser) has nothing more to record.
      if (!entry.closed) watched.push(entry);
      continue;
    }
    // A context closed with its browser (afterAll) has nothing more to record.
    const open = await entry.context.tracing.stopChunk(failed ? { path: file('trace.zip') } : {}).then(
      () => true,
      () => false,
    );
    if (
      open &&
      (await entry.context.tracing.startChunk().then(
        () => true,
        () => false,
      ))
    )
      watched.push(entry);
  }
}

/**
 * A countdown that started at the tap from `minutes`: it shows no more than that and no less than that minus the
 * seconds since `tappedBefore` (taken just before the tap), whatever the machine's load. `shape` is its format.
 */
export function expectCountdownFromTap(shown: string, { minutes, tappedBefore, shape }: { minutes: number; tappedBefore: number; shape: RegExp }): void {
  expect(shown).toMatch(shape);
  const [wholeMinutes = 0, seconds = 0] = shown.split(':').map(Number);
  const left = wholeMinutes * 60 + seconds;
  const sinceTap = Math.ceil((Date.now() - tappedBefore) / 1000);
  expect(left).toBeLessThanOrEqual(minutes * 60);
  // One second more for the display's rounding.
  expect(left).toBeGreaterThanOrEqual(minutes * 60 - sinceTap - 1);
}
