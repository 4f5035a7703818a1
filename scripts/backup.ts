/**
 * npm run backup -- FILE   writes an online backup of the database (DATABASE_PATH) to FILE.
 * Restore: stop the app, copy FILE over the database file (delete its -wal and -shm files), start the app.
 */
import { closeDb, databasePath, getDb } from '../db/client';
import { backupDatabase } from '../db/backup';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run backup -- FILE');
  process.exit(2);
}
try {
  const { pages, bytes } = await backupDatabase(getDb(), file);
  console.log(`Backed up ${databasePath()} to ${file} (${pages} pages, ${(bytes / 1024).toFixed(0)} KiB).`);
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exitCode = 2;
} finally {
  closeDb();
}
