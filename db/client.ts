import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { ensureCafCriteria } from './reference-data';
import { rekeyOwners } from './owner-keys';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = path.resolve('db/migrations');

export function databasePath(): string {
  return path.resolve(process.env.DATABASE_PATH ?? 'data/app.db');
}

/** Opens (creating if needed) a database file, sets the pragmas, applies pending migrations (SQL, then db/owner-keys.ts's data step) and reference data. */
export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  rekeyOwners(db);
  ensureCafCriteria(db);
  return db;
}

// Kept on globalThis so that module reloads in development reuse the one connection.
const holder = globalThis as typeof globalThis & { __planTrackerDb?: Db };

/** The process's one database connection, opened on first use. */
export function getDb(): Db {
  holder.__planTrackerDb ??= openDatabase(databasePath());
  return holder.__planTrackerDb;
}

/** The transaction handle a writeTransaction's function receives. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Runs fn in one transaction that takes the write lock as it begins (BEGIN IMMEDIATE), waiting
 * its turn (busy_timeout) behind another process's write: the server's workers, the CLI and
 * the scripts share the file. A deferred transaction that reads first and then writes would
 * fail at once with SQLITE_BUSY whenever another process committed after its read began.
 */
export function writeTransaction<T>(fn: (tx: Tx) => T): T {
  return getDb().transaction(fn, { behavior: 'immediate' });
}

export function closeDb(): void {
  holder.__planTrackerDb?.$client.close();
  holder.__planTrackerDb = undefined;
}
