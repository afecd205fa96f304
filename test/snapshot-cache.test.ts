/**
 * The embedded test databases kept between runs (test/support/global-setup.ts) are rebuilt
 * whenever what they hold could differ: a migration added or edited, the network file, the code
 * that migrates or loads them. Checked on a copy of the inputs, so the project is not touched.
 */
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NETWORK_FILE, PROJECT_ROOT, SNAPSHOT_SOURCES, snapshotKey } from './support/snapshot-cache.js';

/** A folder holding a copy of every input of the key. */
function copyOfInputs(): string {
  const root = mkdtempSync(join(tmpdir(), 'carepath-snapshot-key-'));
  for (const path of ['migrations', 'src/server.ts', NETWORK_FILE, ...SNAPSHOT_SOURCES]) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    cpSync(join(PROJECT_ROOT, path), join(root, path), { recursive: true });
  }
  return root;
}

describe('the key of the kept test databases', () => {
  it('is the same for the same inputs', () => {
    expect(snapshotKey(copyOfInputs())).toBe(snapshotKey());
  });

  it.each([
    [
      'a migration is added',
      (root: string) =>
        writeFileSync(join(root, 'migrations/9999-later.sql'), 'CREATE TABLE later (id int);'),
    ],
    [
      'a migration is edited',
      (root: string) => appendFileSync(join(root, 'migrations/0001-directory.sql'), '\n-- edited\n'),
    ],
    ['the network file changes', (root: string) => appendFileSync(join(root, NETWORK_FILE), ' ')],
    [
      'the network loader changes',
      (root: string) => appendFileSync(join(root, 'src/directory/network-loader.ts'), '\n'),
    ],
    [
      'the migrator changes',
      (root: string) => appendFileSync(join(root, 'src/platform/db/migrate.ts'), '\n'),
    ],
    [
      'the demo schedule starts on another day',
      (root: string) => {
        const server = join(root, 'src/server.ts');
        writeFileSync(server, "export const DEMO_SCHEDULE_START = '2027-01-01';\n");
      },
    ],
  ])('changes when %s', (_what, change) => {
    const root = copyOfInputs();
    const before = snapshotKey(root);
    change(root);
    expect(snapshotKey(root)).not.toBe(before);
  });
});
