// Reads back the journal export's CSV (functions/src/reports/export/csv.ts) in the tests: a BOM, then lines ended by
// CRLF, fields split at `;` outside quotes, quotes doubled inside them.

/** The rows of a CSV file's text (BOM and all), each a list of its fields unquoted. */
export function csvRows(text: string): string[][] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const char = body[i] as string;
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') field += body[++i];
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      row.push(field);
      field = '';
    } else if (char === '\r' && body[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  if (quoted || field !== '' || row.length > 0) throw new Error('the CSV does not end with a whole line (CRLF)');
  return rows;
}
