import type { Queryable } from '../platform/db/database.js';
import type { Directory } from './directory.js';
import { loadDirectory } from './directory-store.js';

/**
 * The directory changes rarely (an administrator edits it) and is read by nearly every page,
 * so it is cached briefly. Writers call invalidate(); other app instances pick changes up
 * within the TTL.
 */
export interface DirectoryService {
  get(): Promise<Directory>;
  invalidate(): void;
}

export function createDirectoryService(
  db: Queryable,
  ttlMs = 10_000,
  now = () => Date.now(),
): DirectoryService {
  let cached: { at: number; value: Promise<Directory> } | undefined;
  return {
    get() {
      if (!cached || now() - cached.at > ttlMs) {
        const value = loadDirectory(db);
        cached = { at: now(), value };
        // A failed read must not be cached.
        value.catch(() => {
          if (cached?.value === value) cached = undefined;
        });
      }
      return cached.value;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
