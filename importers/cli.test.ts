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

  it('--dry-run prints a summary with every warning, in Bulgarian unless --lang en', async () => {
    const bg = await cli('tests/fixtures/lovech-2022-2024.csv', '--dry-run');
    expect(bg.code).toBe(0);
    expect(bg.stdout.split('\n')).toEqual([
      'lovech-2022-2024.csv: (без заглавие)',
      '3 области, 32 мерки, 54 дейности, 1 предупреждение',
      '  лист „lovech-2022-2024.csv“, ред 33, колона „Наименование на дейността“: кодът на дейност 2.8.2 е използван два пъти (и на ред 32); запазени са и двете',
      '',
    ]);
    const { code, stdout } = await cli('tests/fixtures/lovech-2022-2024.csv', '--dry-run', '--lang', 'en');
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
    const { code, stdout, stderr } = await cli(pdf, '--dry-run', '--json', '--lang', 'en');
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: 'plan.xlsx: not an Excel .xlsx file (it is a PDF document)\n' });
    const bg = await cli(pdf, '--dry-run');
    expect({ code: bg.code, stderr: bg.stderr }).toEqual({ code: 2, stderr: 'plan.xlsx: това не е файл на Excel .xlsx (това е PDF документ)\n' });
    const missing = await cli('tests/fixtures/no-such-file.xlsx', '--dry-run', '--lang', 'en');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^no-such-file\.xlsx: cannot open the file \(ENOENT.*\)\n$/);
  });
});
