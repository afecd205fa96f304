import type { Config } from '../../config.js';
import type { Database } from './database.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

export async function openDatabase(database: Config['database']): Promise<Database> {
  if (database.kind === 'postgres') return openPostgres(database.url, { max: database.poolSize });
  return openPglite(database.dir);
}
