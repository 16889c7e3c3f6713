// Catches, before `firebase deploy`, what would make it fail: a functions runtime the installed
// firebase-tools refuses, a hosting folder the web build does not produce, a predeploy hook that cannot run.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

export const PROJECT_DIR = resolve(import.meta.dirname, '..');

interface FunctionsCodebase {
  source: string;
  runtime?: string;
  predeploy?: string | string[];
}
interface HostingSite {
  public: string;
  predeploy?: string | string[];
}
export interface FirebaseConfig {
  functions?: FunctionsCodebase | FunctionsCodebase[];
  hosting?: HostingSite | HostingSite[];
}

interface SupportedRuntimes {
  isRuntime(runtime: string): boolean;
  guardVersionSupport(runtime: string, now?: Date): void;
}
// The installed firebase-tools' own table and guard, so the check moves with the pinned version.
const runtimes = createRequire(import.meta.url)('firebase-tools/lib/deploy/functions/runtimes/supported') as SupportedRuntimes;

export function readFirebaseConfig(path = resolve(PROJECT_DIR, 'firebase.json')): FirebaseConfig {
  return JSON.parse(readFileSync(path, 'utf8')) as FirebaseConfig;
}

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Whether Node `major` satisfies an `engines.node` of the forms this repository uses: "22" or ">=20". */
export function enginesAllow(range: string | undefined, major: number): boolean {
  const exact = /^(\d+)$/.exec(range?.trim() ?? '');
  if (exact) return Number(exact[1]) === major;
  const atLeast = /^>=\s*(\d+)(\.\d+){0,2}$/.exec(range?.trim() ?? '');
  return atLeast ? major >= Number(atLeast[1]) : false;
}

/** A runtime firebase-tools would refuse to deploy today, or one package.json `engines` does not allow. */
export function runtimeProblems(config: FirebaseConfig, projectDir = PROJECT_DIR, now = new Date()): string[] {
  const problems: string[] = [];
  for (const codebase of list(config.functions)) {
    const runtime = codebase.runtime;
    if (!runtime) {
      problems.push(`functions "${codebase.source}": no runtime in firebase.json`);
      continue;
    }
    if (!runtimes.isRuntime(runtime)) {
      problems.push(`functions "${codebase.source}": firebase-tools does not know the runtime "${runtime}"`);
      continue;
    }
    try {
      runtimes.guardVersionSupport(runtime, now);
    } catch (error) {
      problems.push(`functions "${codebase.source}": ${(error as Error).message}`);
    }
    const manifest = JSON.parse(readFileSync(resolve(projectDir, codebase.source, 'package.json'), 'utf8')) as { engines?: { node?: string } };
    if (!enginesAllow(manifest.engines?.node, Number(runtime.replace(/^nodejs/, '')))) {
      problems.push(`functions "${codebase.source}": package.json engines.node "${manifest.engines?.node}" does not allow runtime "${runtime}"`);
    }
  }
  return problems;
}

/** A hosting `public` folder that is not where the web build writes. */
export function hostingProblems(config: FirebaseConfig, webBuildDir: string, projectDir = PROJECT_DIR): string[] {
  const sites = list(config.hosting);
  if (sites.length === 0) return ['no hosting block: the web app has nowhere to be served from'];
  return sites
    .filter((site) => resolve(projectDir, site.public) !== resolve(webBuildDir))
    .map((site) => `hosting public "${site.public}" is not the web build's output (${webBuildDir})`);
}

interface PackageManifest {
  scripts?: Record<string, string>;
  workspaces?: string[];
}

/** Why one predeploy command would fail, or null: `npm run <script> [-w <workspace>]` or `npx tsx <file>`. */
export function predeployCommandProblem(command: string, projectDir = PROJECT_DIR): string | null {
  const npmRun = /^npm run ([\w:-]+)(?: (?:-w|--workspace) ([\w./-]+))?$/.exec(command);
  if (npmRun) {
    const [, script = '', workspace] = npmRun;
    const root = JSON.parse(readFileSync(resolve(projectDir, 'package.json'), 'utf8')) as PackageManifest;
    if (workspace && !(root.workspaces ?? []).includes(workspace)) return `predeploy "${command}": no workspace "${workspace}"`;
    const manifestPath = resolve(projectDir, workspace ?? '.', 'package.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as PackageManifest;
    return manifest.scripts?.[script] ? null : `predeploy "${command}": no script "${script}" in ${workspace ?? 'the root'} package.json`;
  }
  const tsxFile = /^npx tsx ([\w./-]+)$/.exec(command);
  if (tsxFile) {
    return existsSync(resolve(projectDir, tsxFile[1] ?? '')) ? null : `predeploy "${command}": no file ${tsxFile[1]}`;
  }
  return `predeploy "${command}": not a form this check can verify (npm run <script> [-w <workspace>], npx tsx <file>)`;
}

/** Every target must build what it deploys (else a fresh clone deploys nothing or a stale build), with hooks that can run. */
export function predeployProblems(config: FirebaseConfig, projectDir = PROJECT_DIR): string[] {
  const targets = [
    ...list(config.functions).map((codebase) => ({ name: `functions "${codebase.source}"`, hooks: list(codebase.predeploy) })),
    ...list(config.hosting).map((site) => ({ name: `hosting "${site.public}"`, hooks: list(site.predeploy) })),
  ];
  return targets.flatMap(({ name, hooks }) =>
    hooks.length === 0
      ? [`${name}: no predeploy hook builds it`]
      : hooks.map((command) => predeployCommandProblem(command, projectDir)).filter((problem) => problem !== null),
  );
}
