// What the first-paint shell of index.html knows before any module loads, written in by the build
// (web/build/firstPaintShellPlugin.ts): its labels in every language (a first visit has nothing cached, yet the wall's
// «Нужна помощь» must read right), the app's scripts, which it starts itself, and the QR screen's files, which it
// preloads on /q/<token>.
import type ru from '../i18n/ru';
import { DEMO_LOGINS } from './demoLogins';

/** The quoted string index.html holds until the build writes the shell's data in; the build fails if it is missing. */
export const SHELL_DATA_PLACEHOLDER = /(['"])%SOS_SHELL_DATA%\1/;

export type ShellLabels = ReturnType<typeof shellLabels>;

/** The labels the inline script of index.html draws, from one language's messages. */
export function shellLabels(messages: typeof ru) {
  return {
    sosTitle: messages.sos.title,
    emergency: messages.sos.emergency,
    staffPhone: messages.sos.staffPhone,
    call: messages.sos.call,
    unconfirmed: messages.countdown.unconfirmed,
    qrTitle: messages.qr.planTitle,
    planAlt: messages.plan.alt,
    needHelp: messages.qr.needHelp,
    tapRecorded: messages.qr.tapRecorded,
    loginTitle: messages.login.title,
    loading: messages.app.loading,
    signupLink: messages.signup.link,
    demoLogins: messages.login.demoHint.replace('{accounts}', DEMO_LOGINS.accounts).replace('{password}', DEMO_LOGINS.password),
  };
}

/**
 * Where the shell of /q/<token> reads the code (its `place`) over Firestore's REST API, before any module has loaded:
 * the token is appended. The emulator's host on demo- projects, Google's otherwise.
 */
export function qrCodeReadUrl(projectId: string, emulatorHost: string | null): string {
  const origin = emulatorHost ? `http://${emulatorHost}` : 'https://firestore.googleapis.com';
  return `${origin}/v1/projects/${encodeURIComponent(projectId)}/databases/(default)/documents/qrCodes/`;
}

/** The app's entry and the chunks the build preloads with it: the inline script starts them (`startApp`). */
export interface AppScripts {
  entry: string;
  preloads: string[];
}

const ENTRY_TAG = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/g;
const PRELOAD_TAG = /<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g;

/**
 * The app's script tags as Vite writes them into the built index.html, taken out of it: the shell starts them itself,
 * at once on every screen but /q/<token>, where they wait until the code's plan is on screen (index.html `startApp`).
 */
export function takeAppScripts(html: string): { html: string; scripts: AppScripts } {
  const entries = [...html.matchAll(ENTRY_TAG)].map((match) => match[1] ?? '');
  const [entry] = entries;
  if (entries.length !== 1 || !entry) throw new Error(`the built index.html has ${entries.length} module entries, not one`);
  const preloads = [...html.matchAll(PRELOAD_TAG)].map((match) => match[1] ?? '');
  return { html: html.replace(ENTRY_TAG, '').replace(PRELOAD_TAG, ''), scripts: { entry, preloads } };
}

export interface ShellData {
  /** The QR screen's chunk, its imports and its stylesheets, preloaded with the app on /q/<token>. */
  qrScreenFiles: readonly string[];
  /** Null in development, where index.html loads /src/main.ts itself. */
  appScripts: AppScripts | null;
  /** `qrCodeReadUrl`, or '' for no REST read. */
  qrCodeUrl: string;
  /** A build for the emulators: /login shows the demo's accounts, as the login page does. */
  demoLogins: boolean;
}

/** The inline script's data: `labels[lang]`, the app's scripts, the QR screen's files and where it reads a code. */
export function shellDataScript(catalogues: Readonly<Record<string, typeof ru>>, data: ShellData): string {
  const labels = Object.fromEntries(Object.entries(catalogues).map(([lang, messages]) => [lang, shellLabels(messages)]));
  // `<` escaped: a label can never close the inline <script>.
  return JSON.stringify({ labels, ...data }).replace(/</g, '\\u003c');
}
