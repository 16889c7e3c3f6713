// firebase.json as deployed: what `firebase deploy` would refuse or get wrong is caught here first.
import { resolve } from 'node:path';
import { resolveConfig } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  PROJECT_DIR,
  enginesAllow,
  hostingProblems,
  predeployCommandProblem,
  predeployProblems,
  readFirebaseConfig,
  runtimeProblems,
  type FirebaseConfig,
} from '../deploy-config';
import { webEnvProblem } from '../predeploy-web';

const config = readFirebaseConfig();
let webBuildDir = '';

beforeAll(async () => {
  const web = await resolveConfig({ root: resolve(PROJECT_DIR, 'web'), configFile: resolve(PROJECT_DIR, 'web/vite.config.ts'), logLevel: 'silent' }, 'build');
  webBuildDir = resolve(web.root, web.build.outDir);
});

describe('the real firebase.json', () => {
  it('declares a functions runtime the installed firebase-tools deploys, which package.json engines allow', () => {
    expect(runtimeProblems(config)).toEqual([]);
  });

  it('serves the folder the web build writes', () => {
    expect(hostingProblems(config, webBuildDir)).toEqual([]);
  });

  it('builds every target before deploying it, with hooks that can run', () => {
    expect(predeployProblems(config)).toEqual([]);
  });
});

describe('bad deploy config is caught', () => {
  const withRuntime = (runtime: string): FirebaseConfig => ({ functions: [{ source: 'functions', runtime }] });

  it('a runtime firebase-tools has decommissioned (nodejs20 since 2026-10-30)', () => {
    expect(runtimeProblems(withRuntime('nodejs20'), PROJECT_DIR, new Date('2026-11-01'))).toEqual([
      expect.stringContaining('Runtime Node.js 20 was decommissioned on 2026-10-30'),
    ]);
  });

  it("a runtime the functions' package.json engines do not allow", () => {
    expect(enginesAllow('>=20', 22)).toBe(true);
    expect(enginesAllow('22', 22)).toBe(true);
    expect(enginesAllow('>=24', 22)).toBe(false);
    expect(enginesAllow('20', 22)).toBe(false);
    expect(enginesAllow(undefined, 22)).toBe(false);
  });

  it('a runtime firebase-tools does not know, or none at all', () => {
    expect(runtimeProblems(withRuntime('nodejs99'))).toEqual([expect.stringContaining('does not know the runtime "nodejs99"')]);
    expect(runtimeProblems({ functions: { source: 'functions' } })).toEqual(['functions "functions": no runtime in firebase.json']);
  });

  it('a hosting public folder the build does not produce, or no hosting at all', () => {
    expect(hostingProblems({ hosting: { public: 'web/build' } }, webBuildDir)).toEqual([
      expect.stringContaining('hosting public "web/build" is not the web build\'s output'),
    ]);
    expect(hostingProblems({}, webBuildDir)).toEqual([expect.stringContaining('no hosting block')]);
  });

  it('a predeploy hook that names a missing script, workspace or file, or none at all', () => {
    expect(predeployCommandProblem('npm run bulid -w functions')).toBe('predeploy "npm run bulid -w functions": no script "bulid" in functions package.json');
    expect(predeployCommandProblem('npm run build -w server')).toBe('predeploy "npm run build -w server": no workspace "server"');
    expect(predeployCommandProblem('npx tsx scripts/missing.ts')).toBe('predeploy "npx tsx scripts/missing.ts": no file scripts/missing.ts');
    expect(predeployCommandProblem('make web')).toContain('not a form this check can verify');
    expect(predeployProblems({ functions: [{ source: 'functions', runtime: 'nodejs22' }], hosting: { public: 'web/dist' } })).toEqual([
      'functions "functions": no predeploy hook builds it',
      'hosting "web/dist": no predeploy hook builds it',
    ]);
  });
});

describe('the hosting predeploy refuses a web build for another project', () => {
  const production = {
    VITE_FIREBASE_PROJECT_ID: 'sos-prod',
    VITE_FIREBASE_API_KEY: 'key',
    VITE_FIREBASE_APP_ID: '1:2:web:3',
    VITE_FIREBASE_MESSAGING_SENDER_ID: '2',
    VITE_FIREBASE_VAPID_KEY: 'vapid',
    VITE_RECAPTCHA_ENTERPRISE_SITE_KEY: '6Lc-site-key',
  };

  it('accepts settings of the project being deployed, and the demo project with none', () => {
    expect(webEnvProblem(production, 'sos-prod')).toBeNull();
    expect(webEnvProblem({}, 'demo-sos')).toBeNull();
  });

  it('names what is wrong: no settings, another project, a missing key, no project', () => {
    expect(webEnvProblem({}, 'sos-prod')).toContain('VITE_FIREBASE_PROJECT_ID is not set');
    expect(webEnvProblem(production, 'sos-staging')).toBe('VITE_FIREBASE_PROJECT_ID is "sos-prod" but you are deploying to "sos-staging"');
    expect(webEnvProblem({ ...production, VITE_FIREBASE_VAPID_KEY: '' }, 'sos-prod')).toContain(
      'missing in web/.env.production.local: VITE_FIREBASE_VAPID_KEY',
    );
    // Without App Check's site key every callable (they enforce it) would refuse the build's calls.
    expect(webEnvProblem({ ...production, VITE_RECAPTCHA_ENTERPRISE_SITE_KEY: '' }, 'sos-prod')).toContain(
      'missing in web/.env.production.local: VITE_RECAPTCHA_ENTERPRISE_SITE_KEY',
    );
    expect(webEnvProblem(production, undefined)).toContain('GCLOUD_PROJECT is not set');
  });
});
