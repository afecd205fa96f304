/**
 * Forward-only SQL migrations, applied by the app at start-up on PGlite and PostgreSQL alike.
 * Each file runs in its own transaction together with its bookkeeping row, so a failing
 * migration leaves the database exactly as it was. An advisory lock keeps two app instances
 * starting at once on PostgreSQL from applying the same file twice. An applied file that was
 * edited afterwards stops the start: history is not rewritten, a new file is added instead.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  /** The file name without .sql, e.g. 0001-directory. */
  file: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  return files.map((file) => {
    const match = /^(\d{4})-([a-z0-9-]+)\.sql$/.exec(file);
    if (!match) throw new MigrationError(`Migration file name ${file} must look like 0001-some-name.sql`);
    const sql = readFileSync(join(dir, file), 'utf8');
    return {
      version: Number(match[1]),
      name: match[2]!,
      file: file.replace(/\.sql$/, ''),
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
    };
  });
}

const LOCK_KEY = 727_274_001; // any constant; shared by every Carepath instance on one database

export async function migrate(db: Database, migrations = readMigrations()): Promise<number[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  // A restart usually finds every migration applied and unchanged: one read, no locks.
  const done = await db.query<{ version: number; checksum: string }>(
    'SELECT version, checksum FROM schema_migrations',
  );
  const known = new Map(done.map((r) => [r.version, r.checksum]));
  if (migrations.every((m) => known.get(m.version) === m.checksum)) return [];
  const applied: number[] = [];
  for (const m of migrations) {
    const ran = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const [row] = await tx.query<{ checksum: string }>(
        'SELECT checksum FROM schema_migrations WHERE version = $1',
        [m.version],
      );
      if (row) {
        if (row.checksum !== m.checksum) {
          throw new MigrationError(
            `Migration ${m.file} was changed after it was applied. Add a new migration instead.`,
          );
        }
        return false;
      }
      try {
        await tx.exec(m.sql);
      } catch (error) {
        throw new MigrationError(
          `Migration ${m.file} failed and was rolled back: ${(error as Error).message}`,
          { cause: error },
        );
      }
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        m.checksum,
      ]);
      return true;
    });
    if (ran) applied.push(m.version);
  }
  return applied;
}
