import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { preparedDump } from '../../../test/support/test-db.js';
import { openPglite } from './pglite.js';

const run = promisify(execFile);

/**
 * A new folder holding a database as a first start leaves it: a copy of the run's new embedded
 * database (what a lock guards does not depend on how the folder was created; creating one, its
 * initdb, costs seconds and is covered where it matters, by test/npm-start-signal.test.ts).
 */
async function newDatabaseFolder(): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'carepath-lock-')), 'pglite');
  const empty = preparedDump('empty');
  if (empty) await (await openPglite(dir, { snapshot: empty })).close();
  return dir;
}

describe('the embedded database lock', () => {
  it('refuses a second process with a clear message and leaves the data intact', async () => {
    const dir = await newDatabaseFolder();
    const db = await openPglite(dir);
    try {
      await db.exec("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here');");
      const script = `import { openPglite } from './src/platform/db/pglite.ts';
        try { await openPglite(${JSON.stringify(dir)}); console.log('opened'); }
        catch (e) { console.log(e.name + ': ' + e.message); process.exitCode = 3; }`;
      const result = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: process.cwd(),
      }).catch((e: { code: number; stdout: string }) => e);
      expect(result).toMatchObject({ code: 3 });
      expect((result as { stdout: string }).stdout).toMatch(
        /DatabaseInUseError: .*already in use by another Carepath process/,
      );
      const rows = await db.query<{ v: string }>('SELECT v FROM kept');
      expect(rows).toEqual([{ v: 'still here' }]);
    } finally {
      await db.close();
    }
    // Released on close: the folder opens again with its data.
    const again = await openPglite(dir);
    expect(await again.query('SELECT v FROM kept')).toEqual([{ v: 'still here' }]);
    await again.close();
  });

  it('also refuses a second opener in the same process', async () => {
    const dir = await newDatabaseFolder();
    const db = await openPglite(dir);
    await expect(openPglite(dir)).rejects.toThrow(/already in use/);
    await db.close();
  });
});
