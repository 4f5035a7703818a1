import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databasePath, getDb } from '../db/client';
import { seedDemo } from '../db/seed';

/** Runs the worker until `until(output)` holds, then SIGKILLs it; returns all it printed. */
function runAndKill(args: string[], until: (output: string) => boolean, delayMs = 0): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'tests/crash/worker.ts', ...args], { env: process.env, detached: true });
    let output = '';
    let killing = false;
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (!killing && until(output)) {
        killing = true;
        setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), delayMs);
      }
    });
    child.on('exit', () => resolve(output));
    child.on('error', reject);
    setTimeout(() => {
      if (!killing) process.kill(-child.pid!, 'SIGKILL');
    }, 60_000);
  });
}

function reopen(): Database.Database {
  const db = new Database(databasePath());
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  return db;
}

const count = (db: Database.Database, sql: string) => (db.prepare(sql).get() as { n: number }).n;

describe('crash safety (SIGKILL)', () => {
  it('keeps a large import all or nothing when the process is killed in the middle', async () => {
    await seedDemo();
    const plansBefore = count(getDb().$client, 'select count(*) as n from plans');
    // The worker prints `started` halfway through the import's transaction and pauses there.
    const output = await runAndKill(['import', '50000'], (o) => o.includes('started'));
    expect(output).not.toContain('committed');
    const db = reopen();
    expect(count(db, 'select count(*) as n from plans')).toBe(plansBefore);
    expect(count(db, "select count(*) as n from measures where title like 'Мярка %'")).toBe(0);
    expect(count(db, "select count(*) as n from owners where name like 'Отговорник %'")).toBe(0);
    expect(count(db, 'select count(*) as n from activities')).toBe(100); // the two demo plans: 54 + 46
    db.close();
  });

  it('keeps exactly the committed status updates of a burst killed midway', async () => {
    const activityId = (getDb().$client.prepare('select min(id) as id from activities').get() as { id: number }).id;
    const before = count(getDb().$client, 'select count(*) as n from status_updates');
    const versionBefore = count(getDb().$client, `select version as n from activities where id = ${activityId}`);
    const auditBefore = count(getDb().$client, "select count(*) as n from audit_events where action = 'status-update'");
    const output = await runAndKill(['updates', String(activityId)], (o) => (o.match(/committed/g) ?? []).length >= 200);
    const acknowledged = (output.match(/committed \d+/g) ?? []).map((line) => Number(line.split(' ')[1]));
    const db = reopen();
    const stored = count(db, 'select count(*) as n from status_updates') - before;
    // Every acknowledged update is there; at most one more was committed but not yet printed.
    expect(stored).toBeGreaterThanOrEqual(acknowledged.length);
    expect(stored - acknowledged.length).toBeLessThanOrEqual(1);
    // The update, its audit event and the version bump were one transaction: all or none.
    expect(count(db, "select count(*) as n from audit_events where action = 'status-update'") - auditBefore).toBe(stored);
    expect(count(db, `select version as n from activities where id = ${activityId}`) - versionBefore).toBe(stored);
    const missing = acknowledged.filter((id) => !db.prepare('select 1 from status_updates where id = ?').get(id));
    expect(missing).toEqual([]);
    db.close();
  });
});
