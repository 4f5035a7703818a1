/**
 * CSV export of a filtered plan view: the format Bulgarian Excel opens directly (BOM, ';',
 * CRLF, quoted), formula-injection safe, with the plan page's filters.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvField, toCsv } from '~/exports/csv.server';
import { listActivities } from '~/models/activity-list.server';
import { getUserByEmail } from '~/models/user.server';
import { loader as csvLoader } from '~/routes/plans.$planId[.csv]';
import { seedDemo } from '../db/seed';
import { getDb } from '../db/client';
import { parseCsv, readCsv } from '../importers/csv';
import { call, makeRequest } from './helpers';
import { BULGARIAN_CSV_FILTER, convertWithLibreOffice, OFFICE_TIMEOUT_MS, soffice } from './office';

describe('CSV format', () => {
  it('starts with a BOM, separates with ";", ends records with CRLF and quotes every field', () => {
    const text = toCsv(['Код', 'Дейност', '%'], [['1.1.1', 'Първа; с "кавички"\nи нов ред', 40], ['1.1.2', null, 12.5]]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toBe('\uFEFF"Код";"Дейност";"%"\r\n"1.1.1";"Първа; с ""кавички""\nи нов ред";"40"\r\n"1.1.2";"";"12,5"\r\n');
    expect(text.split('\r\n')).toHaveLength(4); // the line break inside the quoted field is not a record end
  });

  it('neutralises text a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvField('+359 888')).toBe(`"'+359 888"`);
    expect(csvField('-2+3')).toBe(`"'-2+3"`);
    expect(csvField('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvField('\tcmd')).toBe(`"'\tcmd"`);
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField(-5)).toBe('"-5"');
    expect(csvField('обикновен текст')).toBe('"обикновен текст"');
  });

  it('writes codes as text formulas, so no spreadsheet reads them as dates or numbers', () => {
    expect(csvField({ text: '1.1.1' })).toBe('"=""1.1.1"""');
    expect(csvField({ text: '2.10' })).toBe('"=""2.10"""');
    expect(csvField({ text: '7' })).toBe('"=""7"""');
    // Anything else is plain text, neutralised as usual: no formula is built from it.
    expect(csvField({ text: '1.1.1а' })).toBe('"1.1.1а"');
    expect(csvField({ text: '=1+1' })).toBe(`"'=1+1"`);
    expect(csvField({ text: '1"); =CMD(' })).toBe('"1""); =CMD("');
  });
});

describe('GET /plans/:planId.csv', () => {
  let planId: number;
  beforeAll(async () => {
    await seedDemo();
    planId = (getDb().$client.prepare('select id from plans').get() as { id: number }).id;
  });

  async function download(search: string, email = 'viewer@demo.bg') {
    const user = getUserByEmail(email)!;
    return call(csvLoader, await makeRequest(`/plans/${planId}.csv${search}`, { user }), { planId: String(planId) });
  }

  it('lists the activities the plan page shows with the same filters, in the same order', async () => {
    const response = await download('?status=done&asOf=2023-09-30&sort=end');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="plan-\d+-2023-09-30\.csv"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const records = parseCsv(text.slice(1), ';').filter((r) => r.some((c) => c !== ''));
    const [header, ...rows] = records;
    expect(header).toEqual([
      'Област',
      'Мярка',
      'Код',
      'Дейност',
      'Начало',
      'Край по план',
      'Текущ край',
      'Целеви стойности на резултата',
      'Отговорници и подпомагачи',
      'Статус',
      'Изпълнение %',
      'Състояние към 30.09.2023',
      'Последен отчет',
    ]);
    const expected = listActivities({ status: 'done', asOf: '2023-09-30', sort: 'end' }, planId);
    expect(expected.length).toBeGreaterThan(0);
    expect(rows.map((r) => r[2])).toEqual(expected.map((a) => `="${a.code}"`));
    expect(new Set(rows.map((r) => r[9]))).toEqual(new Set(['Изпълнена']));
    expect(rows[0]![4]).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
  });

  it('marks overdue activities and filters by area', async () => {
    const text = await (await download('?state=overdue&area=2&asOf=2023-09-30')).text();
    const rows = parseCsv(text.replace(/^\uFEFF/, ''), ';').slice(1).filter((r) => r.length > 1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row[0]).toMatch(/^2\. /);
      expect(row[11]).toContain('просрочена');
    }
  });

  it('is read back by the plan importer with the codes as text', async () => {
    const bytes = new Uint8Array(await (await download('?asOf=2023-09-30')).arrayBuffer());
    const rows = (await readCsv(bytes, 'plan.csv')).rows.slice(1);
    const codes = listActivities({ asOf: '2023-09-30' }, planId).map((a) => a.code);
    expect(rows.map((r) => r.cells[2])).toEqual(codes);
  });

  it.skipIf(!soffice)('keeps the codes as text when LibreOffice opens it in Bulgarian', async () => {
    const bytes = new Uint8Array(await (await download('?asOf=2023-09-30')).arrayBuffer());
    const codes = listActivities({ asOf: '2023-09-30' }, planId).map((a) => a.code);
    expect(codes.filter((code) => /^\d+\.\d+\.\d+$/.test(code)).length).toBeGreaterThan(40);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(convertWithLibreOffice(bytes, 'plan.csv', 'xlsx', BULGARIAN_CSV_FILTER) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const cells = codes.map((_, i) => sheet.getCell(i + 2, 3));
    expect(cells.map((cell) => cell.text)).toEqual(codes);
    expect(cells.every((cell) => cell.type !== ExcelJS.ValueType.Date && cell.type !== ExcelJS.ValueType.Number)).toBe(true);
    // The dates stay dates.
    expect(sheet.getCell(2, 5).type).toBe(ExcelJS.ValueType.Date);
  }, OFFICE_TIMEOUT_MS + 30_000);

  it('is refused to strangers and 404 for an unknown plan', async () => {
    const anonymous = await call(csvLoader, await makeRequest(`/plans/${planId}.csv`), { planId: String(planId) });
    expect(anonymous.status).toBe(302);
    const viewer = getUserByEmail('viewer@demo.bg')!;
    expect((await call(csvLoader, await makeRequest('/plans/999.csv', { user: viewer }), { planId: '999' })).status).toBe(404);
  });
});
