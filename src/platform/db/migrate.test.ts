import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmptyDatabase, type TestDatabase } from '../../../test/support/test-db.js';
import { migrate, MigrationError, readMigrations } from './migrate.js';

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'carepath-migrations-'));
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
  return dir;
}

describe('migrate', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createEmptyDatabase();
  });
  afterEach(async () => {
    await t.close();
  });

  it('applies the project migrations once and is a no-op the second time', async () => {
    const first = await migrate(t.db);
    expect(first.length).toBe(readMigrations().length);
    expect(await migrate(t.db)).toEqual([]);
    const rows = await t.db.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(rows.map((r) => r.version)).toEqual(first);
  });

  it('rolls a failing migration back completely and applies nothing after it', async () => {
    const dir = migrationsDir({
      '0001-good.sql': 'CREATE TABLE good (id int);',
      '0002-bad.sql': 'CREATE TABLE half (id int); INSERT INTO nowhere VALUES (1);',
      '0003-later.sql': 'CREATE TABLE later (id int);',
    });
    await expect(migrate(t.db, readMigrations(dir))).rejects.toThrow(/0002-bad failed and was rolled back/);
    const tables = await t.db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.map((r) => r.table_name)).toEqual(['good', 'schema_migrations']);
    const versions = await t.db.query<{ version: number }>('SELECT version FROM schema_migrations');
    expect(versions.map((v) => v.version)).toEqual([1]);
  });

  it('refuses to start when an applied migration was edited', async () => {
    await migrate(t.db, readMigrations(migrationsDir({ '0001-a.sql': 'CREATE TABLE a (id int);' })));
    const edited = readMigrations(migrationsDir({ '0001-a.sql': 'CREATE TABLE a (id bigint);' }));
    await expect(migrate(t.db, edited)).rejects.toThrow(MigrationError);
  });

  it('rejects badly named migration files', () => {
    expect(() => readMigrations(migrationsDir({ 'create-things.sql': 'SELECT 1;' }))).toThrow(
      /0001-some-name/,
    );
  });
});
