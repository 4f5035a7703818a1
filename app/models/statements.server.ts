import type Database from 'better-sqlite3';

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * The connection's prepared statement for this SQL, prepared once: parsing and planning a
 * statement costs more than running a small one (a status update runs five). Only for
 * statements used as they are (no .pluck()/.raw() mode changes, which would leak to other callers).
 */
export function prepared(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = sqlite.prepare(sql)));
  return statement;
}
