// What the first-paint shell of index.html needs from the build:
// - its data (web/src/shell/shellLabels.ts): the labels, from the app's messages, so the shell of a first visit speaks
//   Russian or English with nothing cached, and the QR screen's files, which the shell of /q/<token> preloads instead
//   of the router fetching them only after the entry has run;
// - the app's scripts, taken out of the HTML and started by the shell (`startApp`, at low priority): at once on every
//   screen but /q/<token>, where the code's plan goes first on a slow link (measured with Lighthouse: `npm run bench`,
//   docs/PERFORMANCE.md).
import type { Plugin, Rollup } from 'vite';
import ru from '../src/i18n/ru';
import en from '../src/i18n/en';
import { SHELL_DATA_PLACEHOLDER, shellDataScript, takeAppScripts } from '../src/shell/shellLabels';

const QR_SCREEN = '/src/pages/resident/QrPlanPage.vue';

/** The QR screen's chunk, the chunks it imports and its stylesheets, as URLs. */
function qrScreenFiles(bundle: Rollup.OutputBundle, base: string): string[] {
  const chunk = Object.values(bundle).find(
    (output): output is Rollup.OutputChunk => output.type === 'chunk' && Boolean(output.facadeModuleId?.endsWith(QR_SCREEN)),
  );
  if (!chunk) throw new Error(`no chunk of ${QR_SCREEN} in the build`);
  return [chunk.fileName, ...chunk.imports, ...(chunk.viteMetadata?.importedCss ?? [])].map((file) => `${base}${file}`);
}

/** `qrCodeUrl`: where the shell of /q/<token> reads the code over REST (`qrCodeReadUrl`); `demoLogins`: an emulator build. */
export function firstPaintShellPlugin({ qrCodeUrl, demoLogins }: { qrCodeUrl: string; demoLogins: boolean }): Plugin {
  let base = '/';
  return {
    name: 'sos-first-paint-shell',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      // After Vite has added the entry's and its chunks' tags.
      order: 'post',
      handler(html, context) {
        if (!SHELL_DATA_PLACEHOLDER.test(html)) throw new Error(`index.html lost the shell's data placeholder ${SHELL_DATA_PLACEHOLDER}`);
        // In development (no bundle) index.html loads /src/main.ts itself.
        if (!context.bundle)
          return html.replace(SHELL_DATA_PLACEHOLDER, () => shellDataScript({ ru, en }, { qrScreenFiles: [], appScripts: null, qrCodeUrl, demoLogins }));
        const { html: withoutScripts, scripts } = takeAppScripts(html);
        const data = { qrScreenFiles: qrScreenFiles(context.bundle, base), appScripts: scripts, qrCodeUrl, demoLogins };
        return withoutScripts.replace(SHELL_DATA_PLACEHOLDER, () => shellDataScript({ ru, en }, data));
      },
    },
  };
}
