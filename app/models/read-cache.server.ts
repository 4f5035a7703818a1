import { sql } from 'drizzle-orm';
import { getDb, type Db } from '../../db/client';

/** Keys kept per connection; the oldest goes first. */
const CACHE_SIZE = 64;

const caches = new WeakMap<Db, { version: string; values: Map<string, unknown> }>();

/**
 * Changes whenever the database may have changed: PRAGMA data_version moves on every commit
 * by another connection (the CLI, another process), total_changes() on every row this
 * connection inserts, updates or deletes.
 */
function dataVersion(db: Db): string {
  const row = db.get<{ version: number; changes: number }>(
    sql`select (select data_version from pragma_data_version) as version, total_changes() as changes`,
  );
  return `${row.version}:${row.changes}`;
}

/**
 * What read() gives for this key, read once while the database is unchanged: a page viewed
 * again before anyone records anything costs no queries. The key must name everything the
 * result depends on besides the database (today's date included); callers must not change
 * the value returned.
 */
export function whileUnchanged<T>(key: string, read: () => T): T {
  const db = getDb();
  const version = dataVersion(db);
  let cache = caches.get(db);
  if (cache?.version !== version) caches.set(db, (cache = { version, values: new Map() }));
  if (cache.values.has(key)) return cache.values.get(key) as T;
  const value = read();
  if (cache.values.size >= CACHE_SIZE) cache.values.delete(cache.values.keys().next().value!);
  cache.values.set(key, value);
  return value;
}

/** Forgets what was read so far (benchmarks time the reading itself). */
export function clearReadCache(): void {
  caches.delete(getDb());
}
