import { describe, expect, it } from 'vitest';
import { isJournalExportFormat, isJournalExportToken, journalExportFileName, journalExportRangeProblem } from '../src/journalExport';

describe('the journal export', () => {
  it('names the file by location and range, in ASCII', () => {
    expect(journalExportFileName('demo-bc', '2025-03-01', '2025-03-31', 'csv')).toBe('sos-journal-demo-bc-2025-03-01_2025-03-31.csv');
    expect(journalExportFileName('Бизнес центр/1', '2025-03-01', '2025-03-01', 'xlsx')).toBe('sos-journal--1-2025-03-01_2025-03-01.xlsx');
  });

  it('takes a range of up to a year of local days, the end not before the start', () => {
    expect(journalExportRangeProblem('2024-01-01', '2024-12-31')).toBeNull();
    expect(journalExportRangeProblem('2024-01-01', '2025-01-01')).toBe('too-long');
    expect(journalExportRangeProblem('2025-01-02', '2025-01-01')).toBe('end-before-start');
    expect(journalExportRangeProblem('', '2025-01-01')).toBe('malformed-from');
  });

  it('knows its formats and the shape of a link token (256 bits, base64url)', () => {
    expect(['csv', 'xlsx', 'pdf'].map(isJournalExportFormat)).toEqual([true, true, false]);
    expect(isJournalExportToken('A'.repeat(43))).toBe(true);
    expect(isJournalExportToken('A'.repeat(42))).toBe(false);
    expect(isJournalExportToken(`${'A'.repeat(42)}/`)).toBe(false);
    expect(isJournalExportToken(undefined)).toBe(false);
  });
});
