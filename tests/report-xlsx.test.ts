/**
 * The quarterly report workbook, read back with exceljs: the summary sheet, the detail sheet
 * in the plan's own layout (merges, dates, hidden key, overdue highlight, frozen header,
 * print setup) and the formula-injection rule; half-year and year reports; the route.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { columnHeader, COLUMN_NUMBER, DETAIL_COLUMNS, parseActivityKey } from '~/domain/report-layout';
import { buildReportXlsx, DETAIL_FIRST_DATA_ROW, DETAIL_HEADER_ROW, SUMMARY_HEADER_ROW, XLSX_CONTENT_TYPE } from '~/exports/report-xlsx.server';
import { defaultReportPeriod, getReportData, reportablePeriods, reportAsOf, ReportPeriodError, type ReportData } from '~/models/report.server';
import { periodKey } from '~/domain/quarters';
import { getUserByEmail } from '~/models/user.server';
import { loader as xlsxLoader } from '~/routes/reports.$planId[.xlsx]';
import { DEMO_USERS, seedDemo } from '../db/seed';
import { getDb } from '../db/client';
import { call, makeRequest } from './helpers';
import { readZipEntries } from './report-zip';

const Q3_2023 = { kind: 'quarter', year: 2023, index: 3 } as const;
let planId: number;
let report: ReportData;
let workbook: ExcelJS.Workbook;
let bytes: Buffer;

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}

function text(cell: ExcelJS.Cell): string {
  return cell.value === null || cell.value === undefined ? '' : String(cell.value);
}

beforeAll(async () => {
  await seedDemo();
  planId = (getDb().$client.prepare('select id from plans').get() as { id: number }).id;
  report = getReportData(planId, Q3_2023, { preparedBy: 'Мария Петрова', today: '2026-01-15' })!;
  bytes = await buildReportXlsx(report, 'bg');
  workbook = await load(bytes);
});

describe('report data', () => {
  it('takes the state as of the last day of the period, or today while it runs', () => {
    expect(report.asOf).toBe('2023-09-30');
    expect(reportAsOf(Q3_2023, '2023-08-10')).toBe('2023-08-10');
    expect(() => reportAsOf(Q3_2023, '2023-06-30')).toThrow(ReportPeriodError);
  });

  it('offers the periods from the plan\'s first date to today\'s (after the plan\'s end too), newest first, never past today', () => {
    const quarters = reportablePeriods(planId, 'quarter', '2026-01-15').map(periodKey);
    expect(quarters[0]).toBe('2026-Q1');
    expect(quarters.at(-1)).toBe('2022-Q1');
    expect(quarters).toHaveLength(17);
    const running = reportablePeriods(planId, 'quarter', '2023-08-10');
    expect(running.map(periodKey)[0]).toBe('2023-Q3');
    expect(periodKey(defaultReportPeriod(running, '2023-08-10')!)).toBe('2023-Q2');
    expect(reportablePeriods(planId, 'half', '2026-01-15').map(periodKey)).toEqual(['2026-H1', '2025-H2', '2025-H1', '2024-H2', '2024-H1', '2023-H2', '2023-H1', '2022-H2', '2022-H1']);
    expect(reportablePeriods(planId, 'year', '2026-01-15').map(periodKey)).toEqual(['2026', '2025', '2024', '2023', '2022']);
    expect(reportablePeriods(planId, 'quarter', '2021-05-01').map(periodKey)).toEqual(['2021-Q2']); // before the plan starts: the running one
  });

  it('groups the 54 activities of the demo plan by its 3 areas and 32 measures', () => {
    expect(report.areas.map((a) => a.code)).toEqual(['1', '2', '3']);
    expect(report.areas.flatMap((a) => a.measures)).toHaveLength(32);
    expect(report.totals.total).toBe(54);
    expect(report.areas.reduce((n, a) => n + a.progress.total, 0)).toBe(54);
  });
});

describe('summary sheet', () => {
  it('is the first sheet, with the organization, plan, period, as-of date and who prepared it', () => {
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Обобщение');
    const info = Object.fromEntries([3, 4, 5, 6, 7, 8, 9].map((r) => [text(sheet.getCell(r, 1)), sheet.getCell(r, 2).value]));
    expect(info['Администрация']).toBe('Областна администрация Ловеч');
    expect(info['План']).toBe(report.plan.title);
    expect(info['Период на плана']).toBe('2022-2024');
    expect(info['Отчетен период']).toBe('III тримесечие 2023 (01.07.2023 – 30.09.2023)');
    expect(info['Състояние към']).toEqual(new Date(Date.UTC(2023, 8, 30)));
    expect(sheet.getCell(7, 2).numFmt).toBe('dd.mm.yyyy');
    expect(info['Изготвил']).toBe('Мария Петрова');
    expect(info['Дата на изготвяне']).toEqual(new Date(Date.UTC(2026, 0, 15)));
  });

  it('counts per area and in total, as the report data says', () => {
    const sheet = workbook.worksheets[0]!;
    expect(text(sheet.getCell(SUMMARY_HEADER_ROW, 1))).toBe('Област');
    expect(text(sheet.getCell(SUMMARY_HEADER_ROW, 8))).toBe('Просрочени');
    report.areas.forEach((area, i) => {
      const row = sheet.getRow(SUMMARY_HEADER_ROW + 1 + i);
      expect(text(row.getCell(1))).toBe(`Област ${area.code}: ${area.title}`);
      expect(row.getCell(2).value).toBe(area.progress.total);
      expect(row.getCell(3).value).toBe(area.progress.done);
      expect(row.getCell(4).value).toBe(area.progress.byStatus.in_progress);
      expect(row.getCell(5).value).toBe(area.progress.byStatus.planned);
      expect(row.getCell(8).value).toBe(area.progress.overdue);
      expect(row.getCell(10).value).toBeCloseTo(Math.round(area.progress.meanPercent!) / 100, 5);
    });
    const total = sheet.getRow(SUMMARY_HEADER_ROW + 1 + report.areas.length);
    expect(text(total.getCell(1))).toBe('Общо');
    expect(total.getCell(2).value).toBe(54);
    expect(total.getCell(3).value).toBe(report.totals.done);
    expect(total.getCell(8).value).toBe(report.totals.overdue);
    expect(report.totals.overdue).toBeGreaterThan(0);
  });
});

describe('detail sheet', () => {
  const detail = () => workbook.worksheets[1]!;

  it('has the plan\'s own columns, then the status columns and a hidden key', () => {
    const sheet = detail();
    expect(sheet.name).toBe('Отчет по дейности');
    const headers = Array.from({ length: 15 }, (_, i) => text(sheet.getCell(DETAIL_HEADER_ROW, i + 1)));
    expect(headers).toEqual([
      'Мярка',
      'Наименование на дейността',
      'Стратегически мерки',
      'Бързи победи',
      'Начало (дата)',
      'Край (дата)',
      'Целеви стойности на резултата',
      'Отговорници и подпомагачи',
      'Забележка',
      'Статус',
      'Изпълнение %',
      'Отчет',
      'Дата на изпълнение',
      'Ново крайно време',
      'Ключ',
    ]);
    expect(headers).toEqual(DETAIL_COLUMNS.map((column) => columnHeader(column, 'bg')));
    expect(text(sheet.getCell(DETAIL_HEADER_ROW + 1, 1))).toBe('1.');
    expect(text(sheet.getCell(DETAIL_HEADER_ROW + 1, 14))).toBe('14.');
    expect(sheet.getColumn(COLUMN_NUMBER.key).hidden).toBe(true);
    expect(sheet.getColumn(COLUMN_NUMBER.status).hidden).toBe(false);
  });

  it('merges area rows across the table and draws each measure as one block over its activities', () => {
    const sheet = detail();
    const merges = new Set(sheet.model.merges);
    const first = DETAIL_FIRST_DATA_ROW;
    expect(text(sheet.getCell(first, 1))).toMatch(/^Област 1: Стратегическо планиране/);
    expect(merges.has(`A${first}:N${first}`)).toBe(true);
    // Measure 1.1 has two activities: its cell and its CAF reference stand in the first row, not
    // merged (no spreadsheet fits a row to a merged cell), with no border between the two rows.
    expect(text(sheet.getCell(first + 1, 1))).toMatch(/^1\.1\. Разработване на Стратегия/);
    expect(text(sheet.getCell(first + 2, 1))).toBe('');
    expect([...merges].filter((m) => !/^A(\d+):N\1$/.test(m))).toEqual(['J5:N5']); // and the hint above the status columns
    for (const column of [1, 3, 4]) {
      expect(sheet.getCell(first + 1, column).border).toMatchObject({ top: { style: 'thin' } });
      expect(sheet.getCell(first + 1, column).border.bottom).toBeUndefined();
      expect(sheet.getCell(first + 2, column).border.top).toBeUndefined();
      expect(sheet.getCell(first + 2, column).border).toMatchObject({ bottom: { style: 'thin' } });
    }
    expect(sheet.getCell(first + 1, 2).border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' } });
    expect(text(sheet.getCell(first + 1, 3))).toBe('1.1');
    expect(text(sheet.getCell(first + 1, 2))).toBe('1.1.1. Създаване на работна група за разработване на Стратегията.');
    expect(text(sheet.getCell(first + 2, 2))).toMatch(/^1\.1\.2\. /);
    // 1.2 is a quick win: the reference stands in "Бързи победи".
    expect(text(sheet.getCell(first + 3, 4))).toBe('2.3');
    expect(text(sheet.getCell(first + 3, 3))).toBe('');
    const fullWidth = [...merges].filter((m) => /^A(\d+):N\1$/.test(m)).map((m) => Number(/\d+/.exec(m)![0]));
    expect(fullWidth.filter((r) => r < DETAIL_HEADER_ROW)).toEqual([1, 2, 3, 4]); // the title block
    expect(fullWidth.filter((r) => r >= DETAIL_FIRST_DATA_ROW)).toHaveLength(3); // one per area
  });

  it('writes dates as real dates shown dd.mm.yyyy, "текущо" for ongoing, and the status columns', () => {
    const sheet = detail();
    const row = sheet.getRow(DETAIL_FIRST_DATA_ROW + 1);
    expect(row.getCell(COLUMN_NUMBER.start).value).toEqual(new Date(Date.UTC(2022, 2, 14)));
    expect(row.getCell(COLUMN_NUMBER.start).numFmt).toBe('dd.mm.yyyy');
    expect(row.getCell(COLUMN_NUMBER.end).value).toEqual(new Date(Date.UTC(2022, 2, 18)));
    expect(text(row.getCell(COLUMN_NUMBER.owners))).toBe('Главен секретар, директори на дирекции');
    const ongoing = sheet.getRow(DETAIL_FIRST_DATA_ROW + 4); // 1.2.2 is ongoing
    expect(text(ongoing.getCell(COLUMN_NUMBER.activity))).toMatch(/^1\.2\.2\. /);
    expect(text(ongoing.getCell(COLUMN_NUMBER.start))).toBe('текущо');

    const all = report.areas.flatMap((a) => a.measures.flatMap((m) => m.activities));
    const byKey = new Map<number, ExcelJS.Row>();
    sheet.eachRow((r) => {
      const key = parseActivityKey(text(r.getCell(COLUMN_NUMBER.key)));
      if (key) {
        expect(key.planId).toBe(planId);
        byKey.set(key.activityId, r);
      }
    });
    expect(byKey.size).toBe(54);
    const labels = { planned: 'Планирана', in_progress: 'В изпълнение', done: 'Изпълнена', postponed: 'Отложена', cancelled: 'Отменена' };
    for (const activity of all) {
      const r = byKey.get(activity.id)!;
      expect(text(r.getCell(COLUMN_NUMBER.activity))).toBe(`${activity.code}. ${activity.title}`);
      expect(text(r.getCell(COLUMN_NUMBER.status))).toBe(labels[activity.status]);
      expect(r.getCell(COLUMN_NUMBER.percent).value).toBeCloseTo(activity.percent / 100, 5);
      expect(r.getCell(COLUMN_NUMBER.percent).numFmt).toBe('0%');
      expect(text(r.getCell(COLUMN_NUMBER.comment))).toBe(activity.comment ?? '');
      if (activity.status === 'done' && activity.completedOn) {
        expect(r.getCell(COLUMN_NUMBER.completedOn).value).toEqual(new Date(`${activity.completedOn}T00:00:00Z`));
      }
      if (activity.newEnd) expect(r.getCell(COLUMN_NUMBER.newEnd).value).toEqual(new Date(`${activity.newEnd}T00:00:00Z`));
      // Overdue rows are highlighted (light red) across the activity's cells.
      const fill = r.getCell(COLUMN_NUMBER.activity).fill as ExcelJS.FillPattern | undefined;
      if (activity.overdue) expect(fill?.fgColor?.argb).toBe('FFFDE8E6');
      else expect(fill?.fgColor?.argb).toBeUndefined();
    }
    expect(all.filter((a) => a.newEnd).length).toBeGreaterThan(0);
  });

  it('freezes the header, prints A4 landscape fit to width with the header rows repeated', async () => {
    const sheet = detail();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: DETAIL_HEADER_ROW + 1 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printTitlesRow).toBe(`${DETAIL_HEADER_ROW}:${DETAIL_HEADER_ROW + 1}`);
    expect(workbook.worksheets[0]!.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true });
    const entries = await readZipEntries(bytes);
    expect(entries.get('xl/workbook.xml')).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;Отчет по дейности&apos;!$6:$7</definedName>`);
  });

  it('offers the status words in a drop-down that still takes free text', () => {
    const validation = detail().getCell(DETAIL_FIRST_DATA_ROW + 1, COLUMN_NUMBER.status).dataValidation;
    expect(validation).toMatchObject({ type: 'list', formulae: ['"Планирана,В изпълнение,Изпълнена,Отложена,Отменена"'] });
    expect(validation.showErrorMessage).toBeFalsy();
  });
});

describe('formula injection', () => {
  it('writes text that looks like a formula as plain text, never as a formula', async () => {
    const sqlite = getDb().$client;
    const dangerous = {
      title: '=HYPERLINK("http://evil.example","натисни")',
      target: '+1+2',
      note: '-2+3',
      owner: '@SUM(A1:A2)',
      comment: '\tcmd|/c calc',
      cr: '\r=1+1',
    };
    const activity = sqlite.prepare(`select id from activities where code = '1.1.1'`).get() as { id: number };
    const otherActivity = sqlite.prepare(`select id from activities where code = '1.1.2'`).get() as { id: number };
    sqlite.prepare('update activities set title = ?, target = ?, note = ? where id = ?').run(dangerous.title, dangerous.target, dangerous.note, activity.id);
    sqlite.prepare('update activities set note = ? where id = ?').run(dangerous.cr, otherActivity.id);
    const owner = sqlite.prepare(`insert into owners (organization_id, name, normalized_name, created_at) values (1, ?, ?, 0)`).run(dangerous.owner, dangerous.owner);
    sqlite.prepare('insert into activity_owners (activity_id, owner_id, position) values (?, ?, 9)').run(activity.id, owner.lastInsertRowid);
    sqlite
      .prepare(`insert into status_updates (activity_id, user_id, status, percent, comment, as_of, created_at) values (?, null, 'in_progress', 50, ?, '2023-09-01', ?)`)
      .run(activity.id, dangerous.comment, Date.UTC(2023, 8, 1));

    const data = getReportData(planId, Q3_2023, { today: '2026-01-15' })!;
    const buffer = await buildReportXlsx(data, 'bg');
    const sheet = (await load(buffer)).worksheets[1]!;
    const row = sheet.getRow(DETAIL_FIRST_DATA_ROW + 1);
    const cells = {
      title: row.getCell(COLUMN_NUMBER.activity),
      target: row.getCell(COLUMN_NUMBER.target),
      note: row.getCell(COLUMN_NUMBER.note),
      comment: row.getCell(COLUMN_NUMBER.comment),
      cr: sheet.getRow(DETAIL_FIRST_DATA_ROW + 2).getCell(COLUMN_NUMBER.note),
    };
    expect(cells.title.value).toBe(`1.1.1. ${dangerous.title}`); // starts with the code: safe as it is
    for (const [name, expected] of [
      ['target', dangerous.target],
      ['note', dangerous.note],
      ['comment', dangerous.comment],
      ['cr', '\n=1+1'],
    ] as const) {
      const cell = cells[name];
      expect(cell.type, name).toBe(ExcelJS.ValueType.String);
      expect(cell.formula, name).toBeUndefined();
      expect(cell.value, name).toBe(expected);
      if (name !== 'cr') expect(cell.numFmt, name).toBe('@');
    }
    expect(text(row.getCell(COLUMN_NUMBER.owners))).toBe(`Главен секретар, директори на дирекции, ${dangerous.owner}`);
    // Nothing in the file is a formula: no <f> element in any sheet.
    const entries = await readZipEntries(buffer);
    const sheets = [...entries].filter(([name]) => name.startsWith('xl/worksheets/sheet'));
    expect(sheets).toHaveLength(2);
    for (const [, xml] of sheets) expect(xml).not.toMatch(/<f[ >]/);
    expect(entries.get('xl/sharedStrings.xml')).toContain('=HYPERLINK(&quot;http://evil.example&quot;');
  });

  it('drops characters XML forbids, so the file opens without a repair prompt', async () => {
    const sqlite = getDb().$client;
    sqlite.prepare(`update activities set target = ? where code = '1.3.1'`).run('бел\u0001ежка\u0008 с \uFFFE контролни знаци');
    const buffer = await buildReportXlsx(getReportData(planId, Q3_2023, { today: '2026-01-15' })!, 'bg');
    const entries = await readZipEntries(buffer);
    expect(entries.get('xl/sharedStrings.xml')).toContain('бележка с  контролни знаци');
    expect(entries.get('xl/sharedStrings.xml')).not.toMatch(/[\u0000-\u0008\uFFFE]/);
    await load(buffer);
  });
});

describe('half-year and year reports', () => {
  it('reports a half-year as of its last day', async () => {
    const data = getReportData(planId, { kind: 'half', year: 2023, index: 1 }, { today: '2026-01-15' })!;
    expect(data.asOf).toBe('2023-06-30');
    const book = await load(await buildReportXlsx(data, 'bg'));
    expect(book.worksheets[0]!.getCell(6, 2).value).toBe('I полугодие 2023 (01.01.2023 – 30.06.2023)');
    expect(book.worksheets[0]!.getCell(7, 2).value).toEqual(new Date(Date.UTC(2023, 5, 30)));
  });

  it('reports a year, in English too', async () => {
    const data = getReportData(planId, { kind: 'year', year: 2022, index: 1 }, { today: '2026-01-15' })!;
    expect(data.asOf).toBe('2022-12-31');
    const book = await load(await buildReportXlsx(data, 'en'));
    expect(book.worksheets.map((s) => s.name)).toEqual(['Summary', 'Activities']);
    expect(book.worksheets[0]!.getCell(6, 2).value).toBe('2022 (01.01.2022 – 31.12.2022)');
    expect(book.worksheets[1]!.getCell(DETAIL_HEADER_ROW, COLUMN_NUMBER.status).value).toBe('Status');
    // The state differs from the end of Q3 2023: fewer done at the end of 2022.
    expect(data.totals.done).toBeLessThan(report.totals.done);
  });
});

describe('GET /reports/:planId.xlsx', () => {
  it('downloads the report of the period for any signed-in role', async () => {
    const viewer = getUserByEmail(DEMO_USERS.find((u) => u.role === 'viewer')!.email)!;
    const response = await call(xlsxLoader, await makeRequest(`/reports/${planId}.xlsx?period=2023-Q3`, { user: viewer }), { planId: String(planId) });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(XLSX_CONTENT_TYPE);
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="report-\d+-2023-Q3\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(response.headers.get('Content-Disposition')!.split("UTF-8''")[1]!)).toMatch(/^Отчет III тримесечие 2023 - /);
    const book = await load(Buffer.from(await response.arrayBuffer()));
    expect(book.worksheets[0]!.getCell(8, 2).value).toBe(viewer.name);
  });

  it('answers 400 for a bad or future period, 404 for an unknown plan, and sends strangers to log in', async () => {
    const viewer = getUserByEmail('viewer@demo.bg')!;
    const bad = await call(xlsxLoader, await makeRequest(`/reports/${planId}.xlsx?period=2023-Q7`, { user: viewer }), { planId: String(planId) });
    expect(bad.status).toBe(400);
    const future = await call(xlsxLoader, await makeRequest(`/reports/${planId}.xlsx?period=2099`, { user: viewer }), { planId: String(planId) });
    expect(future.status).toBe(400);
    const missing = await call(xlsxLoader, await makeRequest('/reports/999.xlsx?period=2023-Q3', { user: viewer }), { planId: '999' });
    expect(missing.status).toBe(404);
    const anonymous = await call(xlsxLoader, await makeRequest(`/reports/${planId}.xlsx?period=2023-Q3`), { planId: String(planId) });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('Location')).toMatch(/^\/login\?redirectTo=/);
  });
});
