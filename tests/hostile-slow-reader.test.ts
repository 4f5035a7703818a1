/**
 * A good file read by a busy server: exceljs writes each sheet that comes before the shared
 * strings to a temporary file, and when that is slow (a loaded machine) unzipper used to end
 * the zip early, so xl/workbook.xml, the last entry of exceljs-written files, was never read.
 * The temp files are made slow here, on purpose, so the race is the same on every run.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlanFile } from '../importers';
import { workbookBytes } from '../importers/test-support';

const requireFromExceljs = createRequire(createRequire(import.meta.url).resolve('exceljs/lib/stream/xlsx/workbook-reader.js'));
const tmp = requireFromExceljs('tmp') as { file: (callback: (...args: unknown[]) => void) => void };
const tmpFile = tmp.file;

beforeAll(() => {
  tmp.file = (callback) => tmpFile((...args) => setTimeout(() => callback(...args), 30));
});
afterAll(() => {
  tmp.file = tmpFile;
});

describe('an exceljs-written workbook read while the server is slow', () => {
  it('is read whole, its sheet names included', async () => {
    const header = ['Мярка', 'Дейност', 'Начало', 'Край'];
    const bytes = await workbookBytes([
      { name: 'Указания', rows: [['Попълнете таблицата.']] },
      { name: 'Област 1', rows: [header, ['1.1. Мярка', '1.1.1. Дейност', '01.03.2023', '30.06.2023']] },
    ]);
    const plan = await parsePlanFile(bytes, 'plan.xlsx');
    expect(plan.areas.map((area) => area.title)).toEqual(['Област 1']);
    expect(plan.warnings).toEqual([expect.objectContaining({ sheet: 'Указания' })]);
  });
});
