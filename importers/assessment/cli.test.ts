import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { workbookBytes } from '../test-support';
import { parseAssessmentFile } from './index';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(path.join(tmpdir(), 'assessment-cli-'));

async function cli(...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'scripts/assessment-cli.ts', ...args], { cwd: root }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

async function file(name: string, rows: (string | number | null)[][]): Promise<{ filePath: string; bytes: Uint8Array }> {
  const bytes = await workbookBytes([{ name: 'Оценки', rows }]);
  const filePath = path.join(dir, name);
  writeFileSync(filePath, bytes);
  return { filePath, bytes };
}

describe('scripts/assessment-cli.ts', () => {
  it('import FILE --dry-run --json prints exactly the parsed assessment (exit 0)', async () => {
    const { filePath, bytes } = await file('ok.xlsx', [
      ['Подкритерий', 'Оценка', 'Силни страни', 'Области за подобрение'],
      ['1.1', 45, 'Мисия', 'Визия'],
      ['1.2', 'много', null, null],
    ]);
    const { code, stdout, stderr } = await cli('import', filePath, '--dry-run', '--json');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(stdout)).toEqual(await parseAssessmentFile(bytes, 'ok.xlsx'));
    expect(Object.keys(JSON.parse(stdout))).toEqual(['title', 'scoring', 'subCriteria', 'warnings']);
  });

  it('--dry-run prints a summary with every warning where it is, in English with --lang en', async () => {
    const { filePath } = await file('sum.xlsx', [
      ['Sub-criterion', 'Score', 'Strengths'],
      ['1.1', 45, 'Mission\nVision'],
      ['1.2', 'a lot', null],
    ]);
    const { code, stdout } = await cli('import', filePath, '--dry-run', '--lang', 'en');
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 3)).toEqual([
      'sum.xlsx: sum (classical scoring)',
      '2 sub-criteria, 2 strengths, 0 areas for improvement, 2 warnings',
      '  sheet "Оценки", row 3, column "Score": "a lot" is not a score from 0 to 100; not read',
    ]);
  });

  it('exit 2 when nothing in the file is a self-assessment, naming the file and sheet', async () => {
    const { filePath } = await file('plan.xlsx', [['Дейност', 'Срок'], ['Обучение', '2024']]);
    const { code, stdout, stderr } = await cli('import', filePath, '--dry-run', '--json');
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(/^plan\.xlsx: нито един лист няма таблица на самооценка.*„Оценки“/);
  });

  it('exit 1 on wrong arguments or a file that is not there', async () => {
    expect((await cli('import', 'x.xlsx')).code).toBe(1); // no --dry-run
    expect((await cli('export', 'x.xlsx', '--dry-run')).code).toBe(1);
    const missing = await cli('import', path.join(dir, 'missing.xlsx'), '--dry-run');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^missing\.xlsx: файлът не може да бъде отворен/);
  });
});
