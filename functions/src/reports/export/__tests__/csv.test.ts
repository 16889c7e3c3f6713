import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvEncoder, csvField, csvLine } from '../csv';

const decode = (chunks: Uint8Array[]) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(Buffer.concat(chunks));

describe('CSV for Excel in Russian', () => {
  it('starts with a BOM and the header, fields split by ; and lines ended by CRLF', () => {
    const encoder = csvEncoder();
    const file = decode([
      ...encoder.begin(['Заявка', 'Создана', 'Сообщений']),
      ...encoder.rows([[{ text: 'a1' }, { wallMillis: Date.parse('2025-03-10T09:00:05Z') }, { number: 2 }]]),
      ...encoder.rows([]),
      ...encoder.end(),
    ]);
    expect(file).toBe(`${CSV_BOM}Заявка;Создана;Сообщений\r\na1;2025-03-10 09:00:05;2\r\n`);
    expect(file.charCodeAt(0)).toBe(0xfeff);
    expect(encoder.contentType).toBe('text/csv; charset=utf-8');
  });

  it('quotes a field holding the separator, a quote or a line break, doubling its quotes', () => {
    expect(csvField({ text: 'Офис; 3 этаж' })).toBe('"Офис; 3 этаж"');
    expect(csvField({ text: 'Бизнес-центр "Демо"' })).toBe('"Бизнес-центр ""Демо"""');
    expect(csvField({ text: 'первая\nвторая' })).toBe('"первая\nвторая"');
    expect(csvField({ text: 'a\r\nb' })).toBe('"a\r\nb"');
    expect(csvField({ text: 'Бизнес-центр «Демо», вход 2' })).toBe('Бизнес-центр «Демо», вход 2');
    expect(csvField(null)).toBe('');
  });

  it('keeps a text that looks like a formula a text (CSV injection)', () => {
    expect(csvField({ text: '=HYPERLINK("http://x")' })).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField({ text: '+7 342' })).toBe("'+7 342");
    expect(csvField({ text: '@admin' })).toBe("'@admin");
    expect(csvField({ number: -0 })).toBe('0');
  });

  it('a line is its fields in order, empty ones kept', () => {
    expect(csvLine([{ text: 'x' }, null, { number: 0 }, null])).toBe('x;;0;\r\n');
  });
});
