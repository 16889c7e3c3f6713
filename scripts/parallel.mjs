// @ts-check
// Runs streams of commands side by side and waits for all of them: a stream runs its commands one after another (every
// one, even after a failure), each line of output prefixed with the stream's name; a stream fails if any of its
// commands failed. `npm test` uses it twice (scripts/test.mjs, scripts/test-emulated.mjs).
import { spawn } from 'node:child_process';

/**
 * @param {{ name: string, commands: string[] }[]} streams
 * @returns {Promise<{ name: string, code: number, seconds: number }[]>}
 */
export function runSideBySide(streams) {
  return Promise.all(
    streams.map(async ({ name, commands }) => {
      const started = Date.now();
      let code = 0;
      for (const command of commands) code = (await run(name, command)) || code;
      return { name, code, seconds: Math.round((Date.now() - started) / 1000) };
    }),
  );
}

/**
 * @param {string} name
 * @param {string} command
 * @returns {Promise<number>}
 */
function run(name, command) {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    for (const [stream, out] of /** @type {const} */ ([
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ])) {
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (/** @type {string} */ chunk) => {
        const lines = (pending + chunk).split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) out.write(`[${name}] ${line}\n`);
      });
      stream.on('end', () => pending && out.write(`[${name}] ${pending}\n`));
    }
    const stop = () => child.kill('SIGTERM');
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/**
 * Prints one line per stream and exits with 1 if any failed, after `beforeExit` (the list of failed tests).
 * @param {string} title
 * @param {{ name: string, code: number, seconds: number }[]} results
 * @param {() => void} [beforeExit]
 */
export function reportAndExitOnFailure(title, results, beforeExit) {
  for (const { name, code, seconds } of results) console.log(`${title}: ${name} ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s`);
  if (results.some(({ code }) => code !== 0)) {
    beforeExit?.();
    process.exit(1);
  }
}
