import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { preparedDump } from '../../../test/support/test-db.js';
import { openPglite, PGLITE_BUFFER_POOL } from './pglite.js';

const bufferPool = async (dir: string) => {
  const db = await openPglite(dir);
  try {
    return (await db.query<{ shared_buffers: string }>('SHOW shared_buffers'))[0]!.shared_buffers;
  } finally {
    await db.close();
  }
};

it('gives the embedded database a small buffer pool from its second start, unless one was set', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'carepath-buffers-')), 'pglite');
  // A folder as initdb leaves it: 128 MB in postgresql.conf, nothing set by ALTER SYSTEM (the
  // run's dumps set 16 MB; resetting that stands in for a new folder without its initdb).
  const folder = await openPglite(dir, { snapshot: preparedDump('empty')! });
  await folder.exec('ALTER SYSTEM RESET shared_buffers');
  await folder.close();
  expect(await bufferPool(dir)).toBe('128MB'); // this start writes the setting...
  expect(await bufferPool(dir)).toBe(PGLITE_BUFFER_POOL); // ...which the next one uses.

  // A value someone chose is kept.
  const chosen = await openPglite(dir);
  await chosen.exec("ALTER SYSTEM SET shared_buffers = '64MB'");
  await chosen.close();
  expect(await bufferPool(dir)).toBe('64MB');
  expect(await bufferPool(dir)).toBe('64MB');
});
