/**
 * Migration 0003 (status_updates.as_of): updates recorded before it report on the day they
 * were recorded, in Sofia, across both clock changes; nothing else of them changes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, expect, it } from 'vitest';
import { dateOfTimestampInSofia } from '~/domain/dates';
import { MIGRATIONS_FOLDER } from '../db/client';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'status-as-of-migration-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The migrations folder as it was before 0003. */
function migrationsBefore(tag: string): string {
  const folder = path.join(dir, 'migrations');
  fs.cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta/_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((entry) => entry.tag === tag);
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

it('backfills the as-of day of existing updates from when they were recorded, in Sofia', () => {
  const sqlite = new Database(path.join(dir, 'old.db'));
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle(sqlite);
  migrate(db, { migrationsFolder: migrationsBefore('0003_status_as_of') });
  sqlite.exec(`insert into organizations (id, name, created_at) values (1, 'О', 0)`);
  sqlite.exec(`insert into plans (id, organization_id, title, created_at) values (1, 1, 'П', 0)`);
  sqlite.exec(`insert into areas (id, plan_id, code, title, position) values (1, 1, '1', 'О', 0)`);
  sqlite.exec(`insert into measures (id, area_id, plan_id, code, title, position) values (1, 1, 1, '1.1', 'М', 0)`);
  sqlite.exec(`insert into activities (id, plan_id, measure_id, code, title, position, created_at) values (1, 1, 1, '1.1.1', 'Д', 0, 0)`);
  const moments = [
    Date.UTC(2023, 8, 30, 20, 59, 59, 999), // 23:59 on 30 Sept in Sofia (EEST)
    Date.UTC(2023, 8, 30, 21, 0, 0, 0), // 00:00 on 1 Oct in Sofia
    Date.UTC(2023, 11, 31, 21, 59, 59, 999), // 23:59 on 31 Dec (EET)
    Date.UTC(2023, 11, 31, 22, 0, 0, 0), // 00:00 on 1 Jan
    Date.UTC(2024, 2, 31, 0, 59, 59, 999), // 31 Mar 2024, just before the clocks go forward
    Date.UTC(2024, 2, 31, 21, 0, 0, 0), // 00:00 on 1 Apr (EEST)
    Date.UTC(2024, 9, 26, 21, 0, 0, 0), // 00:00 on 27 Oct (still EEST; back at 04:00)
    Date.UTC(2024, 9, 27, 21, 30, 0, 0), // 23:30 on 27 Oct (EET again)
    Date.UTC(2025, 2, 29, 22, 30, 0, 0), // 00:30 on 30 Mar 2025 (EET)
  ];
  const insert = sqlite.prepare(`insert into status_updates (activity_id, status, percent, comment, created_at) values (1, 'in_progress', ?, ?, ?)`);
  moments.forEach((ms, i) => insert.run(i, `update ${i}`, ms));
  sqlite.exec(`delete from status_updates where id = ${moments.length}`);
  insert.run(99, 'after a deleted one', moments[0]!);

  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });

  const rows = sqlite.prepare('select id, percent, comment, as_of as asOf, created_at as createdAt from status_updates order by id').all() as {
    id: number;
    percent: number;
    comment: string;
    asOf: string;
    createdAt: number;
  }[];
  expect(rows.map((row) => row.asOf)).toEqual([...moments.slice(0, -1), moments[0]!].map(dateOfTimestampInSofia));
  expect(rows.slice(0, 4).map((row) => row.asOf)).toEqual(['2023-09-30', '2023-10-01', '2023-12-31', '2024-01-01']);
  expect(rows.at(-1)).toMatchObject({ id: moments.length + 1, percent: 99, comment: 'after a deleted one', createdAt: moments[0] });
  // A deleted update's id is not given again.
  const next = sqlite.prepare(`insert into status_updates (activity_id, status, as_of, created_at) values (1, 'done', '2024-01-01', 0)`).run();
  expect(Number(next.lastInsertRowid)).toBe(moments.length + 2);
  expect(sqlite.prepare(`select name from sqlite_master where tbl_name = 'status_updates' and type = 'index' order by name`).pluck().all()).toEqual([
    'status_updates_activity_idx',
    'status_updates_latest_idx',
  ]);
  expect(() => sqlite.prepare(`insert into status_updates (activity_id, status, created_at) values (1, 'done', 0)`).run()).toThrow(/NOT NULL/);
  expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  sqlite.close();
});
