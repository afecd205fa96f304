/**
 * `npm run db:backup -- <file>` and `npm run db:restore -- <file>`: the embedded database
 * (PGLITE_DIR) to and from one file, with the app stopped. On PostgreSQL, use pg_dump and
 * pg_restore (docs/operations.md).
 */
import { loadConfig } from '../../config.js';
import { backupPglite, restorePglite } from './backup.js';

const [command, file] = process.argv.slice(2);
const config = loadConfig();
try {
  if (config.database.kind !== 'pglite' || config.database.dir === 'memory')
    throw new Error(
      'This backs up the embedded database (PGLITE_DIR). For PostgreSQL use pg_dump and pg_restore: see docs/operations.md.',
    );
  if (!file || (command !== 'backup' && command !== 'restore'))
    throw new Error('Usage: npm run db:backup -- <file>, or npm run db:restore -- <file>');
  if (command === 'backup') {
    const bytes = await backupPglite(config.database.dir, file);
    process.stdout.write(`Backed up ${config.database.dir} to ${file} (${(bytes / 1e6).toFixed(1)} MB).\n`);
  } else {
    await restorePglite(file, config.database.dir);
    process.stdout.write(`Restored ${file} into ${config.database.dir}. Start the app with npm start.\n`);
  }
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
