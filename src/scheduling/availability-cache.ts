/**
 * Open times, remembered between searches while nothing that changes them has changed.
 *
 * A search's answer depends on the directory (working and opening hours, visit types), on the
 * visits, holds and time off of its clinicians, on its clinics' closures, and on the clock.
 * - The directory: entries belong to one loaded directory object; a reload (every few seconds,
 *   or after an administrator's change) starts afresh.
 * - Visits, holds, time off and closures: the database raises a version number per clinician
 *   and per clinic on every such write, in the writing transaction (migrations/0018). An entry
 *   remembers the versions it was computed at and is used only while they are unchanged, so a
 *   booking on another instance is seen by the next search here.
 * - The clock: entries hold every open time of their dates regardless of notice and horizon,
 *   and each answer is cut to the notice and horizon of its own moment. A waiting-list hold
 *   stops taking time when it lapses, without any write: an entry that saw a hold is not used
 *   past the hold's end.
 */
import type { Directory } from '../directory/index.js';
import type { Queryable } from '../platform/db/database.js';
import type { Slot } from './slots.js';

const MAX_ENTRIES = 500;

interface Entry {
  versions: string;
  slots: Slot[];
  /** Epoch ms after which the entry may be wrong (a hold it saw lapses then). */
  validUntil: number;
}

export class AvailabilityCache {
  private directory: Directory | undefined;
  private entries = new Map<string, Entry>();
  hits = 0;
  misses = 0;

  /**
   * The open times for a search (`key` names it), from memory when still valid, else computed.
   * `compute` returns every open time of the dates, without notice or horizon, and the moment
   * from which it may be wrong (a hold's end), if any.
   */
  async get(
    db: Queryable,
    d: Directory,
    key: string,
    scopes: string[],
    now: number,
    compute: () => Promise<{ slots: Slot[]; validUntil: number }>,
  ): Promise<Slot[]> {
    if (this.directory !== d) {
      this.directory = d;
      this.entries.clear();
    }
    // Versions first, then the data: a write between the two makes the data newer than its
    // versions, which only costs a recomputation later, never a stale answer.
    const versions = await readVersions(db, scopes);
    const entry = this.entries.get(key);
    if (entry && entry.versions === versions && now < entry.validUntil) {
      this.hits++;
      // Most recently used last, so the oldest goes first when full.
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.slots;
    }
    this.misses++;
    const computed = await compute();
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { versions, ...computed });
    return computed.slots;
  }
}

async function readVersions(db: Queryable, scopes: string[]): Promise<string> {
  const rows = await db.query<{ scope: string; version: number | string }>(
    'SELECT scope, version FROM availability_versions WHERE scope = ANY($1::text[]) ORDER BY scope',
    [scopes],
  );
  return rows.map((r) => `${r.scope}=${r.version}`).join(',');
}
