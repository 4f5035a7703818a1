import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { getDb } from '../db/client';
import { seedDemo } from '../db/seed';

const run = promisify(execFile);

describe('backup and restore', () => {
  it('backs up the running database with npm run backup, and the copy restores every row', async () => {
    await seedDemo();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-backup-'));
    const file = path.join(dir, 'backup.db');
    // The app keeps writing while the CLI, another process, takes the backup.
    getDb().$client.prepare("update plans set title = title || ' (в работа)'").run();
    const { stdout } = await run('npx', ['tsx', 'scripts/backup.ts', file], { env: process.env });
    expect(stdout).toMatch(/^Backed up .* to .*backup\.db \(\d+ pages, \d+ KiB\)\./);

    // Restore: copy the backup over a database file and open it as the app would.
    const restoredPath = path.join(dir, 'restored.db');
    fs.copyFileSync(file, restoredPath);
    const restored = new Database(restoredPath, { readonly: true });
    const count = (db: Database.Database, table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    for (const table of ['plans', 'activities', 'status_updates', 'users', 'owners', 'schedule_changes']) {
      expect(count(restored, table)).toBe(count(getDb().$client, table));
    }
    expect(count(restored, 'activities')).toBe(100); // the two demo plans: 54 + 46
    expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
    restored.close();

    await expect(run('npx', ['tsx', 'scripts/backup.ts', file], { env: process.env })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('already exists'),
    });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
