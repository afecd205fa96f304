/**
 * Backups of the embedded database: its whole data directory as one gzip'd tar file, made and
 * restored while the app is stopped (the directory lock refuses a second opener, so a backup
 * can never copy a database mid-write). PostgreSQL has its own tools: docs/operations.md.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { openPglite } from './pglite.js';

/** Writes the data directory `dir` to `file`; returns its size in bytes. */
export async function backupPglite(dir: string, file: string): Promise<number> {
  if (!existsSync(dir)) throw new Error(`There is no embedded database at ${dir} to back up.`);
  const db = await openPglite(dir);
  try {
    const dump = Buffer.from(await (await db.pglite.dumpDataDir('gzip')).arrayBuffer());
    writeFileSync(file, dump);
    return dump.length;
  } finally {
    await db.close();
  }
}

/**
 * Creates the data directory `dir` from a backup. Refuses a directory that already holds
 * something: a restore never overwrites a database (move the old one aside first).
 */
export async function restorePglite(file: string, dir: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`There is no backup file at ${file}.`);
  if (existsSync(dir) && readdirSync(dir).length)
    throw new Error(`${dir} is not empty: move the current database aside before restoring into it.`);
  const db = await openPglite(dir, { snapshot: new Blob([readFileSync(file)]) });
  await db.close();
}
