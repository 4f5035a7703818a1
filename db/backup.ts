import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './client';

/** An online backup (SQLite's backup API): safe while the app is running and writing. */
export async function backupDatabase(db: Db, file: string): Promise<{ pages: number; bytes: number }> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new Error(`${target} already exists; choose a new file name`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const { totalPages } = await db.$client.backup(target);
  return { pages: totalPages, bytes: fs.statSync(target).size };
}
