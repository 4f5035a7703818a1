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

  it('--map reads a file the guess cannot read; without it the file is refused with exit 2, never an empty plan', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-map-'));
    const csv = path.join(dir, 'plan.csv');
    writeFileSync(csv, 'Поред;Предприети стъпки;Кой;Кога\n1;Среща с граждани;Кмет;30.06.2024\n2;Нов сайт;ИТ;2024\n');
    const refused = await cli(csv, '--dry-run', '--json', '--lang', 'en');
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^plan\.csv: no header row found in any sheet/);

    const mapping = path.join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({
      version: 1,
      sheets: [{ sheet: '*', headerRows: [1], columns: { A: 'code', B: 'activity', C: 'owners', D: 'period' }, levels: { by: 'every-row' } }],
    }));
    const { code, stdout, stderr } = await cli(csv, '--dry-run', '--json', '--map', mapping, '--lang', 'en');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const plan = JSON.parse(stdout);
    expect(plan.areas[0].measures.map((m: { code: string; title: string; activities: { code: string; end: string; owners: string[] }[] }) =>
      [m.code, m.title, m.activities.map((a) => [a.code, a.end, a.owners])])).toEqual([
      ['1', 'Среща с граждани', [['1.1', '2024-06-30', ['Кмет']]]],
      ['2', 'Нов сайт', [['2.1', '2024-12-31', ['ИТ']]]],
    ]);
  });

  it('exits 1 naming what is wrong with a mapping', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-map-'));
    const mapping = path.join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ version: 1, sheets: [{ sheet: '*', headerRows: [1], columns: { A: 'title' }, levels: { by: 'columns' } }] }));
    const { code, stderr } = await cli('tests/fixtures/lovech-2022-2024.csv', '--dry-run', '--map', mapping, '--lang', 'en');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^mapping\.json: not a mapping the importer can apply \(sheets\.0\.columns\.A: Invalid enum value/);
  });
});
