// zxing-wasm fetches its wasm from a public CDN by default; a resident in a basement may have no
// internet at all, so the file is bundled as an asset of this app and served from our own origin.
import { setZXingModuleOverrides } from 'vue-qrcode-reader';
import zxingReaderWasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

setZXingModuleOverrides({
  locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? zxingReaderWasmUrl : prefix + path),
});
