// `npm run stats:rebuild`'s command line: what it needs is named before anything connects (the dates and the location
// are checked by the rebuild itself: model/__tests__/rollups.test.ts, tests/functions/rollups.test.ts).
import { describe, expect, it } from 'vitest';
import { parseStatsRebuildArgs } from '../stats-rebuild';

describe('stats:rebuild arguments', () => {
  it('takes a location and a range of days, on the emulators unless a project is named', () => {
    expect(parseStatsRebuildArgs(['--location', 'loc-1', '--from', '2026-01-01', '--to', '2026-01-31'])).toEqual({
      ok: true,
      value: { locationId: 'loc-1', from: '2026-01-01', to: '2026-01-31', project: null },
    });
    expect(parseStatsRebuildArgs(['--location', 'loc-1', '--from', '2026-01-01', '--to', '2026-01-01', '--project', 'sos-prod'])).toMatchObject({
      ok: true,
      value: { project: 'sos-prod' },
    });
  });

  it.each([
    [['--from', '2026-01-01', '--to', '2026-01-31'], '--location is required'],
    [['--location', 'a/b', '--from', '2026-01-01', '--to', '2026-01-31'], 'is not a document id'],
    [['--location', 'loc-1', '--to', '2026-01-31'], '--from is required'],
    [['--location', 'loc-1', '--from', '2026-01-01'], '--to is required'],
    [['--location', 'loc-1', '--from', '2026-01-01', '--to', '2026-01-31', '--days', '3'], "Unknown option '--days'"],
  ])('refuses %j with a message saying what is wrong', (argv, problem) => {
    const parsed = parseStatsRebuildArgs(argv);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.problem).toContain(problem);
  });
});
