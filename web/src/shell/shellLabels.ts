// What the first-paint shell of index.html knows before any module loads, written in by the build
// (web/build/firstPaintShellPlugin.ts): its labels in every language (a first visit has nothing cached, yet the wall's
// «Нужна помощь» must read right) and the QR screen's files, which it preloads on /q/<token>.
import type ru from '../i18n/ru';

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

/** The inline script's data: `labels[lang]`, the QR screen's files (URLs) and where it reads a code (`qrCodeReadUrl`). */
export function shellDataScript(catalogues: Readonly<Record<string, typeof ru>>, qrScreenFiles: readonly string[], qrCodeUrl = ''): string {
  const labels = Object.fromEntries(Object.entries(catalogues).map(([lang, messages]) => [lang, shellLabels(messages)]));
  // `<` escaped: a label can never close the inline <script>.
  return JSON.stringify({ labels, qrScreenFiles, qrCodeUrl }).replace(/</g, '\\u003c');
}
