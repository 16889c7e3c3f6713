// globalSetup of the rules project: after the suite, the Firestore emulator's rule coverage (which rules and
// expressions the tests evaluated, and how often) for every project id a rules file used, as HTML and JSON in
// test-results/rules-coverage/. Each harness notes its project id there (see startRulesHarness).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EMULATOR_HOSTS } from '../helpers/emulators';
import { PROJECT_ID_SUFFIX, RULES_COVERAGE_DIR } from '../helpers/rulesEnv';

async function download(url: string, file: string): Promise<void> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`rules coverage: ${url} answered ${response.status}`);
  writeFileSync(file, await response.text());
}

export function setup(): () => Promise<void> {
  rmSync(RULES_COVERAGE_DIR, { recursive: true, force: true });
  mkdirSync(RULES_COVERAGE_DIR, { recursive: true });
  return async function saveRulesCoverage() {
    const projectIds = readdirSync(RULES_COVERAGE_DIR)
      .filter((name) => name.endsWith(PROJECT_ID_SUFFIX))
      .map((name) => name.slice(0, -PROJECT_ID_SUFFIX.length))
      .sort();
    if (projectIds.length === 0) return;
    const base = `http://${EMULATOR_HOSTS.firestore}/emulator/v1/projects`;
    await Promise.all(
      projectIds.map(async (projectId) => {
        await download(`${base}/${projectId}:ruleCoverage.html`, join(RULES_COVERAGE_DIR, `${projectId}.html`));
        await download(`${base}/${projectId}:ruleCoverage`, join(RULES_COVERAGE_DIR, `${projectId}.json`));
        rmSync(join(RULES_COVERAGE_DIR, `${projectId}${PROJECT_ID_SUFFIX}`));
      }),
    );
    const links = projectIds.map((id) => `<li><a href="${id}.html">${id}</a> (<a href="${id}.json">json</a>)</li>`).join('\n');
    const index = join(RULES_COVERAGE_DIR, 'index.html');
    writeFileSync(
      index,
      `<!doctype html>\n<meta charset="utf-8">\n<title>Firestore rules coverage</title>\n<h1>Firestore rules coverage</h1>\n<ul>\n${links}\n</ul>\n`,
    );
    console.log(`Rules coverage (${projectIds.length} project ids): ${relative(process.cwd(), index)}`);
  };
}
