import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The postmaster's pid, from the first line of postmaster.pid in the cluster's directory. */
async function postmasterPid(clusterDir: string): Promise<number> {
  const text = await readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8');
  return Number(text.split('\n')[0]);
}

async function childrenOf(pid: number): Promise<number[]> {
  const text = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  return text.split(/\s+/).filter(Boolean).map(Number);
}

/**
 * Freezes a running PostgreSQL as a hung host would: the postmaster and every backend get SIGSTOP,
 * so connections stay open and new ones are accepted by the kernel, but nothing answers.
 * Returns the function that thaws it (SIGCONT), safe to call twice.
 */
export async function freezePostgres(clusterDir: string): Promise<() => void> {
  const postmaster = await postmasterPid(clusterDir);
  const pids = [postmaster, ...(await childrenOf(postmaster))];
  for (const pid of pids) process.kill(pid, 'SIGSTOP');
  let thawed = false;
  return () => {
    if (thawed) return;
    thawed = true;
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        // A backend may have exited meanwhile.
      }
    }
  };
}
