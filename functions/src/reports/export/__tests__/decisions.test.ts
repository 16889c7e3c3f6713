import { describe, expect, it } from 'vitest';
import { JOURNAL_EXPORT_MAX_ROWS, type Claims } from '@sos/model';
import { JournalExportRefused, decideDownload, decideJournalExport, refuseTooManyRows } from '../decisions';

const admin: Claims = { role: 'admin', locationIds: ['A'] };
const ask = { locationId: 'A', from: '2025-01-01', to: '2025-01-31', format: 'csv' };

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof JournalExportRefused) return { code: error.refusal.code, reason: error.refusal.reason };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('createJournalExport decision', () => {
  it('takes an admin’s range of the location, in the language asked', () => {
    expect(decideJournalExport({ ...ask, locale: 'en' }, admin)).toEqual({ ...ask, locale: 'en' });
    expect(decideJournalExport({ ...ask, format: 'xlsx', locale: 'fr' }, admin)).toEqual({ ...ask, format: 'xlsx', locale: null });
  });

  it('takes a whole year, leap day included, and one day', () => {
    expect(decideJournalExport({ ...ask, from: '2024-01-01', to: '2024-12-31' }, admin).to).toBe('2024-12-31');
    expect(decideJournalExport({ ...ask, from: '2025-02-28', to: '2025-02-28' }, admin).from).toBe('2025-02-28');
  });

  it('refuses a range longer than a year, an end before its start and dates that are not dates, with the reason', () => {
    expect(refusal(() => decideJournalExport({ ...ask, from: '2024-01-01', to: '2025-01-01' }, admin))).toEqual({
      code: 'invalid-argument',
      reason: 'too-long',
    });
    expect(refusal(() => decideJournalExport({ ...ask, from: '2025-02-01', to: '2025-01-31' }, admin))).toEqual({
      code: 'invalid-argument',
      reason: 'end-before-start',
    });
    expect(refusal(() => decideJournalExport({ ...ask, from: '2025-02-30' }, admin))).toEqual({ code: 'invalid-argument', reason: 'malformed-from' });
    expect(refusal(() => decideJournalExport({ ...ask, to: 20250131 }, admin))).toEqual({ code: 'invalid-argument', reason: 'malformed-to' });
  });

  it('refuses a format other than CSV and XLSX, and a location that is not an id', () => {
    expect(refusal(() => decideJournalExport({ ...ask, format: 'pdf' }, admin))).toEqual({ code: 'invalid-argument', reason: 'invalid-format' });
    expect(refusal(() => decideJournalExport({ ...ask, locationId: 'a/b' }, admin))).toEqual({ code: 'invalid-argument', reason: 'invalid-location' });
    expect(refusal(() => decideJournalExport(null, admin))).toEqual({ code: 'invalid-argument', reason: 'invalid-location' });
  });

  it('refuses anyone but an admin of the location', () => {
    const notAdmin = { code: 'permission-denied', reason: 'not-admin' };
    expect(refusal(() => decideJournalExport({ ...ask, locationId: 'B' }, admin))).toEqual(notAdmin);
    expect(refusal(() => decideJournalExport(ask, { role: 'staff', locationIds: ['A'] }))).toEqual(notAdmin);
    expect(refusal(() => decideJournalExport(ask, { role: 'resident', locationIds: ['A'] }))).toEqual(notAdmin);
  });

  it('refuses a range of more requests than one export takes', () => {
    expect(() => refuseTooManyRows(JOURNAL_EXPORT_MAX_ROWS)).not.toThrow();
    expect(refusal(() => refuseTooManyRows(JOURNAL_EXPORT_MAX_ROWS + 1))).toEqual({ code: 'failed-precondition', reason: 'too-many-rows' });
  });
});

describe('a download link', () => {
  it('works once, before it expires', () => {
    expect(decideDownload({ usedAtMillis: null, expiresAtMillis: 2_000 }, 1_000)).toBe('stream');
    expect(decideDownload({ usedAtMillis: 1_500, expiresAtMillis: 2_000 }, 1_600)).toBe('used');
    expect(decideDownload({ usedAtMillis: null, expiresAtMillis: 2_000 }, 2_000)).toBe('expired');
    expect(decideDownload(undefined, 1_000)).toBe('unknown');
  });
});
