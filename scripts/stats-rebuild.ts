// `npm run stats:rebuild -- --location <id> --from <YYYY-MM-DD> --to <YYYY-MM-DD> [--project <id>]`: recomputes the
// location's daily rollups (`locations/{id}/daily/{day}`) for those days, both included, from its requests and their
// audit events, counting as the trigger does (functions/src/reports/rebuildRollups.ts). For data written before the
// rollups existed, or to repair days. Each day is replaced whole; run it for days no event is being counted into.
// Without --project (or with a demo- project) the running emulators; otherwise the real project (application default
// credentials).
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

export const USAGE = 'usage: npm run stats:rebuild -- --location <id> --from <YYYY-MM-DD> --to <YYYY-MM-DD> [--project <id>]';

export interface StatsRebuildRequest {
  locationId: string;
  from: string;
  to: string;
  /** null: the running emulators. */
  project: string | null;
}

/** The command line as a request, or the one line that says what is missing; the dates are checked by the rebuild. */
export function parseStatsRebuildArgs(argv: string[]): { ok: true; value: StatsRebuildRequest } | { ok: false; problem: string } {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args: argv,
      options: { location: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, project: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return { ok: false, problem: (error as Error).message.split('\n')[0] ?? 'bad arguments' };
  }
  const locationId = values.location?.trim() ?? '';
  if (!locationId) return { ok: false, problem: "--location is required (the location's id)" };
  if (locationId.includes('/')) return { ok: false, problem: `--location "${locationId}" is not a document id` };
  if (!values.from) return { ok: false, problem: '--from is required (the first day, YYYY-MM-DD)' };
  if (!values.to) return { ok: false, problem: '--to is required (the last day, YYYY-MM-DD)' };
  return { ok: true, value: { locationId, from: values.from, to: values.to, project: values.project ?? null } };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const parsed = parseStatsRebuildArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`stats:rebuild: ${parsed.problem}; ${USAGE}`);
    process.exit(2);
  }
  const { locationId, from, to, project } = parsed.value;
  const { connect } = await import('./bootstrap');
  const target = connect(project);
  // Imported once connected: the functions' Firestore takes the app initialised above.
  const { RollupRebuildError, rebuildDailyRollups } = await import('../functions/src/reports/rebuildRollups');
  try {
    const summary = await rebuildDailyRollups(locationId, from, to);
    console.log(
      'Daily rollups of %s on %s, %s..%s: %d days replaced (%d with counts) from %d requests and %d audit events.',
      locationId,
      target,
      from,
      to,
      summary.days,
      summary.daysWithCounts,
      summary.requests,
      summary.events,
    );
    process.exit(0);
  } catch (error) {
    if (error instanceof RollupRebuildError) {
      console.error(`stats:rebuild: ${error.message} (${error.code}); nothing changed`);
      process.exit(2);
    }
    console.error(`stats:rebuild on ${target} failed:\n`, error);
    process.exit(1);
  }
}
