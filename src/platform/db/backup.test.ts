/**
 * A backup of the embedded database restores into a new directory, and the product starts on it
 * with the visits it had. A backup is refused while the app runs; a restore never overwrites.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bookFirstOpenTime, readVisit, startProduct } from '../../../test/support/running.js';
import { preparedDump } from '../../../test/support/test-db.js';
import type { Running } from '../../server.js';
import { backupPglite, restorePglite } from './backup.js';
import { openPglite } from './pglite.js';

const folder = mkdtempSync(join(tmpdir(), 'carepath-backup-'));
const running: Running[] = [];
afterAll(async () => {
  for (const r of running) await r.stop().catch(() => undefined);
});

describe('backing up and restoring the embedded database', () => {
  it('restores a backup that the product starts on, with its visits', async () => {
    const original = join(folder, 'original');
    // The run's migrated demo database, as a first start would leave it (a dump file on the
    // embedded run; the PostgreSQL run's copies are template databases, so there the first start
    // builds it).
    const demo = preparedDump('demo');
    if (demo) await (await openPglite(original, { snapshot: demo })).close();
    const first = await startProduct({ PGLITE_DIR: original });
    running.push(first);
    const visit = await bookFirstOpenTime(first.url);
    // While the app runs, the database is locked: no backup of a database mid-write.
    await expect(backupPglite(original, join(folder, 'too-soon.tar.gz'))).rejects.toThrow(/in use|lock/i);
    await first.stop();

    const file = join(folder, 'carepath.tar.gz');
    expect(await backupPglite(original, file)).toBeGreaterThan(100_000);
    // A restore never overwrites a database.
    await expect(restorePglite(file, original)).rejects.toThrow(/not empty/);
    const restored = join(folder, 'restored');
    await restorePglite(file, restored);

    const again = await startProduct({ PGLITE_DIR: restored });
    running.push(again);
    expect((await (await fetch(`${again.url}/readyz`)).json()).status).toBe('ready');
    const read = await readVisit(again.url, visit);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: visit.id, status: 'booked' });
    // Two starts of the real product and a backup in between: about 20 s on a quiet machine, and
    // over 30 s when CI shares its two cores. The limit only guards against a hang.
  }, 120_000);
});
