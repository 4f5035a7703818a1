import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;

async function cli(...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'importers/cli.ts', ...args], { cwd: root }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('importers/cli.ts', () => {
  it('--dry-run --json prints exactly the parsed plan', async () => {
    const { code, stdout, stderr } = await cli('tests/fixtures/lovech-2022-2024.xlsx', '--dry-run', '--json');
    const file = 'tests/fixtures/lovech-2022-2024.xlsx';
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(stdout)).toEqual(await parsePlanFile(readFileSync(`${root}${file}`), 'lovech-2022-2024.xlsx'));
  });

  it('--dry-run prints a summary with every warning', async () => {
    const { code, stdout } = await cli('tests/fixtures/lovech-2022-2024.csv', '--dry-run');
    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual([
      'lovech-2022-2024.csv: (no title)',
      '3 areas, 32 measures, 54 activities, 1 warning',
      '  sheet "lovech-2022-2024.csv", row 33, column "Наименование на дейността": activity code 2.8.2 is used twice (also on row 32); both kept',
      '',
    ]);
  });

  it('exits 2 with one line on stderr when the file cannot be read', async () => {
    const pdf = path.join(mkdtempSync(path.join(tmpdir(), 'cli-test-')), 'plan.xlsx');
    writeFileSync(pdf, '%PDF-1.7\n');
    const { code, stdout, stderr } = await cli(pdf, '--dry-run', '--json');
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: 'plan.xlsx: not an Excel .xlsx file (it is a PDF document)\n' });
    const missing = await cli('tests/fixtures/no-such-file.xlsx', '--dry-run');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^no-such-file\.xlsx: cannot open the file \(ENOENT.*\)\n$/);
  });
});
