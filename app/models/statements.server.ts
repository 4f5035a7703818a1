import { Param, Placeholder, sql } from 'drizzle-orm';
import type { SQLiteInsertValue, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { getDb, type Tx } from '../../db/client';

/**
 * An insert of one row of `columns` into `table`, for a writer that inserts thousands of rows in
 * one transaction (a plan's import). The statement is built by drizzle from the schema and
 * prepared once; each call binds a row typed by the schema (every column named, null where
 * empty), each value encoded by its column (booleans, dates) as drizzle would, and returns the
 * new rowid. Building the statement for every row, or one multi-row insert of them all, takes
 * about 7 times as long; drizzle's own prepared run() checks the kind of every parameter on every
 * call: the import's writing took 1.5 times as long (bench/import.ts, 5,000 activities: 0.22-0.30 s
 * with this, 0.36-0.43 s with run(), 0.22-0.28 s with raw SQL).
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
  const query = (options.orIgnore ? insert.onConflictDoNothing() : insert).toSQL();
  // The parameters in the order drizzle wrote them: a row's value encoded by its column, or a default drizzle encoded already.
  const bind = query.params.map((param): ((row: Record<string, unknown>) => unknown) => {
    if (!(param instanceof Param)) return () => param;
    const encode = (value: unknown) => (value === null || value === undefined ? null : param.encoder.mapToDriverValue(value));
    if (!(param.value instanceof Placeholder)) {
      const constant = encode(param.value);
      return () => constant;
    }
    const name = param.value.name;
    return (row) => encode(row[name]);
  });
  const statement = getDb().$client.prepare(query.sql);
  return (row: Required<Pick<T['$inferInsert'], K>>): number => Number(statement.run(bind.map((value) => value(row))).lastInsertRowid);
}
