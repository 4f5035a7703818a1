import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { getDb } from '../db/client';
import { activities, organizations, plans } from '../db/schema';

const run = promisify(execFile);

/** npm run import (scripts/import.ts), in this test file's database (DATABASE_PATH from tests/setup). */
async function importCommand(script: string, ...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', script, ...args], { env: process.env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

const planCount = () => getDb().select().from(plans).all().length;

describe('npm run import (scripts/import.ts)', () => {
  it('writes the plan to the database with the organization and title given', async () => {
    const before = planCount();
    const { code, stdout, stderr } = await importCommand('scripts/import.ts', 'tests/fixtures/lovech-2022-2024.xlsx', '--org', 'Община Тест', '--title', 'План 2025', '--lang', 'en');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const planId = Number(/imported as plan (\d+)$/m.exec(stdout)?.[1]);
    expect(planCount()).toBe(before + 1);
    const plan = getDb().select().from(plans).all().find((p) => p.id === planId)!;
    expect(plan.title).toBe('План 2025');
    expect(getDb().select().from(organizations).all().find((o) => o.id === plan.organizationId)?.name).toBe('Община Тест');
    expect(getDb().select().from(activities).all().filter((a) => a.planId === planId)).toHaveLength(54);
  });

  it('--dry-run prints the plan and writes nothing', async () => {
    const before = planCount();
    const { code, stdout } = await importCommand('scripts/import.ts', 'tests/fixtures/lovech-2022-2024.csv', '--dry-run', '--lang', 'en');
    expect(code).toBe(0);
    expect(stdout).toContain('3 areas, 32 measures, 54 activities, 1 warning');
    expect(planCount()).toBe(before);
  });

  it("the importer's own command (importers/cli.ts) never writes: without --dry-run it prints the plan, and refuses --org", async () => {
    const before = planCount();
    const read = await importCommand('importers/cli.ts', 'tests/fixtures/lovech-2022-2024.csv', '--lang', 'en');
    expect(read.code).toBe(0);
    expect(read.stdout).toContain('3 areas, 32 measures, 54 activities, 1 warning');
    const refused = await importCommand('importers/cli.ts', 'tests/fixtures/lovech-2022-2024.csv', '--org', 'X');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Unknown option '--org'");
    expect(planCount()).toBe(before);
  });
});
