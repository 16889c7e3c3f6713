import { describe, expect, it } from 'vitest';
import {
  MAX_PLAN_BYTES,
  MAX_PLAN_SIDE,
  bytesOf,
  fitPlanSize,
  isUploadedPlan,
  planDocumentProblem,
  sniffPlanType,
  svgIntrinsicSize,
  svgPlanProblem,
  svgPlanSize,
  uploadedPlanOf,
} from '../src';

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((value) => (typeof value === 'string' ? [...value].map((char) => char.charCodeAt(0)) : [value])));

describe('planDocumentProblem', () => {
  const png = { contentType: 'image/png', byteLength: 1000, width: 400, height: 300 };

  it('accepts the four image types up to the byte and side limits', () => {
    for (const contentType of ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml']) expect(planDocumentProblem({ ...png, contentType })).toBeNull();
    expect(planDocumentProblem({ ...png, byteLength: MAX_PLAN_BYTES, width: MAX_PLAN_SIDE, height: 1 })).toBeNull();
  });

  it('names a PDF apart from anything else that is not an image', () => {
    expect(planDocumentProblem({ ...png, contentType: 'application/pdf' })).toBe('pdf');
    expect(planDocumentProblem({ ...png, contentType: 'text/html' })).toBe('not-an-image');
    expect(planDocumentProblem({ ...png, byteLength: 0 })).toBe('not-an-image');
  });

  it('refuses more bytes than a document holds, and sizes that are not whole pixels within the limit', () => {
    expect(planDocumentProblem({ ...png, byteLength: MAX_PLAN_BYTES + 1 })).toBe('too-large');
    expect(planDocumentProblem({ ...png, width: MAX_PLAN_SIDE + 1 })).toBe('bad-size');
    expect(planDocumentProblem({ ...png, height: 0 })).toBe('bad-size');
    expect(planDocumentProblem({ ...png, width: 10.5 })).toBe('bad-size');
  });

  it('stays under Firestore’s 1 MiB document with room for the other fields', () => {
    expect(MAX_PLAN_BYTES).toBeLessThan(1024 * 1024 - 10_000);
  });
});

describe('sniffPlanType', () => {
  it('tells the image types and a PDF by their first bytes, whatever the file is called', () => {
    expect(sniffPlanType(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(sniffPlanType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffPlanType(bytes('RIFF', 1, 2, 3, 4, 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffPlanType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffPlanType(bytes('<?xml version="1.0"?>\n<!-- plan -->\n<svg xmlns="http://www.w3.org/2000/svg">'))).toBe('image/svg+xml');
    expect(sniffPlanType(bytes(0xef, 0xbb, 0xbf, '<svg:svg xmlns:svg="http://www.w3.org/2000/svg">'))).toBe('image/svg+xml');
  });

  it('knows nothing else', () => {
    expect(sniffPlanType(bytes('GIF89a'))).toBeNull();
    expect(sniffPlanType(bytes('<html><body>plan</body></html>'))).toBeNull();
    expect(sniffPlanType(bytes('RIFF', 1, 2, 3, 4, 'WAVE'))).toBeNull();
    expect(sniffPlanType(new Uint8Array(0))).toBeNull();
  });
});

describe('plan sizes', () => {
  it('scales a raster image down to the longest side, never up', () => {
    expect(fitPlanSize({ width: 4096, height: 3072 })).toEqual({ width: 2048, height: 1536 });
    expect(fitPlanSize({ width: 1000, height: 5000 })).toEqual({ width: 410, height: 2048 });
    expect(fitPlanSize({ width: 320, height: 200 })).toEqual({ width: 320, height: 200 });
    expect(fitPlanSize({ width: 10_000, height: 1 })).toEqual({ width: 2048, height: 1 });
  });

  it('draws an SVG at the longest side in its own proportions', () => {
    expect(svgPlanSize({ width: 1000, height: 600 })).toEqual({ width: 2048, height: 1229 });
    expect(svgPlanSize({ width: 0.3, height: 0.5 })).toEqual({ width: 1229, height: 2048 });
  });

  it('reads an SVG’s size from its width and height, else its viewBox', () => {
    expect(svgIntrinsicSize('<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="600px">')).toEqual({ width: 1000, height: 600 });
    expect(svgIntrinsicSize('<svg width="100%" height="100%" viewBox="0 0 1200,800">')).toEqual({ width: 1200, height: 800 });
    expect(svgIntrinsicSize('<!-- <svg width="1" height="1"> --><svg viewBox="-10 -10 50 20"/>')).toEqual({ width: 50, height: 20 });
    expect(svgIntrinsicSize('<svg></svg>')).toBeNull();
  });
});

describe('uploaded plans', () => {
  it('are named by the object’s own id under its location', () => {
    const plan = uploadedPlanOf('loc-1', 'floor-2', { width: 640, height: 480 });
    expect(plan).toEqual({ locationId: 'loc-1', planId: 'floor-2', width: 640, height: 480 });
    expect(isUploadedPlan(plan)).toBe(true);
    expect(isUploadedPlan({ url: '/plans/demo-bc-floor-1.svg', width: 1000, height: 600 })).toBe(false);
  });

  it('read their bytes as either SDK gives them', () => {
    const data = new Uint8Array([1, 2, 3]);
    expect(bytesOf(data)).toBe(data);
    expect(bytesOf({ toUint8Array: () => data })).toBe(data);
  });
});

describe('svgPlanProblem', () => {
  const svg = (inner: string, attributes = '') =>
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attributes}>${inner}</svg>`;

  it('accepts a drawing with shapes, text, styles, gradients and links inside itself', () => {
    const plan = svg(
      '<defs><linearGradient id="g"><stop offset="0"/></linearGradient><style>.room { fill: url(#g); }</style></defs>' +
        '<rect class="room" x="10" y="10" width="300" height="200" style="fill: url(\'#g\')"/><use href="#r"/><use xlink:href="#r"/>' +
        '<image href="data:image/png;base64,iVBORw0KGgo="/><text x="20" y="40">Кафе — online, one = 1</text><!-- <script>ignored</script> -->',
      ' width="1000" height="600"',
    );
    expect(svgPlanProblem(`<?xml version="1.0" encoding="UTF-8"?>\n${plan}`)).toBeNull();
  });

  it.each([
    ['a script', svg('<script>alert(1)</script>'), 'script'],
    ['a prefixed script', svg('<svg:script>alert(1)</svg:script>'), 'script'],
    ['a SCRIPT in capitals', svg('<SCRIPT>alert(1)</SCRIPT>'), 'script'],
    ['a foreignObject', svg('<foreignObject><iframe src="https://example.com"/></foreignObject>'), 'foreign-object'],
    ['an iframe', svg('<iframe/>'), 'foreign-object'],
    ['an event handler', svg('<rect onclick="alert(1)"/>'), 'event-handler'],
    ['an event handler on the root', svg('', ' onload="alert(1)"'), 'event-handler'],
    ['an unquoted event handler', svg('<rect/onmouseover=alert(1)>'), 'event-handler'],
    ['a javascript: link', svg('<a href="javascript:alert(1)"><rect/></a>'), 'script-url'],
    ['a javascript: link in entities', svg('<a xlink:href="&#106;ava&#x09;script&#58;alert(1)"><rect/></a>'), 'script-url'],
    ['a javascript: value elsewhere', svg('<set attributeName="href" to="JavaScript:alert(1)"/>'), 'script-url'],
    ['an external image', svg('<image href="https://example.com/floor.png"/>'), 'external-reference'],
    ['an image beside the file', svg('<image xlink:href="floor.png"/>'), 'external-reference'],
    ['a use of another file', svg('<use href="other.svg#room"/>'), 'external-reference'],
    ['an SVG inside a data: link', svg('<image href="data:image/svg+xml;base64,PHN2Zz4="/>'), 'external-reference'],
    ['a CSS url() outside the drawing', svg('<rect style="fill: url(https://example.com/x.png)"/>'), 'external-reference'],
    ['a CSS @import', svg('<style>@import "https://example.com/x.css";</style>'), 'external-reference'],
    ['a stylesheet instruction', `<?xml-stylesheet href="https://example.com/x.css"?>${svg('')}`, 'external-reference'],
    ['a DOCTYPE with entities', `<!DOCTYPE svg [<!ENTITY x "javascript:alert(1)">]>${svg('<a href="&x;"/>')}`, 'doctype'],
    ['an HTML page', '<html><body><svg></svg></body></html>', 'not-svg'],
    ['no markup at all', 'just text', 'not-svg'],
  ])('refuses %s', (_label, text, problem) => {
    expect(svgPlanProblem(text)).toBe(problem);
  });
});
