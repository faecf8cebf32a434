import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TMP = path.join(ROOT, 'bench/tmp');
export const RESULTS = path.join(ROOT, 'bench/results');

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function say(line = '') {
  process.stdout.write(`${line}\n`);
}

/** The 1-minute load average, to 2 decimals. */
export function load1() {
  return Math.round(loadavg()[0] * 100) / 100;
}

/** Runs a command to completion with its output shown; rejects on a non-zero exit. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: options.quiet ? 'pipe' : 'inherit', ...options });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${output}`)),
    );
  });
}

/** Parses `--name value` and `--flag` arguments against defaults (numbers stay numbers). */
export function parseArgs(argv, defaults) {
  const options = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match) throw new Error(`Unknown argument ${argv[i]}`);
    const key = match[1].replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (!(key in defaults)) throw new Error(`Unknown option --${match[1]}`);
    if (typeof defaults[key] === 'boolean')
      options[key] = match[2] === undefined ? true : match[2] !== 'false';
    else {
      const raw = match[2] ?? argv[++i];
      options[key] = typeof defaults[key] === 'number' ? Number(raw) : raw;
      if (typeof defaults[key] === 'number' && !Number.isFinite(options[key]))
        throw new Error(`--${match[1]} needs a number`);
    }
  }
  return options;
}
