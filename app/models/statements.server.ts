import { sql } from 'drizzle-orm';
import type { SQLiteInsertValue, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type Database from 'better-sqlite3';
import type { Tx } from '../../db/client';

/**
 * An insert of one row of `columns` into `table`, built by drizzle from the schema and prepared
 * once (drizzle's prepare()), for a writer that inserts thousands of rows in one transaction (a
 * plan's import: building and preparing the statement for every row, or one multi-row insert of
 * them all, takes about 7 times as long; bench/import.ts). Each call binds a row typed by the
 * schema (every column named, null where empty; booleans and dates encoded as the columns say)
 * and returns the new rowid.
 */
export function preparedInsert<T extends SQLiteTable, K extends keyof T['$inferInsert'] & string>(
  tx: Tx,
  table: T,
  columns: readonly K[],
  options: { orIgnore?: boolean } = {},
) {
  // Placeholders for the named columns: the ones left out take their defaults.
  const values = Object.fromEntries(columns.map((column) => [column, sql.placeholder(column)])) as SQLiteInsertValue<T>;
  const insert = tx.insert(table).values(values);
  const statement = (options.orIgnore ? insert.onConflictDoNothing() : insert).prepare();
  return (row: Required<Pick<T['$inferInsert'], K>>): number => Number(statement.run(row).lastInsertRowid);
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * @deprecated Raw SQL with a cast row: left only for the models being moved to drizzle's builder
 * (activity, dashboard, notification, status-update); delete it with their last use.
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
