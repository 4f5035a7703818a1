/**
 * The periodic report as an Excel workbook (exceljs): a summary sheet by area and a detail
 * sheet in the plan's own column layout (as in the administration's table: measure cells
 * merged down over their activities, area rows across the whole width) followed by the
 * status columns a directorate fills in, and a hidden activity key read back by
 * importers/status-report.ts.
 *
 * Safe text: every string is written as a string cell (never a formula); text that a
 * spreadsheet would take for a formula (starting with = + - @, a tab or a carriage return)
 * is additionally given the Text number format "@", so that Excel and LibreOffice show it
 * as typed and keep it text when the cell is edited. Characters XML forbids are dropped and
 * texts are cut at Excel's 32,767-character limit, so the file opens without a repair prompt.
 * Dates are real dates (Excel serial numbers) shown as dd.mm.yyyy.
 *
 * Print: A4 landscape, fit to the page width, centred. The detail sheet's columns add up to
 * about 187 character widths, which fit the page at about 80% (so 11 pt prints as about 9 pt);
 * the narrow columns' headers are turned on their side. Rows that hold the plan's and the
 * users' text are automatic rows, not fixed ones (see autoHeightRows): Excel and LibreOffice
 * grow them when a longer report is typed in, instead of cutting it off in print. Neither
 * fits a row to a merged cell, so the measure cell is not merged down over its activities but
 * drawn as one block (no borders between its rows); only merged rows written once (title,
 * area rows) and the header have a fixed height.
 */
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { formatDate } from '~/domain/dates';
import type { Lang } from '~/domain/lang';
import type { Progress } from '~/domain/progress';
import { periodLabel } from '~/domain/quarters';
import { STATUS_LABELS, STATUSES } from '~/domain/status';
import { activityKey, columnHeader, COLUMN_NUMBER, DETAIL_COLUMNS, type DetailColumn, type StatusCells } from '~/domain/report-layout';
import type { ReportActivity, ReportData } from '~/models/report.server';
import { translate } from '~/i18n/core';
import { reportWords } from './report-words.server';
import { CENTERED_COLUMNS, COLORS, dataStyle, FONT, MEASURE_BLOCK_COLUMNS, SIDEWAYS_HEADERS, thin, type BlockPlace, type CellKind } from './report-xlsx-styles.server';
import { cleanCellText, columnLetter, estimateLines, LIBREOFFICE_LINE_HEIGHT, PERCENT_FORMAT, rowHeight, setDate, setText } from './xlsx-cells.server';
import { autoHeightRows, merge, printOptions, writeHorizontalCentering, type Sheet, type Workbook } from './xlsx-writer.server';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Rows of the detail sheet before the data: the title block, the header and the column numbers. */
export const DETAIL_HEADER_ROW = 6;
export const DETAIL_FIRST_DATA_ROW = DETAIL_HEADER_ROW + 2;
/** The summary sheet: title, a blank row, seven rows about the report, a blank row, then the table by area. */
export const SUMMARY_HEADER_ROW = 11;

const LAST_VISIBLE_COLUMN = COLUMN_NUMBER.newEnd;

/** The status cells of an activity as exported (what the key's fingerprints are made from). */
function exportedStatusCells(activity: ReportActivity, lang: Lang): StatusCells {
  return {
    status: STATUS_LABELS[activity.status][lang],
    percent: activity.percent,
    comment: cleanCellText(activity.comment ?? ''),
    completedOn: activity.status === 'done' ? activity.completedOn : null,
    newEnd: activity.newEnd,
  };
}

/**
 * Writes the report workbook to a stream with exceljs's streaming writer (rows leave memory
 * as they are written; the zip is deflated by node's zlib), resolving when it is complete.
 */
export async function writeReportXlsx(report: ReportData, lang: Lang, stream: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  workbook.creator = translate(lang, 'appName');
  workbook.created = new Date();
  addSummarySheet(workbook, report, lang);
  addDetailSheet(workbook, report, lang);
  await workbook.commit();
}

/** The report workbook as .xlsx bytes. */
export async function buildReportXlsx(report: ReportData, lang: Lang): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  await writeReportXlsx(report, lang, sink);
  await ended;
  return Buffer.concat(chunks);
}

function addSummarySheet(workbook: Workbook, report: ReportData, lang: Lang): void {
  const t = reportWords(lang);
  const sheet = workbook.addWorksheet(t.summarySheet, {
    properties: { defaultRowHeight: 18 },
    views: [{ state: 'frozen', ySplit: SUMMARY_HEADER_ROW, xSplit: 0, showGridLines: false }],
    ...printOptions(t.page, 1),
  });
  writeHorizontalCentering(sheet);
  const automatic = autoHeightRows(sheet);
  const widths = [52, 12, 12, 14, 13, 12, 12, 13, 14, 14];
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  const lastColumn = widths.length;

  const title = sheet.getRow(1);
  setText(title.getCell(1), t.reportTitle);
  title.getCell(1).font = { ...FONT, bold: true, size: 14 };
  merge(sheet, 1, 1, 1, lastColumn);
  title.getCell(1).alignment = { horizontal: 'center' };

  const info: [string, string | null, 'text' | 'date'][] = [
    [t.organization, report.plan.organization, 'text'],
    [t.plan, report.plan.title, 'text'],
    [t.planPeriod, report.plan.period, 'text'],
    [t.reportPeriod, `${periodLabel(report.period, lang)} (${formatDate(report.periodStart, lang)} – ${formatDate(report.periodEnd, lang)})`, 'text'],
    [t.asOf, report.asOf, 'date'],
    [t.preparedBy, report.preparedBy, 'text'],
    [t.preparedOn, report.preparedOn, 'date'],
  ];
  let r = 3;
  for (const [label, value, kind] of info) {
    const row = sheet.getRow(r);
    setText(row.getCell(1), label);
    row.getCell(1).font = { ...FONT, bold: true };
    if (kind === 'date') {
      setDate(row.getCell(2), value);
      row.getCell(2).alignment = { horizontal: 'left' };
    } else setText(row.getCell(2), value);
    merge(sheet, r, 2, r, lastColumn);
    r += 1;
  }

  r += 1; // = SUMMARY_HEADER_ROW
  const headers = [t.area, t.activities, t.done, t.inProgress, t.notStarted, t.postponed, t.cancelled, t.overdue, t.dueInPeriod, t.percent];
  const header = sheet.getRow(r);
  headers.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    setText(cell, text);
    cell.font = { ...FONT, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: COLORS.headerFill } };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: i === 0 ? 'left' : 'center' };
    cell.border = thin;
  });
  header.height = rowHeight(Math.max(...headers.map((text, i) => estimateLines(text, widths[i]! - 2))), LIBREOFFICE_LINE_HEIGHT);
  automatic.add(r);
  r += 1;

  const writeCounts = (label: string, progress: Progress, due: number, bold: boolean) => {
    const row = sheet.getRow(r);
    setText(row.getCell(1), label);
    const values = [
      progress.total,
      progress.done,
      progress.byStatus.in_progress,
      progress.byStatus.planned,
      progress.byStatus.postponed,
      progress.cancelled,
      progress.overdue,
      due,
    ];
    values.forEach((value, i) => (row.getCell(i + 2).value = value));
    const percentCell = row.getCell(lastColumn);
    if (progress.meanPercent === null) setText(percentCell, '—');
    else {
      percentCell.value = Math.round(progress.meanPercent) / 100;
      percentCell.numFmt = PERCENT_FORMAT;
    }
    for (let c = 1; c <= lastColumn; c++) {
      const cell = row.getCell(c);
      cell.border = thin;
      cell.alignment = { wrapText: true, vertical: 'top', horizontal: c === 1 ? 'left' : 'center' };
      if (bold) cell.font = { ...FONT, bold: true };
    }
    row.height = rowHeight(estimateLines(label, widths[0]! - 1), LIBREOFFICE_LINE_HEIGHT);
    automatic.add(r);
    const overdueCell = row.getCell(8);
    if (progress.overdue > 0) overdueCell.font = { ...FONT, bold: true, color: { argb: COLORS.overdueFont } };
    r += 1;
  };
  for (const area of report.areas) writeCounts(`${t.area} ${area.code}: ${area.title}`, area.progress, area.dueInPeriod, false);
  writeCounts(t.total, report.totals, report.dueInPeriod, true);

  r += 1;
  const rule = sheet.getRow(r);
  setText(rule.getCell(1), translate(lang, 'progressRule'));
  rule.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  rule.getCell(1).font = { ...FONT, italic: true, size: 9 };
  rule.height = 42;
  merge(sheet, r, 1, r, lastColumn);

  r += 3;
  for (const [label, name] of [
    [t.preparedBy, report.preparedBy],
    [t.approvedBy, report.plan.approvedBy],
  ] as const) {
    const row = sheet.getRow(r);
    setText(row.getCell(1), `${label}: ........................................`);
    setText(row.getCell(2), name ? `(${name})` : `(${t.signature})`);
    merge(sheet, r, 2, r, 5);
    r += 2;
  }

  sheet.commit();
}

function addDetailSheet(workbook: Workbook, report: ReportData, lang: Lang): void {
  const t = reportWords(lang);
  const sheet = workbook.addWorksheet(t.detailSheet, {
    // Given when the sheet is made: the streaming writer puts them at the top of the sheet.
    views: [{ state: 'frozen', xSplit: 0, ySplit: DETAIL_HEADER_ROW + 1, topLeftCell: `A${DETAIL_FIRST_DATA_ROW}`, activeCell: `J${DETAIL_FIRST_DATA_ROW}` }],
    ...printOptions(t.page, 0),
  });
  writeHorizontalCentering(sheet);
  const automatic = autoHeightRows(sheet);
  const widths: Record<DetailColumn, number> = {
    measure: 19,
    activity: 27,
    strategic: 6,
    quickWin: 6,
    start: 10.3,
    end: 10.3,
    target: 19,
    owners: 14,
    note: 10,
    status: 12.5,
    percent: 7,
    comment: 24.3,
    completedOn: 11,
    newEnd: 10.3,
    key: 14,
  };
  for (const key of DETAIL_COLUMNS) sheet.getColumn(COLUMN_NUMBER[key]).width = widths[key];
  const visibleWidth = DETAIL_COLUMNS.filter((key) => key !== 'key').reduce((sum, key) => sum + widths[key], 0);
  sheet.getColumn(COLUMN_NUMBER.key).hidden = true;
  sheet.pageSetup.printTitlesRow = `${DETAIL_HEADER_ROW}:${DETAIL_HEADER_ROW + 1}`;

  // Title block.
  const titleLines: [string, Partial<ExcelJS.Font>][] = [
    [report.plan.organization, { ...FONT, bold: true, size: 12 }],
    [t.reportTitle, { ...FONT, bold: true, size: 14 }],
    [report.plan.title + (report.plan.period ? ` (${report.plan.period})` : ''), { ...FONT, bold: true }],
    [
      t.state(
        periodLabel(report.period, lang),
        formatDate(report.periodStart, lang),
        formatDate(report.periodEnd, lang),
        formatDate(report.asOf, lang),
      ) + `. ${t.overdueLegend}`,
      { ...FONT, italic: true },
    ],
  ];
  titleLines.forEach(([text, font], i) => {
    sheet.getRow(i + 1).height = rowHeight(estimateLines(text, visibleWidth / ((font.size ?? 11) / 11)));
    const cell = sheet.getCell(i + 1, 1);
    setText(cell, text);
    cell.font = font;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    merge(sheet, i + 1, 1, i + 1, LAST_VISIBLE_COLUMN);
  });
  const hint = sheet.getCell(5, COLUMN_NUMBER.status);
  setText(hint, t.fillHint);
  hint.font = { ...FONT, italic: true, size: 9, color: { argb: 'FF5B6677' } };
  hint.alignment = { wrapText: true, vertical: 'bottom' };
  merge(sheet, 5, COLUMN_NUMBER.status, 5, LAST_VISIBLE_COLUMN);
  sheet.getRow(5).height = 36;

  // Header and the row that numbers the columns, as in the source tables.
  const header = sheet.getRow(DETAIL_HEADER_ROW);
  const numbers = sheet.getRow(DETAIL_HEADER_ROW + 1);
  for (const key of DETAIL_COLUMNS) {
    const n = COLUMN_NUMBER[key];
    const cell = header.getCell(n);
    setText(cell, columnHeader(key, lang));
    cell.font = { ...FONT, bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center', ...(SIDEWAYS_HEADERS.has(key) ? { textRotation: 90 } : {}) };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: n >= COLUMN_NUMBER.status ? COLORS.statusFill : COLORS.headerFill } };
    cell.border = thin;
    if (key === 'key') continue;
    const number = numbers.getCell(n);
    setText(number, `${n}.`);
    number.alignment = { horizontal: 'center' };
    number.font = { ...FONT, size: 9 };
    number.border = thin;
  }
  header.height = 85; // the sideways headers, in two lines

  let r = DETAIL_FIRST_DATA_ROW;

  for (const area of report.areas) {
    const areaRow = sheet.getRow(r);
    const areaCell = areaRow.getCell(1);
    setText(areaCell, `${t.area} ${area.code}: ${area.title}`);
    areaCell.font = { ...FONT, bold: true };
    areaCell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: COLORS.areaFill } };
    areaCell.alignment = { wrapText: true, vertical: 'middle' };
    areaCell.border = thin;
    merge(sheet, r, 1, r, LAST_VISIBLE_COLUMN);
    areaRow.height = rowHeight(estimateLines(areaCell.value as string, visibleWidth));
    r += 1;

    for (const measure of area.measures) {
      const rows = Math.max(measure.activities.length, 1);
      const refs = measure.cafRefs.join(', ');
      const refColumn = measure.kind === 'quick_win' ? COLUMN_NUMBER.quickWin : COLUMN_NUMBER.strategic;
      const measureText = `${measure.code}. ${measure.title}`;
      for (let i = 0; i < rows; i++) {
        const row = sheet.getRow(r);
        const activity = measure.activities[i];
        if (i === 0) {
          setText(row.getCell(COLUMN_NUMBER.measure), measureText);
          setText(row.getCell(refColumn), refs);
        }
        if (activity) writeActivity(row, activity, report.plan.id, lang, t.ongoing);
        const overdue = activity?.overdue ?? false;
        const place: BlockPlace = rows === 1 ? 'only' : i === 0 ? 'first' : i === rows - 1 ? 'last' : 'inner';
        for (let c = 1; c <= LAST_VISIBLE_COLUMN; c++) {
          const cell = row.getCell(c);
          const kind: CellKind =
            cell.numFmt === '@'
              ? 'textFormat'
              : CENTERED_COLUMNS.has(c)
                ? cell.value instanceof Date
                  ? 'date'
                  : c === COLUMN_NUMBER.percent
                    ? 'percent'
                    : 'center'
                : 'text';
          // Shared style objects: exceljs writes each distinct object once (its styles cache is keyed by identity).
          const block = MEASURE_BLOCK_COLUMNS.has(c) ? place : 'only';
          cell.style = dataStyle(kind, overdue && c > COLUMN_NUMBER.measure, overdue && c === COLUMN_NUMBER.status, block);
        }
        const lines = Math.max(activity ? activityLines(activity, widths) : 1, i === 0 ? estimateLines(measureText, widths.measure - 1) : 1);
        row.height = rowHeight(lines, LIBREOFFICE_LINE_HEIGHT);
        automatic.add(r);
        r += 1;
      }
      sheet.getRow(r - 1).commit();
    }
  }

  const lastRow = Math.max(r - 1, DETAIL_FIRST_DATA_ROW);
  const labels = STATUSES.map((status) => STATUS_LABELS[status][lang]).join(',');
  (sheet as Sheet & { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations.add(`${columnLetter(COLUMN_NUMBER.status)}${DETAIL_FIRST_DATA_ROW}:${columnLetter(COLUMN_NUMBER.status)}${lastRow}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${labels}"`],
    // Free text stays allowed: real reports say "изпълнена на 80%" or "прехвърлена със срок 30.06.2024".
    showErrorMessage: false,
  });

  sheet.commit();
}

/** The lines the tallest wrapped cell of an activity row takes. */
function activityLines(activity: ReportActivity, widths: Record<DetailColumn, number>): number {
  return Math.max(
    estimateLines(`${activity.code}. ${activity.title}`, widths.activity - 1),
    estimateLines(activity.target, widths.target - 1),
    estimateLines(activity.owners.join(', '), widths.owners - 1),
    estimateLines(activity.note, widths.note - 1),
    estimateLines(activity.comment, widths.comment - 1),
    estimateLines(STATUS_LABELS[activity.status].bg, widths.status - 1),
  );
}

function writeActivity(row: ExcelJS.Row, activity: ReportActivity, planId: number, lang: Lang, ongoingWord: string): void {
  const cell = (key: keyof typeof COLUMN_NUMBER) => row.getCell(COLUMN_NUMBER[key]);
  setText(cell('activity'), `${activity.code}. ${activity.title}`);
  if (activity.start) setDate(cell('start'), activity.start);
  else if (activity.ongoing) setText(cell('start'), ongoingWord);
  if (activity.baselineEnd) setDate(cell('end'), activity.baselineEnd);
  else if (activity.ongoing) setText(cell('end'), ongoingWord);
  setText(cell('target'), activity.target);
  setText(cell('owners'), activity.owners.join(', '));
  setText(cell('note'), activity.note);
  const status = exportedStatusCells(activity, lang);
  setText(cell('status'), status.status);
  cell('percent').value = (status.percent ?? 0) / 100;
  cell('percent').numFmt = PERCENT_FORMAT;
  setText(cell('comment'), status.comment);
  setDate(cell('completedOn'), status.completedOn);
  setDate(cell('newEnd'), status.newEnd);
  setText(cell('key'), activityKey(planId, activity.id, status));
}
