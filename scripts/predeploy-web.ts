// Hosting predeploy: refuses to build a web app that would talk to another project (or the emulators),
// then builds it. firebase-tools runs it with GCLOUD_PROJECT = the project being deployed.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadEnv } from 'vite';

const WEB_DIR = resolve(import.meta.dirname, '../web');
// The App Check site key too: without it the callables, which enforce App Check, refuse every call of the build.
const REQUIRED = [
  'VITE_FIREBASE_API_KEY',
  'VITE_FIREBASE_APP_ID',
  'VITE_FIREBASE_MESSAGING_SENDER_ID',
  'VITE_FIREBASE_VAPID_KEY',
  'VITE_RECAPTCHA_ENTERPRISE_SITE_KEY',
];

/** Why the web app's production settings do not fit `project`, or null when they do. */
export function webEnvProblem(env: Record<string, string>, project: string | undefined): string | null {
  if (!project) return 'GCLOUD_PROJECT is not set: run this through `firebase deploy`';
  // The emulators' demo project needs no web settings: its build talks to the local emulators.
  if (project.startsWith('demo-')) return null;
  const configured = env.VITE_FIREBASE_PROJECT_ID;
  if (!configured) return `VITE_FIREBASE_PROJECT_ID is not set: put the web app's config in web/.env.production.local (docs/DEPLOY.md, step 5)`;
  if (configured !== project) return `VITE_FIREBASE_PROJECT_ID is "${configured}" but you are deploying to "${project}"`;
  const missing = REQUIRED.filter((name) => !env[name]);
  return missing.length > 0 ? `missing in web/.env.production.local: ${missing.join(', ')} (docs/DEPLOY.md, step 5)` : null;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const problem = webEnvProblem({ ...loadEnv('production', WEB_DIR, 'VITE_') }, process.env.GCLOUD_PROJECT);
  if (problem) {
    console.error(`predeploy-web: ${problem}`);
    process.exit(1);
  }
  const build = spawnSync('npm', ['run', 'build', '-w', 'web'], { stdio: 'inherit', cwd: resolve(WEB_DIR, '..') });
  process.exit(build.status ?? 1);
}
