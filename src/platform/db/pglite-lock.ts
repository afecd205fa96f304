/**
 * PGlite keeps one process's database in a folder. Two processes writing the same folder
 * corrupt it, so the first opener writes a lock file beside it and later openers refuse to
 * start while that process lives. A lock left by a crashed process (its pid is gone) is taken over.
 */
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';

export class DatabaseInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is already in use by another Carepath process (pid ${pid}). ` +
        'Stop that process first, or point PGLITE_DIR at another folder. Nothing was changed.',
    );
    this.name = 'DatabaseInUseError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquirePgliteLock(dir: string): () => void {
  const lockPath = `${resolve(dir)}.lock`;
  mkdirSync(dirname(lockPath), { recursive: true });
  const me = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, me, { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid?: number; host?: string } = {};
      try {
        holder = JSON.parse(readFileSync(lockPath, 'utf8')) as typeof holder;
      } catch {
        /* unreadable lock: treat as stale */
      }
      const pid = holder.pid ?? 0;
      const sameHost = !holder.host || holder.host === hostname();
      if (pid > 0 && (!sameHost || isAlive(pid))) throw new DatabaseInUseError(resolve(dir), pid);
      unlinkSync(lockPath); // stale: the process that held it is gone
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}
