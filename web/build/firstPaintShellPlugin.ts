// What the first-paint shell of index.html needs from the build:
// - its data (web/src/shell/shellLabels.ts): the labels, from the app's messages, so the shell of a first visit speaks
//   Russian or English with nothing cached, and the QR screen's files, which the shell of /q/<token> preloads instead
//   of the router fetching them only after the entry has run;
// - the app's scripts fetched at low priority: the shell paints without them, so on a slow link the document and the
//   stylesheet go first (measured with Lighthouse: `npm run bench`, docs/PERFORMANCE.md).
import type { Plugin, Rollup } from 'vite';
import ru from '../src/i18n/ru';
import en from '../src/i18n/en';
import { SHELL_DATA_PLACEHOLDER, shellDataScript } from '../src/shell/shellLabels';

/** The entry and the chunks Vite preloads with it, as Vite writes their tags. */
const APP_SCRIPT_TAGS = /<(script type="module"|link rel="modulepreload") crossorigin/g;
const QR_SCREEN = '/src/pages/resident/QrPlanPage.vue';

/** The QR screen's chunk, the chunks it imports and its stylesheets, as URLs. */
function qrScreenFiles(bundle: Rollup.OutputBundle, base: string): string[] {
  const chunk = Object.values(bundle).find(
    (output): output is Rollup.OutputChunk => output.type === 'chunk' && Boolean(output.facadeModuleId?.endsWith(QR_SCREEN)),
  );
  if (!chunk) throw new Error(`no chunk of ${QR_SCREEN} in the build`);
  return [chunk.fileName, ...chunk.imports, ...(chunk.viteMetadata?.importedCss ?? [])].map((file) => `${base}${file}`);
}

/** `qrCodeUrl`: where the shell of /q/<token> reads the code over REST (`qrCodeReadUrl`). */
export function firstPaintShellPlugin({ qrCodeUrl }: { qrCodeUrl: string }): Plugin {
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
        const files = context.bundle ? qrScreenFiles(context.bundle, base) : [];
        const withData = html.replace(SHELL_DATA_PLACEHOLDER, () => shellDataScript({ ru, en }, files, qrCodeUrl));
        return context.bundle ? withData.replace(APP_SCRIPT_TAGS, '<$1 fetchpriority="low" crossorigin') : withData;
      },
    },
  };
}
