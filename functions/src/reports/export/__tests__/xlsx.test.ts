import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { XLSX_SHEET_PATH, columnLetters, excelDate, xlsxEncoder, xmlText } from '../xlsx';
import type { JournalCell } from '../journalRows';

function workbook(rows: JournalCell[][], header = ['Заявка', 'Создана', 'Сообщений']): Record<string, string> {
  const encoder = xlsxEncoder('Журнал');
  const chunks = [...encoder.begin(header)];
  // In several pages, as the stream writes them.
  for (let i = 0; i < rows.length; i += 2) chunks.push(...encoder.rows(rows.slice(i, i + 2)));
  chunks.push(...encoder.end());
  const files = unzipSync(new Uint8Array(Buffer.concat(chunks)));
  return Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, strFromU8(bytes)]));
}

describe('the XLSX workbook', () => {
  it('is a zip of the parts a one-sheet workbook needs', () => {
    const parts = workbook([]);
    expect(Object.keys(parts).sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', XLSX_SHEET_PATH].sort(),
    );
    expect(parts['xl/workbook.xml']).toContain('<sheet name="Журнал" sheetId="1" r:id="rId1"/>');
    expect(parts[XLSX_SHEET_PATH]).toMatch(/<sheetData><row r="1">.*<\/row><\/sheetData><\/worksheet>$/);
  });

  it('holds the header in bold, texts inline, times as dates and numbers as numbers', () => {
    const sheet = workbook([[{ text: 'a&b <c>' }, { wallMillis: Date.parse('2025-03-10T12:00:00Z') }, { number: 4 }]])[XLSX_SHEET_PATH] ?? '';
    expect(sheet).toContain('<row r="1"><c r="A1" t="inlineStr" s="2"><is><t>Заявка</t></is></c>');
    expect(sheet).toContain(
      `<row r="2"><c r="A2" t="inlineStr"><is><t>a&amp;b &lt;c&gt;</t></is></c><c r="B2" s="1"><v>${excelDate(Date.parse('2025-03-10T12:00:00Z'))}</v></c><c r="C2"><v>4</v></c></row>`,
    );
    expect(excelDate(Date.parse('2025-03-10T12:00:00Z'))).toBe(45726.5);
  });

  it('leaves empty cells out and numbers the rows of every page in order', () => {
    const rows: JournalCell[][] = Array.from({ length: 5 }, (_, index) => [{ text: `r${index}` }, null, { number: index }]);
    const sheet = workbook(rows)[XLSX_SHEET_PATH] ?? '';
    expect([...sheet.matchAll(/<row r="(\d+)">/g)].map((match) => Number(match[1]))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(sheet).toContain('<row r="6"><c r="A6" t="inlineStr"><is><t>r4</t></is></c><c r="C6"><v>4</v></c></row>');
  });

  it('streams a large sheet: pages come out as they go in, and unzip to every row', () => {
    const encoder = xlsxEncoder('Journal');
    const chunks = [...encoder.begin(['id', 'note'])];
    const pagesWithOutput = Array.from({ length: 20 }, (_, page) => {
      const out = encoder.rows(Array.from({ length: 500 }, (_, index) => [{ text: `p${page}-${index}` }, { text: 'примечание' }]));
      chunks.push(...out);
      return out.length > 0;
    });
    chunks.push(...encoder.end());
    // Not held to the end: most pages already give bytes to send.
    expect(pagesWithOutput.filter(Boolean).length).toBeGreaterThan(10);
    const sheet = strFromU8(unzipSync(new Uint8Array(Buffer.concat(chunks)))[XLSX_SHEET_PATH] ?? new Uint8Array());
    expect(sheet.match(/<row /g)).toHaveLength(10_001);
    expect(sheet).toContain('<row r="10001"><c r="A10001" t="inlineStr"><is><t>p19-499</t></is></c>');
  });

  it('names columns as Excel does and keeps only characters XML can hold', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(xmlText('a\u0001b"\tc')).toBe('ab&quot;\tc');
  });
});
