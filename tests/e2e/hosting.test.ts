// The production config as deployed: the Hosting emulator serves web/dist with the real firebase.json.
// Every route opens on a cold load (a deep link typed, scanned or pushed), and the cache headers hold.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../scripts/demo-data';
import { PHONE, appUrl, launchBrowser, newContext } from './browser';
import { t } from './messages';

const DIST = resolve(import.meta.dirname, '../../web/dist');
const IMMUTABLE = 'public, max-age=31536000, immutable';
const indexHtml = readFileSync(resolve(DIST, 'index.html'), 'utf8');

async function get(path: string): Promise<{ status: number; cacheControl: string | null; contentType: string; body: string }> {
  const response = await fetch(appUrl(path));
  return {
    status: response.status,
    cacheControl: response.headers.get('cache-control'),
    contentType: response.headers.get('content-type') ?? '',
    body: await response.text(),
  };
}

describe('Hosting: rewrites and headers of firebase.json', () => {
  it('serves index.html, never cached without revalidation, for the root and every deep link', async () => {
    for (const path of [
      '/',
      '/index.html',
      '/login',
      '/sos',
      '/sos/some-request',
      '/orders',
      '/scan',
      '/q/qr-bc-a-2-204',
      '/staff?request=some-request',
      '/admin',
      '/admin/requests/x',
      '/no/such/page',
    ]) {
      const response = await get(path);
      expect({ path, status: response.status, cacheControl: response.cacheControl, isIndex: response.body === indexHtml }).toEqual({
        path,
        status: 200,
        cacheControl: 'no-cache',
        isIndex: true,
      });
      expect(response.contentType).toContain('text/html');
    }
  });

  it('serves the service worker (the one script at the root of the build) and the manifest no-cache', async () => {
    const workers = readdirSync(DIST).filter((name) => name.endsWith('.js'));
    expect(workers).toEqual(['sw.js']);
    const manifest = await get('/manifest.webmanifest');
    expect({ status: manifest.status, cacheControl: manifest.cacheControl }).toEqual({ status: 200, cacheControl: 'no-cache' });
    for (const name of workers) {
      const response = await get(`/${name}`);
      expect({ name, status: response.status, cacheControl: response.cacheControl }).toEqual({ name, status: 200, cacheControl: 'no-cache' });
      expect(response.contentType).toContain('javascript');
    }
  });

  it('serves the hashed assets index.html names immutable for a year', async () => {
    // In tags (the stylesheet) and in the shell's data (the app's scripts, which the shell starts itself).
    const assets = [...new Set([...indexHtml.matchAll(/"(\/assets\/[^"]+)"/g)].map((match) => match[1] ?? ''))];
    expect(assets.some((path) => path.endsWith('.js'))).toBe(true);
    for (const path of assets) {
      const response = await get(path);
      expect({ path, status: response.status, cacheControl: response.cacheControl }).toEqual({ path, status: 200, cacheControl: IMMUTABLE });
      expect(response.contentType).toMatch(path.endsWith('.css') ? /text\/css/ : /javascript/);
    }
  });

  it('answers a missing asset with 404, never with index.html under a year-long cache', async () => {
    const response = await get('/assets/index-missing0.js');
    expect(response.status).toBe(404);
    expect(response.body).not.toBe(indexHtml);
  });
});

describe('Hosting: every route on a cold load', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  /** A phone whose navigations all reach the server (no service worker answers them). */
  async function newPhone(): Promise<BrowserContext> {
    const context = await newContext(browser, { viewport: PHONE, locale: 'ru-RU', serviceWorkers: 'block' });
    contexts.push(context);
    return context;
  }

  /** Opens `path` as a fresh page load, as a typed, scanned or pushed link does, and checks what the server sent. */
  async function coldLoad(context: BrowserContext, path: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${path}: ${error.message}`));
    const response = await page.goto(appUrl(path));
    expect({ path, status: response?.status(), cacheControl: response?.headers()['cache-control'] }).toEqual({ path, status: 200, cacheControl: 'no-cache' });
    return page;
  }

  async function signedIn(email: string): Promise<BrowserContext> {
    const context = await newPhone();
    const page = await coldLoad(context, '/login');
    await page.getByLabel(t('login.email')).fill(email);
    await page.getByLabel(t('login.password')).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: t('login.submit') }).click();
    await page.waitForURL((url) => url.pathname !== '/login');
    await page.close();
    return context;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  it('signed out: /login opens, a private route sends to the login and back, an unknown path says so', async () => {
    const context = await newPhone();
    await (await coldLoad(context, '/login')).getByRole('heading', { name: t('login.title') }).waitFor();
    const orders = await coldLoad(context, '/orders');
    await orders.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('redirect') === '/orders');
    await (await coldLoad(context, '/no/such/page')).getByRole('heading', { name: t('errors.notFound') }).waitFor();
  });

  it('resident: /, /sos, /sos/<id>, /orders, /scan and /q/<token> each open on a cold load', async () => {
    const resident = await signedIn('resident@demo.test');
    await (await coldLoad(resident, '/')).getByRole('heading', { name: t('home.greeting', { name: DEMO_ACCOUNTS.resident.displayName }) }).waitFor();

    const sos = await coldLoad(resident, '/sos');
    await sos.getByRole('button', { name: t('sos.emergency') }).click();
    await sos.waitForURL(/\/sos\/[\w-]+$/);
    const requestPath = new URL(sos.url()).pathname;
    const countdown = await coldLoad(resident, requestPath);
    await countdown.getByRole('heading', { name: t('countdown.title') }).waitFor();
    await countdown.getByTestId('countdown').waitFor({ timeout: 15_000 });

    const orders = await coldLoad(resident, '/orders');
    await orders.getByRole('heading', { name: t('orders.title') }).waitFor();
    await orders.locator(`a[href="/orders/${requestPath.split('/').pop()}"]`).waitFor();
    await (await coldLoad(resident, '/scan')).getByRole('heading', { name: t('scan.title') }).waitFor();
    const plan = await coldLoad(resident, '/q/qr-bc-a-2-204');
    await expect.poll(() => plan.getByTestId('qr-place').innerText()).toContain('Переговорная 204');
    expect(pageErrors).toEqual([]);
  });

  it('staff: /staff?request=<id> opens the queue with that request highlighted; admin: /admin opens the dashboard', async () => {
    const resident = await signedIn('resident@demo.test');
    const sos = await coldLoad(resident, '/sos');
    await sos.getByRole('button', { name: t('sos.emergency') }).click();
    await sos.waitForURL(/\/sos\/[\w-]+$/);
    const requestId = new URL(sos.url()).pathname.split('/').pop() ?? '';

    const staff = await coldLoad(await signedIn('staff@demo.test'), `/staff?request=${requestId}`);
    await staff.getByRole('heading', { name: t('staff.title') }).waitFor();
    await staff.locator(`[data-request-id="${requestId}"].highlighted`).waitFor();

    const admin = await coldLoad(await signedIn('admin@demo.test'), '/admin');
    await admin.getByRole('heading', { name: t('admin.title') }).waitFor();
    await admin.locator(`[data-request-id="${requestId}"]`).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
