import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { getDb } from '../db/client';
import { seedDemo } from '../db/seed';

/** Runs tests/crash/worker.ts to its end; resolves with its exit code and what it printed. */
function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'tests/crash/worker.ts', ...args], { env: process.env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
    child.on('error', reject);
  });
}

describe('several processes writing at once (server workers, the CLI)', () => {
  it('stores every status update when two processes record on the same activity at the same time', async () => {
    await seedDemo();
    const sqlite = getDb().$client;
    const activityId = (sqlite.prepare('select min(id) as id from activities').get() as { id: number }).id;
    const count = () => (sqlite.prepare('select count(*) as n from status_updates where activity_id = ?').get(activityId) as { n: number }).n;
    const version = () => (sqlite.prepare('select version from activities where id = ?').get(activityId) as { version: number }).version;
    const [updatesBefore, versionBefore] = [count(), version()];

    // Each update reads the activity's version, then writes, in one transaction: begun deferred,
    // the second process's transactions would fail with SQLITE_BUSY after the other's commits.
    const results = await Promise.all([run(['updates', String(activityId), '400']), run(['updates', String(activityId), '400'])]);

    for (const result of results) {
      expect(result.output).not.toMatch(/SQLITE_BUSY|Error/);
      expect(result.code).toBe(0);
      expect(result.output.match(/^committed \d+$/gm)).toHaveLength(400);
    }
    expect(count()).toBe(updatesBefore + 800);
    expect(version()).toBe(versionBefore + 800); // no two transactions read the same version
  }, 60_000);
});
