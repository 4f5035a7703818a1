/**
 * The quarterly report on paper: the rows of the plan's and the users' text are automatic rows
 * (they grow with a longer report typed in instead of cutting it off), the detail sheet prints
 * at 80% or more on A4 landscape, centred; and LibreOffice prints it so (where installed).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { COLUMN_NUMBER } from '~/domain/report-layout';
import { buildReportXlsx, DETAIL_FIRST_DATA_ROW, SUMMARY_HEADER_ROW } from '~/exports/report-xlsx.server';
import { getReportData, type ReportData } from '~/models/report.server';
import { seedDemo } from '../db/seed';
import { getDb } from '../db/client';
import { convertWithLibreOffice, OFFICE_TIMEOUT_MS, pdfPages, pdftotext, pdfWords, soffice } from './office';
import { readZipEntries } from './report-zip';

const A4_LANDSCAPE_WIDTH_INCHES = 297 / 25.4;
/** Calibri 11's widest digit is 7 pixels at 96 dpi: a column `width` characters wide is width * 7 px. */
const PIXELS_PER_CHARACTER = 7;

let report: ReportData;
let summary: string;
let detail: string;

function attributes(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

/** The row elements' attributes by row number. */
function rows(xml: string): Map<number, Record<string, string>> {
  return new Map([...xml.matchAll(/<row [^>]*>/g)].map((m) => [Number(attributes(m[0]).r), attributes(m[0])]));
}

/** The widths of the visible columns, one per column. */
function visibleWidths(xml: string): number[] {
  return [...xml.matchAll(/<col [^>]*>/g)]
    .map((m) => attributes(m[0]))
    .filter((col) => col.hidden !== '1')
    .flatMap((col) => Array.from({ length: Number(col.max) - Number(col.min) + 1 }, () => Number(col.width)));
}

/** The scale at which a sheet fit to the page width prints: printable width over the columns' width. */
function printScale(xml: string): number {
  const setup = attributes(/<pageSetup [^>]*>/.exec(xml)![0]);
  expect(setup).toMatchObject({ paperSize: '9', orientation: 'landscape', fitToWidth: '1' });
  const margins = attributes(/<pageMargins [^>]*>/.exec(xml)![0]);
  const printable = (A4_LANDSCAPE_WIDTH_INCHES - Number(margins.left) - Number(margins.right)) * 96;
  const columns = visibleWidths(xml).reduce((sum, width) => sum + Math.round(width * PIXELS_PER_CHARACTER), 0);
  return Math.min(1, printable / columns);
}

beforeAll(async () => {
  await seedDemo();
  const planId = (getDb().$client.prepare('select id from plans').get() as { id: number }).id;
  report = getReportData(planId, { kind: 'quarter', year: 2023, index: 3 }, { preparedBy: 'Мария Петрова', today: '2026-01-15' })!;
  const entries = await readZipEntries(await buildReportXlsx(report, 'bg'));
  summary = entries.get('xl/worksheets/sheet1.xml')!;
  detail = entries.get('xl/worksheets/sheet2.xml')!;
});

describe('the report on paper', () => {
  it('prints the detail sheet at 80% or more on A4 landscape, so 11 pt text prints at 8.8 pt or more', () => {
    expect(printScale(detail)).toBeGreaterThanOrEqual(0.8);
    expect(printScale(summary)).toBeGreaterThanOrEqual(0.8);
  });

  it('writes the horizontal centring it sets, where the schema puts it (just before the margins)', () => {
    for (const xml of [summary, detail]) expect(xml).toMatch(/<printOptions horizontalCentered="1"\/><pageMargins /);
  });

  it('leaves every row of activities and of areas in the summary automatic: no fixed height', () => {
    const detailRows = rows(detail);
    const activityRows = [...detail.matchAll(/<c r="O(\d+)"/g)].map((m) => Number(m[1])).filter((r) => r >= DETAIL_FIRST_DATA_ROW);
    expect(activityRows).toHaveLength(54);
    for (const r of activityRows) {
      expect(detailRows.get(r)!.customHeight, `row ${r}`).toBeUndefined();
      expect(Number(detailRows.get(r)!.ht), `row ${r}`).toBeGreaterThan(0); // LibreOffice keeps it when opening
    }
    const summaryRows = rows(summary);
    for (let r = SUMMARY_HEADER_ROW; r <= SUMMARY_HEADER_ROW + 1 + report.areas.length; r++) {
      expect(summaryRows.get(r)!.customHeight, `summary row ${r}`).toBeUndefined();
    }
  });

  it('starts a long report as tall as its text', async () => {
    const long = structuredClone(report);
    long.areas[0]!.measures[0]!.activities[0]!.comment = 'Проведени са срещи с всички дирекции и е изготвен доклад. '.repeat(20);
    const xml = (await readZipEntries(await buildReportXlsx(long, 'bg'))).get('xl/worksheets/sheet2.xml')!;
    const row = [...xml.matchAll(/<c r="O(\d+)"/g)].map((m) => Number(m[1])).find((r) => r >= DETAIL_FIRST_DATA_ROW)!;
    expect(Number(rows(xml).get(row)!.ht)).toBeGreaterThan(Number(rows(detail).get(row)!.ht) * 2);
  });

  it.skipIf(!soffice || !pdftotext)('prints in LibreOffice at 80% or more, with page numbers on every page', async () => {
    const pdf = convertWithLibreOffice(await buildReportXlsx(report, 'bg'), 'report.xlsx', 'pdf');
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => expect(page).toContain(`Стр. ${i + 1} от ${pages.length}`));
    // The detail sheet's column numbers "1." and "14." on its first page: their distance on paper
    // against their distance in the sheet is the scale LibreOffice printed it at.
    const words = pdfWords(pdf, 2);
    const centre = (text: string) => {
      const word = words.find((w) => w.text === text)!;
      return (word.xMin + word.xMax) / 2;
    };
    const widths = visibleWidths(detail);
    expect(widths).toHaveLength(COLUMN_NUMBER.newEnd);
    const characters = widths[0]! / 2 + widths.slice(1, -1).reduce((a, b) => a + b, 0) + widths.at(-1)! / 2;
    const points = (characters * PIXELS_PER_CHARACTER * 72) / 96;
    expect((centre('14.') - centre('1.')) / points).toBeGreaterThanOrEqual(0.8);
  }, OFFICE_TIMEOUT_MS + 30_000);
});
