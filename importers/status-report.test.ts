/**
 * Reading a filled-in report back: pure, from a workbook the exporter builds from report
 * data made up here (no database).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rollUp } from '../app/domain/progress';
import { COLUMN_NUMBER, parseActivityKey } from '../app/domain/report-layout';
import { buildReportXlsx } from '../app/exports/report-xlsx.server';
import type { ReportActivity, ReportData } from '../app/models/report.server';
import { readPercent, readStatusReport } from './status-report';

function activity(id: number, code: string, overrides: Partial<ReportActivity> = {}): ReportActivity {
  return {
    id,
    code,
    title: `Дейност ${code}`,
    start: '2023-01-10',
    baselineEnd: '2023-12-15',
    end: '2023-12-15',
    newEnd: null,
    ongoing: false,
    target: 'Целева стойност',
    note: null,
    owners: ['Главен секретар'],
    status: 'in_progress',
    percent: 40,
    overdue: false,
    lateStart: false,
    dueInPeriod: false,
    comment: 'Работи се.',
    completedOn: null,
    lastUpdateAt: null,
    version: 3,
    ...overrides,
  };
}

const ACTIVITIES = [
  activity(11, '1.1.1'),
  activity(12, '1.1.2', { status: 'planned', percent: 0, comment: null }),
  activity(13, '1.2.1', { status: 'done', percent: 100, completedOn: '2023-05-05', comment: 'Изпълнена.' }),
  activity(14, '1.2.2', { status: 'postponed', percent: 30, newEnd: '2024-03-31', end: '2024-03-31' }),
];

function reportData(): ReportData {
  const measures = [
    { id: 1, code: '1.1', title: 'Първа мярка', kind: 'strategic' as const, cafRefs: ['1.1'], activities: ACTIVITIES.slice(0, 2) },
    { id: 2, code: '1.2', title: 'Втора мярка', kind: 'quick_win' as const, cafRefs: ['2.3'], activities: ACTIVITIES.slice(2) },
  ];
  return {
    plan: { id: 7, title: 'План', period: '2023-2024', approvedBy: null, approvedOn: null, organization: 'Администрация' },
    period: { kind: 'quarter', year: 2023, index: 3 },
    periodStart: '2023-07-01',
    periodEnd: '2023-09-30',
    asOf: '2023-09-30',
    preparedBy: null,
    preparedOn: '2023-10-02',
    areas: [{ id: 1, code: '1', title: 'Област', measures, progress: rollUp(ACTIVITIES), dueInPeriod: 0 }],
    totals: rollUp(ACTIVITIES),
    dueInPeriod: 0,
  };
}

type Edit = Partial<Record<'status' | 'percent' | 'comment' | 'completedOn' | 'newEnd' | 'key', ExcelJS.CellValue>>;

/** Exports, then edits cells as a person would in Excel (the percent cell reformatted when `percentFormat` says), and saves again. */
async function filledIn(edits: Record<number, Edit>, lang: 'bg' | 'en' = 'bg', percentFormat: Record<number, string> = {}): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await buildReportXlsx(reportData(), lang)) as unknown as ArrayBuffer);
  const sheet = book.worksheets[1]!;
  sheet.eachRow((row) => {
    const key = parseActivityKey(String(row.getCell(COLUMN_NUMBER.key).value ?? ''));
    const edit = key && edits[key.activityId];
    if (!edit) return;
    for (const [column, value] of Object.entries(edit)) row.getCell(COLUMN_NUMBER[column as keyof Edit]).value = value;
    const cell = row.getCell(COLUMN_NUMBER.percent);
    // A style of its own: exceljs shares a loaded style between the cells that had it.
    if (percentFormat[key.activityId]) cell.style = { ...cell.style, numFmt: percentFormat[key.activityId]! };
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('readStatusReport', () => {
  it('skips every row of a report sent back unchanged', async () => {
    const read = await readStatusReport(await filledIn({}), 'otchet.xlsx');
    expect(read.updates).toEqual([]);
    expect(read.unchanged).toBe(4);
    expect(read.warnings).toEqual([]);
  });

  it('reads a changed status word, with the completion date and the new report text', async () => {
    const read = await readStatusReport(
      await filledIn({ 11: { status: 'изпълнена', completedOn: new Date(Date.UTC(2023, 8, 20)), comment: 'Готово, протокол № 5.' } }),
      'otchet.xlsx',
    );
    expect(read.unchanged).toBe(3);
    expect(read.updates).toEqual([
      expect.objectContaining({
        sheet: 'Отчет по дейности',
        planId: 7,
        activityId: 11,
        code: '1.1.1',
        status: 'done',
        percent: 100, // the word was changed, the old 40% was not: done means 100
        comment: 'Готово, протокол № 5.',
        completedOn: '2023-09-20',
        newEnd: null,
      }),
    ]);
    expect(read.updates[0]!.changed).toMatchObject({ status: true, percent: false, comment: true, completedOn: true, newEnd: false });
  });

  it('moves the status with a percent changed on its own, and keeps the old report text out', async () => {
    // 75 and 30 typed in the export's 0% cells: Excel keeps 0.75 and 0.3.
    const read = await readStatusReport(await filledIn({ 11: { percent: 0.75 }, 12: { percent: 0.3 }, 13: { percent: '80%' } }), 'r.xlsx');
    const byId = Object.fromEntries(read.updates.map((u) => [u.activityId, u]));
    expect(byId[11]).toMatchObject({ status: 'in_progress', percent: 75, comment: null });
    expect(byId[12]).toMatchObject({ status: 'in_progress', percent: 30 }); // planned, then 30 typed
    expect(byId[13]).toMatchObject({ status: 'in_progress', percent: 80 }); // done taken back to 80%
  });

  it('reads postponement words with their new date, and the new end column', async () => {
    const read = await readStatusReport(
      await filledIn({ 11: { status: 'прехвърлена за 2024 г. със срок 30.06.2024' }, 12: { newEnd: new Date(Date.UTC(2024, 1, 29)), comment: 'Нов срок.' } }),
      'r.xlsx',
    );
    const byId = Object.fromEntries(read.updates.map((u) => [u.activityId, u]));
    expect(byId[11]).toMatchObject({ status: 'postponed', percent: 40, newEnd: '2024-06-30' });
    expect(byId[12]).toMatchObject({ status: 'planned', newEnd: '2024-02-29', comment: 'Нов срок.' });
  });

  it('lists unreadable status words, percentages and dates as warnings with sheet, row and column', async () => {
    const read = await readStatusReport(
      await filledIn({ 11: { status: 'горе-долу' }, 12: { percent: 'много' }, 13: { completedOn: '31.02.2023' }, 14: { status: null, percent: null } }),
      'r.xlsx',
    );
    expect(read.updates).toEqual([]);
    expect(read.warnings).toHaveLength(4);
    const rowOf = (id: number) => 8 + 1 + ACTIVITIES.findIndex((a) => a.id === id); // area row at 8, then one row per activity
    expect(read.warnings[0]).toMatchObject({ sheet: 'Отчет по дейности', row: rowOf(11), column: 'Статус' });
    expect(read.warnings[0]!.message).toBe('„горе-долу“ не е статус, който приложението познава (напр. изпълнена, в процес на изпълнение, не е започнала, отложена, отпаднала необходимост или процент).');
    expect(read.warnings[1]).toMatchObject({ row: rowOf(12), column: 'Изпълнение %' });
    expect(read.warnings[2]).toMatchObject({ row: rowOf(13), column: 'Дата на изпълнение' });
    expect(read.warnings[3]).toMatchObject({ row: rowOf(14), column: 'Статус' });
  });

  it('falls back to the activity code when the hidden key was removed', async () => {
    const read = await readStatusReport(await filledIn({ 13: { key: null, status: 'в процес на изпълнение', percent: 0.5 } }), 'r.xlsx');
    expect(read.unchanged).toBe(3);
    expect(read.updates).toEqual([expect.objectContaining({ activityId: null, planId: null, code: '1.2.1', changed: null, status: 'in_progress', percent: 50, comment: 'Изпълнена.' })]);
  });

  it('reads the English export as well', async () => {
    const read = await readStatusReport(await filledIn({ 12: { status: 'Done' } }, 'en'), 'report.xlsx');
    expect(read.updates).toEqual([expect.objectContaining({ activityId: 12, status: 'done', percent: 100 })]);
  });

  it('says so when the file is not an exported report', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Лист1').addRow(['нещо', 'друго']);
    const read = await readStatusReport(new Uint8Array(await book.xlsx.writeBuffer()), 'other.xlsx');
    expect(read.updates).toEqual([]);
    expect(read.warnings[0]!.message).toMatch(/^Нито един лист няма колоните на изтеглен отчет/);
    expect((await readStatusReport(new Uint8Array(await book.xlsx.writeBuffer()), 'other.xlsx', 'en')).warnings[0]!.message).toMatch(/^No sheet has the columns/);
    await expect(readStatusReport(new Uint8Array([1, 2, 3]), 'x.xlsx')).rejects.toThrow(/not an Excel/);
    await expect(readStatusReport(new Uint8Array([1, 2, 3]), 'x.csv')).rejects.toThrow(/expected the .xlsx/);
  });

  it('reads a percent cell by its number format: 1.5 in a 0% or custom % cell is 150% (a warning), 30 in a General cell is 30%', async () => {
    const read = await readStatusReport(
      await filledIn({ 11: { percent: 1.5 }, 12: { percent: 30 }, 13: { percent: 2 }, 14: { percent: 0.25 } }, 'bg', { 12: 'General', 13: '0.0" %"%', 14: '0.0%' }),
      'r.xlsx',
    );
    expect(read.warnings).toEqual([
      { sheet: 'Отчет по дейности', row: expect.any(Number), column: 'Изпълнение %', message: '„150%“ не е процент от 0 до 100.' },
      { sheet: 'Отчет по дейности', row: expect.any(Number), column: 'Изпълнение %', message: '„200%“ не е процент от 0 до 100.' },
    ]);
    expect(read.updates.map((u) => [u.activityId, u.percent])).toEqual([
      [12, 30],
      [14, 25],
    ]);
    expect(readPercent(1.5, true)).toBe('invalid');
    expect(readPercent(-0.1, true)).toBe('invalid');
    expect(readPercent(0.015, true)).toBe(2);
    expect(readPercent(1, true)).toBe(100);
  });

  it('reads percentages as the export writes them and as people type them', () => {
    expect(readPercent(0.6)).toBe(60);
    expect(readPercent(1)).toBe(100);
    expect(readPercent(0)).toBe(0);
    expect(readPercent(45)).toBe(45);
    expect(readPercent('45 %')).toBe(45);
    expect(readPercent('12,5%')).toBe(13);
    expect(readPercent(null)).toBeNull();
    expect(readPercent('150%')).toBe('invalid');
    expect(readPercent(-3)).toBe('invalid');
  });

  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
  it.skipIf(!soffice)('still sees an untouched report as unchanged after LibreOffice saved it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'status-report-lo-'));
    try {
      fs.mkdirSync(path.join(dir, 'out'));
      fs.writeFileSync(path.join(dir, 'report.xlsx'), await filledIn({ 12: { status: 'в процес на изпълнение', percent: 0.2 } }));
      execFileSync(soffice!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'xlsx', '--outdir', path.join(dir, 'out'), path.join(dir, 'report.xlsx')], {
        timeout: 120_000,
        stdio: 'ignore',
      });
      const read = await readStatusReport(fs.readFileSync(path.join(dir, 'out', 'report.xlsx')), 'report.xlsx');
      expect(read.warnings).toEqual([]);
      expect(read.unchanged).toBe(3);
      expect(read.updates).toEqual([expect.objectContaining({ activityId: 12, status: 'in_progress', percent: 20 })]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
