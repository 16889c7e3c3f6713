// The journal as an XLSX workbook written as a stream: the few fixed parts of a one-sheet workbook, then the sheet's XML
// deflated row by row into the zip (fflate, no dependencies), so 100,000 rows never sit in memory. Times are Excel dates
// (the location's wall clock, shown `yyyy-mm-dd hh:mm:ss`), seconds and counts numbers, everything else inline text.
import { Zip, ZipDeflate } from 'fflate';
import type { JournalCell, JournalEncoder } from './journalRows';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const XLSX_SHEET_PATH = 'xl/worksheets/sheet1.xml';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Excel's day 0 is 1899-12-30: a wall clock in Unix milliseconds is this many days later plus its own days. */
const EXCEL_EPOCH_DAYS = 25_569;
const DAY_MS = 86_400_000;
/** Styles (cellXfs of styles.xml): 0 plain, 1 a date and time, 2 the bold header. */
const STYLE = { date: 1, header: 2 } as const;
/** Rows gathered before they are deflated: small pushes would each close a deflate block and compress poorly. */
const FLUSH_CHARS = 64 * 1024;

/** Characters XML 1.0 cannot hold at all (control characters other than tab and line breaks) are dropped. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
export const xmlText = (value: string): string =>
  value.replace(NOT_XML, '').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** `A`, `B`, …, `Z`, `AA`, …: the column letters of a 0-based index. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export const excelDate = (wallMillis: number): number => wallMillis / DAY_MS + EXCEL_EPOCH_DAYS;

function cellXml(cell: JournalCell, ref: string, header: boolean): string {
  if (cell === null) return '';
  if ('number' in cell) return `<c r="${ref}"><v>${cell.number}</v></c>`;
  if ('wallMillis' in cell) return `<c r="${ref}" s="${STYLE.date}"><v>${excelDate(cell.wallMillis)}</v></c>`;
  const space = cell.text.trim() === cell.text ? '' : ' xml:space="preserve"';
  return `<c r="${ref}" t="inlineStr"${header ? ` s="${STYLE.header}"` : ''}><is><t${space}>${xmlText(cell.text)}</t></is></c>`;
}

const rowXml = (cells: readonly JournalCell[], rowNumber: number, header = false): string =>
  `<row r="${rowNumber}">${cells.map((cell, index) => cellXml(cell, `${columnLetters(index)}${rowNumber}`, header)).join('')}</row>`;

const CONTENT_TYPES = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
<Override PartName="/${XLSX_SHEET_PATH}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
</Types>`;

const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">\
<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const WORKBOOK_RELS = `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">\
<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>\
<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`;

const STYLES = `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">\
<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>\
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

const workbook = (sheetName: string) =>
  `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="${xmlText(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;

/** The sheet up to its first row: the header row stays in view (frozen) while scrolling. */
const sheetStart = (columns: number) =>
  `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">\
<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>\
<cols><col min="1" max="${columns}" width="20" customWidth="1"/></cols><sheetData>`;
const SHEET_END = '</sheetData></worksheet>';

/** An encoder writing one sheet named `sheetName` (at most 31 characters, as Excel allows). */
export function xlsxEncoder(sheetName: string): JournalEncoder {
  const utf8 = new TextEncoder();
  let output: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else output.push(chunk);
  });
  /** What the zip has produced since the last call. */
  const take = (): Uint8Array[] => {
    if (failure) throw failure;
    const taken = output;
    output = [];
    return taken;
  };
  const addWhole = (path: string, content: string) => {
    const file = new ZipDeflate(path, { level: 6 });
    zip.add(file);
    file.push(utf8.encode(content), true);
  };
  const sheet = new ZipDeflate(XLSX_SHEET_PATH, { level: 6 });
  let pending = '';
  let nextRow = 1;
  const flush = (final: boolean) => {
    sheet.push(utf8.encode(pending), final);
    pending = '';
  };

  return {
    contentType: XLSX_CONTENT_TYPE,
    begin(header) {
      addWhole('[Content_Types].xml', CONTENT_TYPES);
      addWhole('_rels/.rels', ROOT_RELS);
      addWhole('xl/workbook.xml', workbook(sheetName.slice(0, 31)));
      addWhole('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);
      addWhole('xl/styles.xml', STYLES);
      // The sheet last: the zip writes its files one after the other, so it is the only one left open.
      zip.add(sheet);
      pending =
        sheetStart(header.length) +
        rowXml(
          header.map((title) => ({ text: title })),
          nextRow++,
          true,
        );
      return take();
    },
    rows(rows) {
      for (const cells of rows) {
        pending += rowXml(cells, nextRow++);
        if (pending.length >= FLUSH_CHARS) flush(false);
      }
      return take();
    },
    end() {
      pending += SHEET_END;
      flush(true);
      zip.end();
      return take();
    },
  };
}
