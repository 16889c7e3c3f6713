#!/usr/bin/env node
// @ts-check
// `npm install` (prepare): points git at the committed hooks in .githooks/ (the pre-commit hook runs lint-staged).
// Does nothing, successfully, where a hook has no place: CI, an unpacked tarball without .git, a machine without git,
// or a linked worktree (its config is the main checkout's; there, run `git config core.hooksPath .githooks` yourself).
import { spawnSync } from 'node:child_process';

/** @param {string[]} args */
const git = (args) => {
  const result = spawnSync('git', args, { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
};

const skip = (/** @type {string} */ why) => {
  console.log(`Git hooks not installed: ${why}.`);
  process.exit(0);
};

if (process.env.CI) skip('CI');
if (git(['rev-parse', '--is-inside-work-tree']) !== 'true') skip('not a git work tree');
if (git(['rev-parse', '--path-format=absolute', '--git-dir']) !== git(['rev-parse', '--path-format=absolute', '--git-common-dir'])) {
  skip('a linked worktree shares its config with the main checkout; run `git config core.hooksPath .githooks` there if you want them');
}
if (git(['config', 'core.hooksPath']) === '.githooks') process.exit(0);
if (git(['config', 'core.hooksPath', '.githooks']) === null) skip('`git config core.hooksPath .githooks` failed');
console.log('Git hooks installed: .githooks/pre-commit formats and lints the staged files.');
