/**
 * Two database roles on PostgreSQL (decision 20): the owner runs the migrations; the app runs
 * with only what it needs. Above all, the app cannot change the audit trail: no UPDATE, DELETE
 * or TRUNCATE on `audit_events` or `audit_chain`, and as a non-owner it cannot switch off their
 * append-only triggers or drop them. Applied by the owner after each start's migrations, so a new
 * table is granted as soon as it exists.
 */
import type { Queryable } from './database.js';

/** Tables the app may add to and read, never change. */
const APPEND_ONLY = ['audit_events', 'audit_chain'];

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function grantAppRole(owner: Queryable, appRole: string): Promise<void> {
  const [me] = await owner.query<{ user: string }>('SELECT current_user AS user');
  if (me?.user === appRole) return; // one role for both: nothing to separate
  const app = ident(appRole);
  await owner.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
  await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`);
  await owner.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
  await owner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${APPEND_ONLY.join(', ')} FROM ${app}`);
  // The migrations' own bookkeeping: readable (/readyz compares it), not writable.
  await owner.query(`REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM ${app}`);
  // The job queue (pg-boss) creates and upgrades its own schema and tables as the app: it may
  // create a schema (not tables in public, which PostgreSQL 15 closes to non-owners).
  const [db] = await owner.query<{ name: string }>('SELECT current_database() AS name');
  await owner.query(`GRANT CREATE ON DATABASE ${ident(db!.name)} TO ${app}`);
}
