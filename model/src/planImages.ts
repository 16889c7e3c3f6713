// Plans the admins upload: what a plan document holds and its limits, and the checks the browser runs before an
// upload (the file's real type, an SVG's safety, the size a plan is drawn at). firestore.rules mirror what rules can
// check (the type, the byte count, the size); they cannot read an SVG, so a plan is only ever drawn through <img>
// (components/plan/PlanView.vue, the shell of index.html), where an SVG's scripts never run and nothing external loads.
import type { PlanImage, TimestampLike, UploadedPlan } from './contract';

export const PLAN_CONTENT_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml'] as const;
export type PlanContentType = (typeof PLAN_CONTENT_TYPES)[number];
/** The image's bytes at most: the plan document stays under Firestore's 1 MiB with room for its other fields. */
export const MAX_PLAN_BYTES = 1_000_000;
/** A plan's longest side in pixels: raster images are scaled down to it in the browser, an SVG is drawn at it. */
export const MAX_PLAN_SIDE = 2048;

/** Firestore bytes as each SDK reads them: the web SDK's `Bytes`, the Admin SDK's `Buffer`. */
export type PlanBytes = Uint8Array | { toUint8Array(): Uint8Array };

/** `locations/{locationId}/plans/{objectId}`: the plan image of the object of the same id, written with its `plan`. */
export interface PlanDocument<Ts = TimestampLike> {
  contentType: PlanContentType;
  data: PlanBytes;
  /** Whole pixels, 1..MAX_PLAN_SIDE: the same as the object's `plan`. */
  width: number;
  height: number;
  updatedAt: Ts;
  /** Functions only: an active wall code shows this plan, so anyone may read it (its visitors, the /q shell). */
  public?: boolean;
}

export const isUploadedPlan = (plan: PlanImage): plan is UploadedPlan => 'planId' in plan;

/** What the object of a location writes as its `plan` once its image is uploaded (firestore.rules check the same). */
export const uploadedPlanOf = (locationId: string, objectId: string, size: PlanSize): UploadedPlan => ({
  locationId,
  planId: objectId,
  width: size.width,
  height: size.height,
});

export const bytesOf = (data: PlanBytes): Uint8Array => (data instanceof Uint8Array ? data : data.toUint8Array());

export interface PlanSize {
  width: number;
  height: number;
}

/** Why a file cannot be a plan: each has its own message beside the file field. */
export type PlanFileProblem = 'pdf' | 'not-an-image' | 'unsafe-svg' | 'too-large' | 'bad-size';

const isSide = (value: number) => Number.isInteger(value) && value >= 1 && value <= MAX_PLAN_SIDE;

/** A plan document about to be written, as firestore.rules check it; null when it may be saved. */
export function planDocumentProblem(plan: { contentType: string; byteLength: number; width: number; height: number }): PlanFileProblem | null {
  if (plan.contentType === 'application/pdf') return 'pdf';
  if (!(PLAN_CONTENT_TYPES as readonly string[]).includes(plan.contentType) || plan.byteLength <= 0) return 'not-an-image';
  if (plan.byteLength > MAX_PLAN_BYTES) return 'too-large';
  if (!isSide(plan.width) || !isSide(plan.height)) return 'bad-size';
  return null;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** What a file is by its first bytes (its name and the type the browser gives it can lie); null for anything else. */
export function sniffPlanType(head: Uint8Array): PlanContentType | 'application/pdf' | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  // An SVG is text: an `<svg` tag near the start, after any XML declaration, comments or byte order mark.
  const text = String.fromCharCode(...head.subarray(0, 1024));
  return /<(?:[\w.-]+:)?svg[\s>]/.test(text) ? 'image/svg+xml' : null;
}

/** A raster image's size scaled down (never up) so its longest side is at most `max`, in whole pixels. */
export function fitPlanSize(size: PlanSize, max = MAX_PLAN_SIDE): PlanSize {
  const scale = Math.min(1, max / Math.max(size.width, size.height));
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) };
}

/** An SVG's size as a plan: its own proportions with the longest side MAX_PLAN_SIDE (a drawing has no pixels of its own). */
export function svgPlanSize(size: PlanSize): PlanSize {
  const longest = Math.max(size.width, size.height);
  const side = (length: number) => Math.max(1, Math.round((length / longest) * MAX_PLAN_SIDE));
  return { width: side(size.width), height: side(size.height) };
}

// ---- SVG ----

/** Why an SVG is refused: nothing in a plan may run, or reach outside it. */
export type SvgProblem = 'not-svg' | 'doctype' | 'script' | 'foreign-object' | 'event-handler' | 'script-url' | 'external-reference';

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML's character references and five named entities, decoded (an attribute may spell `javascript:` in them). */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

interface SvgTag {
  name: string;
  attributes: { name: string; value: string }[];
}

const TAG_START = /<([A-Za-z_][\w.:-]*)/g;
const ATTRIBUTE = /([^\s=>/"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?/y;
const localName = (name: string) => name.slice(name.lastIndexOf(':') + 1).toLowerCase();
/** URL parsers drop whitespace and control characters inside a scheme: `java\tscript:` is `javascript:`. */
const withoutBlanks = (value: string) => [...value].filter((char) => (char.codePointAt(0) ?? 0) > 0x20).join('');

/** Every start tag with its attributes, read leniently (a tag a browser would refuse is still looked at). */
function startTags(text: string): SvgTag[] {
  const tags: SvgTag[] = [];
  for (const match of text.matchAll(TAG_START)) {
    const tag: SvgTag = { name: match[1] ?? '', attributes: [] };
    let at = (match.index ?? 0) + match[0].length;
    while (at < text.length && text[at] !== '>' && text[at] !== '<') {
      if (/[\s/]/.test(text[at] ?? '')) {
        at++;
        continue;
      }
      ATTRIBUTE.lastIndex = at;
      const attribute = ATTRIBUTE.exec(text);
      if (!attribute) {
        at++;
        continue;
      }
      const raw = attribute[2] ?? '';
      const value = /^["']/.test(raw) ? raw.slice(1, -1) : raw;
      tag.attributes.push({ name: attribute[1] ?? '', value: decodeEntities(value) });
      at = ATTRIBUTE.lastIndex;
    }
    tags.push(tag);
  }
  return tags;
}

/** Where a link may point in a plan: inside the drawing itself, or an embedded raster image. */
const SAFE_REFERENCE = /^(#|data:image\/(png|jpeg|gif|webp)[;,])/i;
const UNSAFE_ELEMENTS: Record<string, SvgProblem> = {
  script: 'script',
  handler: 'script',
  foreignobject: 'foreign-object',
  iframe: 'foreign-object',
  object: 'foreign-object',
  embed: 'foreign-object',
};

/**
 * An SVG plan's problem, or null when it may be uploaded: no script, event handler, `javascript:` URL,
 * <foreignObject> or reference outside the drawing (links, stylesheets, CSS `url()` and `@import`), and no DOCTYPE
 * (whose entities could spell any of those). Refused rather than cleaned: what is saved is what the admin chose.
 */
export function svgPlanProblem(svg: string): SvgProblem | null {
  const text = svg.replace(/<!--[\s\S]*?(-->|$)/g, ' ');
  if (/<!(DOCTYPE|ENTITY)/i.test(text)) return 'doctype';
  const tags = startTags(text);
  if (!tags[0] || localName(tags[0].name) !== 'svg') return 'not-svg';
  for (const tag of tags) {
    const element = UNSAFE_ELEMENTS[localName(tag.name)];
    if (element) return element;
    for (const { name, value } of tag.attributes) {
      const attribute = localName(name);
      if (attribute.startsWith('on')) return 'event-handler';
      const compact = withoutBlanks(value).toLowerCase();
      if (compact.includes('javascript:') || compact.includes('vbscript:')) return 'script-url';
      if ((attribute === 'href' || attribute === 'src') && !SAFE_REFERENCE.test(value.trim())) return 'external-reference';
    }
  }
  const css = decodeEntities(text);
  if (/<\?xml-stylesheet/i.test(css) || /@import/i.test(css) || /url\(\s*(?!['"]?\s*#)/i.test(css)) return 'external-reference';
  if (/javascript:/i.test(withoutBlanks(css))) return 'script-url';
  return null;
}

const LENGTH = /^\s*([0-9]*\.?[0-9]+(?:e[+-]?[0-9]+)?)\s*(px)?\s*$/i;

/** The size an SVG declares on its root (`width`/`height` in pixels, else its `viewBox`); null when it declares none. */
export function svgIntrinsicSize(svg: string): PlanSize | null {
  const root = startTags(svg.replace(/<!--[\s\S]*?(-->|$)/g, ' '))[0];
  if (!root) return null;
  const attribute = (name: string) => root.attributes.find((candidate) => localName(candidate.name) === name.toLowerCase())?.value;
  const width = Number(LENGTH.exec(attribute('width') ?? '')?.[1]);
  const height = Number(LENGTH.exec(attribute('height') ?? '')?.[1]);
  if (width > 0 && height > 0) return { width, height };
  const box = (attribute('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const [boxWidth = 0, boxHeight = 0] = box.slice(2);
  return box.length === 4 && boxWidth > 0 && boxHeight > 0 ? { width: boxWidth, height: boxHeight } : null;
}
