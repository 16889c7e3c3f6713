// @ts-check
// Runs streams of commands side by side and waits for all of them: a stream runs its commands one after another (every
// one, even after a failure), each line of output prefixed with the stream's name; a stream fails if any of its
// commands failed. A step `{ after: 'name' }` waits for an earlier stream to end, and fails its stream if that one
// failed. `npm test` uses it twice (scripts/test.mjs, scripts/test-emulated.mjs).
import { spawn } from 'node:child_process';

/**
 * @typedef {{ name: string, code: number, seconds: number }} StreamResult
 * @param {{ name: string, commands: (string | { after: string })[] }[]} streams
 * @returns {Promise<StreamResult[]>}
 */
export function runSideBySide(streams) {
  /** @type {Map<string, Promise<StreamResult>>} */
  const ended = new Map();
  for (const { name, commands } of streams) {
    ended.set(
      name,
      (async () => {
        const started = Date.now();
        let code = 0;
        for (const command of commands) {
          if (typeof command === 'string') code = (await run(name, command)) || code;
          else {
            const other = ended.get(command.after);
            if (!other) throw new Error(`stream "${name}" waits for "${command.after}", which is not an earlier stream`);
            code = (await other).code === 0 ? code : code || 1;
          }
        }
        return { name, code, seconds: Math.round((Date.now() - started) / 1000) };
      })(),
    );
  }
  return Promise.all(ended.values());
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
