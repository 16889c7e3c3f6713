// An admin's file made into a plan in the browser, before anything is uploaded: what it really is (its first bytes,
// not its name), an SVG checked (svgPlanProblem) and measured, a raster image scaled down to MAX_PLAN_SIDE and
// re-encoded until it fits MAX_PLAN_BYTES. Images are decoded as an <img> decodes them, so an SVG never runs here.
import {
  MAX_PLAN_BYTES,
  fitPlanSize,
  sniffPlanType,
  svgIntrinsicSize,
  svgPlanProblem,
  svgPlanSize,
  type PlanContentType,
  type PlanFileProblem,
  type PlanSize,
} from '@sos/model';

export interface PreparedPlan extends PlanSize {
  contentType: PlanContentType;
  bytes: Uint8Array;
}

export type PreparedPlanResult = { ok: true; plan: PreparedPlan } | { ok: false; problem: PlanFileProblem };

/** A file this large is not opened at all: decoding it could take the tab down before it could be scaled. */
const MAX_SOURCE_BYTES = 40 * 1024 * 1024;
/** Tried in order until one fits; a browser that cannot write WebP (it answers with PNG) falls through to JPEG. */
const ENCODINGS: readonly [PlanContentType, number][] = [
  ['image/webp', 0.9],
  ['image/webp', 0.8],
  ['image/webp', 0.65],
  ['image/webp', 0.5],
  ['image/jpeg', 0.85],
  ['image/jpeg', 0.7],
  ['image/jpeg', 0.5],
];

const refused = (problem: PlanFileProblem): PreparedPlanResult => ({ ok: false, problem });

/** The image decoded as an <img> would; null when the browser cannot draw it. The caller revokes `url`. */
async function decodeImage(bytes: Uint8Array, contentType: string): Promise<{ image: HTMLImageElement; url: string } | null> {
  const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: contentType }));
  const image = new Image();
  image.src = url;
  try {
    await image.decode();
    return { image, url };
  } catch {
    URL.revokeObjectURL(url);
    return null;
  }
}

function canvasBlob(canvas: HTMLCanvasElement, type: string, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, type, quality));
}

/** Draws the image at `size` and encodes it, less finely each time, until it fits; `too-large` when nothing does. */
async function encodeToFit(image: HTMLImageElement, size: PlanSize): Promise<PreparedPlanResult> {
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) return refused('not-an-image');
  // Plans are read on white: a transparent drawing stays readable as a JPEG.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size.width, size.height);
  context.drawImage(image, 0, 0, size.width, size.height);
  for (const [type, quality] of ENCODINGS) {
    const blob = await canvasBlob(canvas, type, quality);
    if (!blob || blob.type !== type) continue;
    if (blob.size <= MAX_PLAN_BYTES) return { ok: true, plan: { contentType: type, bytes: new Uint8Array(await blob.arrayBuffer()), ...size } };
  }
  return refused('too-large');
}

/** A raster image as it is when it already fits, else scaled down and re-encoded. */
async function prepareRaster(bytes: Uint8Array, contentType: PlanContentType): Promise<PreparedPlanResult> {
  const decoded = await decodeImage(bytes, contentType);
  if (!decoded) return refused('not-an-image');
  try {
    const natural = { width: decoded.image.naturalWidth, height: decoded.image.naturalHeight };
    if (natural.width < 1 || natural.height < 1) return refused('not-an-image');
    const size = fitPlanSize(natural);
    const fits = size.width === natural.width && size.height === natural.height && bytes.length <= MAX_PLAN_BYTES;
    return fits ? { ok: true, plan: { contentType, bytes, ...size } } : await encodeToFit(decoded.image, size);
  } finally {
    URL.revokeObjectURL(decoded.url);
  }
}

/** An SVG kept as a drawing when it is safe and fits (drawn into pixels when it does not fit); never cleaned. */
async function prepareSvg(bytes: Uint8Array): Promise<PreparedPlanResult> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refused('not-an-image');
  }
  const problem = svgPlanProblem(text);
  if (problem) return refused(problem === 'not-svg' ? 'not-an-image' : 'unsafe-svg');
  // A file the browser cannot draw (not well-formed XML) would show nothing on the wall.
  const decoded = await decodeImage(bytes, 'image/svg+xml');
  if (!decoded) return refused('not-an-image');
  try {
    const intrinsic = svgIntrinsicSize(text) ?? { width: decoded.image.naturalWidth || 300, height: decoded.image.naturalHeight || 150 };
    const size = svgPlanSize(intrinsic);
    if (bytes.length <= MAX_PLAN_BYTES) return { ok: true, plan: { contentType: 'image/svg+xml', bytes, ...size } };
    return await encodeToFit(decoded.image, size);
  } finally {
    URL.revokeObjectURL(decoded.url);
  }
}

/** The plan to upload from the admin's file, or why it cannot be one (each problem has its message by the field). */
export async function preparePlanFile(file: Blob): Promise<PreparedPlanResult> {
  if (file.size > MAX_SOURCE_BYTES) return refused('too-large');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffPlanType(bytes);
  if (type === 'application/pdf') return refused('pdf');
  if (type === null) return refused('not-an-image');
  return type === 'image/svg+xml' ? prepareSvg(bytes) : prepareRaster(bytes, type);
}
