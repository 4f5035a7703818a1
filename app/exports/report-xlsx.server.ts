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
import { formatDate, utcDateOf } from '~/domain/dates';
import type { Lang } from '~/domain/lang';
import { PROGRESS_RULE, type Progress } from '~/domain/progress';
import { periodLabel } from '~/domain/quarters';
import { STATUS_LABELS, STATUSES } from '~/domain/status';
import type { ReportActivity, ReportData } from '~/models/report.server';
import { activityKey, COLUMN_HEADERS, COLUMN_NUMBER, DETAIL_COLUMNS, REPORT_PERIOD_LABEL, type StatusCells } from '~/domain/report-layout';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const TEXT = {
  bg: {
    summarySheet: 'Обобщение',
    detailSheet: 'Отчет по дейности',
    reportTitle: 'ОТЧЕТ ЗА ИЗПЪЛНЕНИЕТО НА ПЛАНА ЗА ПОДОБРЕНИЕ',
    organization: 'Администрация',
    plan: 'План',
    planPeriod: 'Период на плана',
    reportPeriod: REPORT_PERIOD_LABEL.bg,
    asOf: 'Състояние към',
    preparedBy: 'Изготвил',
    preparedOn: 'Дата на изготвяне',
    approvedBy: 'Одобрил',
    area: 'Област',
    activities: 'Дейности',
    done: 'Изпълнени',
    inProgress: 'В изпълнение',
    notStarted: 'Незапочнати',
    postponed: 'Отложени',
    cancelled: 'Отменени',
    overdue: 'Просрочени',
    dueInPeriod: 'Със срок в периода',
    percent: 'Изпълнение %',
    total: 'Общо',
    ongoing: 'текущо',
    overdueLegend: 'Просрочените към датата на отчета дейности са оцветени в червено.',
    fillHint: 'Попълнете колоните „Статус“, „Изпълнение %“, „Отчет“, „Дата на изпълнение“ и при нужда „Ново крайно време“; не променяйте скритата колона „Ключ“.',
    state: (label: string, start: string, end: string, asOf: string) => `${label} (${start} – ${end}), състояние към ${asOf}`,
    page: 'Стр. &P от &N',
    signature: 'подпис, дата',
  },
  en: {
    summarySheet: 'Summary',
    detailSheet: 'Activities',
    reportTitle: 'IMPROVEMENT PLAN PROGRESS REPORT',
    organization: 'Administration',
    plan: 'Plan',
    planPeriod: 'Plan period',
    reportPeriod: REPORT_PERIOD_LABEL.en,
    asOf: 'State as of',
    preparedBy: 'Prepared by',
    preparedOn: 'Prepared on',
    approvedBy: 'Approved by',
    area: 'Area',
    activities: 'Activities',
    done: 'Done',
    inProgress: 'In progress',
    notStarted: 'Not started',
    postponed: 'Postponed',
    cancelled: 'Cancelled',
    overdue: 'Overdue',
    dueInPeriod: 'Due in the period',
    percent: 'Progress %',
    total: 'Total',
    ongoing: 'ongoing',
    overdueLegend: 'Activities overdue as of the report date are highlighted in red.',
    fillHint: 'Fill in "Status", "Progress %", "Report", "Completion date" and, if needed, "New deadline"; do not change the hidden "Key" column.',
    state: (label: string, start: string, end: string, asOf: string) => `${label} (${start} – ${end}), state as of ${asOf}`,
    page: 'Page &P of &N',
    signature: 'signature, date',
  },
} as const;

export function reportSheetNames(lang: Lang): { summary: string; detail: string } {
  return { summary: TEXT[lang].summarySheet, detail: TEXT[lang].detailSheet };
}

/** Rows of the detail sheet before the data: the title block, the header and the column numbers. */
export const DETAIL_HEADER_ROW = 6;
export const DETAIL_FIRST_DATA_ROW = DETAIL_HEADER_ROW + 2;
/** The summary sheet: title, a blank row, seven rows about the report, a blank row, then the table by area. */
export const SUMMARY_HEADER_ROW = 11;

const LAST_VISIBLE_COLUMN = COLUMN_NUMBER.newEnd;
const DATE_FORMAT = 'dd.mm.yyyy';
const PERCENT_FORMAT = '0%';
const MAX_CELL_TEXT = 32767;
const FORMULA_START = /^[=+\-@\t\r]/;
// Characters XML 1.0 does not allow (tab, line feed and carriage return are allowed), and lone surrogates.
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const COLORS = {
  headerFill: 'FFDCE6F2',
  areaFill: 'FFE6EEF8',
  overdueFill: 'FFFDE8E6',
  overdueFont: 'FF9B1C1C',
  border: 'FF9AA4B2',
  statusFill: 'FFFFF8E1',
};

const FONT = { name: 'Calibri', family: 2, size: 11 } as const;

const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: COLORS.border } },
  left: { style: 'thin', color: { argb: COLORS.border } },
  bottom: { style: 'thin', color: { argb: COLORS.border } },
  right: { style: 'thin', color: { argb: COLORS.border } },
};

/** Text as it may go into a cell: legal XML characters only, CR LF as LF, at most 32,767 characters. */
export function cleanCellText(text: string): string {
  const clean = text.replace(/\r\n?/g, '\n').replace(XML_ILLEGAL, '');
  return clean.length > MAX_CELL_TEXT ? clean.slice(0, MAX_CELL_TEXT) : clean;
}

/** Whether a spreadsheet would read the text as a formula (or a command) if typed in. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** Writes text as a plain string cell; formula-like text also gets the Text format. */
export function setText(cell: ExcelJS.Cell, text: string | null | undefined): void {
  if (text === null || text === undefined || text === '') {
    cell.value = null;
    return;
  }
  cell.value = cleanCellText(text);
  if (looksLikeFormula(text)) cell.numFmt = '@';
}

/**
 * Points per wrapped line of 11 pt text: as Excel lays it out (for fixed rows, which both
 * Excel and LibreOffice keep), and as LibreOffice does (for automatic rows: Excel fits those
 * to their text itself when it opens the file, LibreOffice keeps their written height; measured
 * at 10.4 pt in LibreOffice 7.4's PDF, with a margin).
 */
const LINE_HEIGHT = 14.5;
const LIBREOFFICE_LINE_HEIGHT = 11.5;

/**
 * How many lines a wrapped text takes in a column of that width (Excel's width unit, about
 * one digit of the default font): a greedy word wrap. Neither Excel nor LibreOffice fits a
 * row to the wrapped text of a merged cell, so the writer sets the height of merged rows.
 */
export function estimateLines(text: string | null | undefined, width: number): number {
  if (!text) return 1;
  const perLine = Math.max(4, Math.floor(width * 1.1));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    lines += 1;
    for (const word of paragraph.split(/\s+/)) {
      if (word === '') continue;
      let length = word.length;
      if (line > 0 && line + 1 + length > perLine) {
        lines += 1;
        line = 0;
      }
      while (length > perLine) {
        lines += 1;
        length -= perLine;
      }
      line += (line > 0 ? 1 : 0) + length;
    }
  }
  return Math.max(lines, 1);
}

function rowHeight(lines: number, lineHeight = LINE_HEIGHT): number {
  return Math.min(409, Math.round((lines * lineHeight + 3) * 10) / 10);
}

function setDate(cell: ExcelJS.Cell, iso: string | null): void {
  if (!iso) return;
  cell.value = utcDateOf(iso); // UTC midnight, so that the serial is the exact day
  cell.numFmt = DATE_FORMAT;
}

/** The status cells of an activity as exported (what the key's fingerprints are made from). */
export function exportedStatusCells(activity: ReportActivity, lang: Lang): StatusCells {
  return {
    status: STATUS_LABELS[activity.status][lang],
    percent: activity.percent,
    comment: cleanCellText(activity.comment ?? ''),
    completedOn: activity.status === 'done' ? activity.completedOn : null,
    newEnd: activity.newEnd,
  };
}

/** Print setup given when a sheet is made (the streaming writer writes it at the sheet's top): A4 landscape, fit to width. */
function printOptions(lang: Lang, fitToHeight: 0 | 1): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight,
      horizontalCentered: true,
      margins: { left: 0.3, right: 0.3, top: 0.5, bottom: 0.6, header: 0.25, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&C${TEXT[lang].page}` },
  };
}

/**
 * The rows whose height is only our estimate of their wrapped text, to be written as
 * automatic rows (no customHeight): Excel fits such rows to their text when it opens the file
 * and both Excel and LibreOffice refit them when a text is edited, where a custom height stays
 * as it is and cuts a longer report off. The estimate is still written because LibreOffice
 * keeps a row's written height when opening a file, and prints a row written without one a
 * single line high. exceljs marks every height it writes custom, so the mark is taken off
 * these rows' XML as the streaming writer writes it.
 */
function autoHeightRows(sheet: Sheet): Set<number> {
  const rows = new Set<number>();
  const stream = (sheet as unknown as { stream: { write(chunk: unknown): boolean } }).stream;
  const write = stream.write.bind(stream);
  stream.write = (chunk: unknown) => {
    if (typeof chunk === 'string') {
      const row = /^<row r="(\d+)"( ht="[^"]*") customHeight="1"/.exec(chunk);
      if (row && rows.delete(Number(row[1]))) return write(`<row r="${row[1]}"${row[2]}${chunk.slice(row[0].length)}`);
    }
    return write(chunk);
  };
  return rows;
}

/**
 * exceljs's streaming writer drops pageSetup.horizontalCentered (it writes no printOptions
 * element): written here, where the schema puts it, just before pageMargins.
 */
function writeHorizontalCentering(sheet: Sheet): void {
  const writer = sheet as unknown as { _writePageMargins(): void; stream: { write(xml: string): void } };
  const writeMargins = writer._writePageMargins.bind(writer);
  writer._writePageMargins = () => {
    writer.stream.write('<printOptions horizontalCentered="1"/>');
    writeMargins();
  };
}

type Workbook = ExcelJS.stream.xlsx.WorkbookWriter;
type Sheet = ExcelJS.Worksheet;

/**
 * Writes the report workbook to a stream with exceljs's streaming writer (rows leave memory
 * as they are written; the zip is deflated by node's zlib), resolving when it is complete.
 */
export async function writeReportXlsx(report: ReportData, lang: Lang, stream: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  workbook.creator = 'План за подобрение';
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

/**
 * Merges a range. exceljs checks every new merge against all earlier ones (quadratic: tens
 * of seconds for 10,000 activities); the ranges here are made not to overlap, so they are
 * recorded directly, as WorksheetWriter.mergeCells (exceljs 4.4) does after its check.
 */
function merge(sheet: Sheet, top: number, left: number, bottom: number, right: number): void {
  const writer = sheet as unknown as { _merges: unknown[]; getCell(r: number, c: number): ExcelJS.Cell };
  const master = writer.getCell(top, left);
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      if (r > top || c > left) (writer.getCell(r, c) as unknown as { merge(m: ExcelJS.Cell): void }).merge(master);
    }
  }
  writer._merges.push(new MergedRange(top, left, bottom, right));
}

/** What WorksheetWriter keeps of a merge: it writes `${merge}` and checks later merges with intersects(). */
class MergedRange {
  constructor(
    readonly top: number,
    readonly left: number,
    readonly bottom: number,
    readonly right: number,
  ) {}
  intersects(other: MergedRange): boolean {
    return !(other.bottom < this.top || other.top > this.bottom || other.right < this.left || other.left > this.right);
  }
  toString(): string {
    return `${columnLetter(this.left)}${this.top}:${columnLetter(this.right)}${this.bottom}`;
  }
}

function addSummarySheet(workbook: Workbook, report: ReportData, lang: Lang): void {
  const t = TEXT[lang];
  const sheet = workbook.addWorksheet(t.summarySheet, {
    properties: { defaultRowHeight: 18 },
    views: [{ state: 'frozen', ySplit: SUMMARY_HEADER_ROW, xSplit: 0, showGridLines: false }],
    ...printOptions(lang, 1),
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
  setText(rule.getCell(1), PROGRESS_RULE[lang]);
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
  const t = TEXT[lang];
  const sheet = workbook.addWorksheet(t.detailSheet, {
    // Given when the sheet is made: the streaming writer puts them at the top of the sheet.
    views: [{ state: 'frozen', xSplit: 0, ySplit: DETAIL_HEADER_ROW + 1, topLeftCell: `A${DETAIL_FIRST_DATA_ROW}`, activeCell: `J${DETAIL_FIRST_DATA_ROW}` }],
    ...printOptions(lang, 0),
  });
  writeHorizontalCentering(sheet);
  const automatic = autoHeightRows(sheet);
  const widths: Record<(typeof DETAIL_COLUMNS)[number], number> = {
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
    setText(cell, COLUMN_HEADERS[lang][key]);
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
function activityLines(activity: ReportActivity, widths: Record<(typeof DETAIL_COLUMNS)[number], number>): number {
  return Math.max(
    estimateLines(`${activity.code}. ${activity.title}`, widths.activity - 1),
    estimateLines(activity.target, widths.target - 1),
    estimateLines(activity.owners.join(', '), widths.owners - 1),
    estimateLines(activity.note, widths.note - 1),
    estimateLines(activity.comment, widths.comment - 1),
    estimateLines(STATUS_LABELS[activity.status].bg, widths.status - 1),
  );
}

type CellKind = 'text' | 'textFormat' | 'center' | 'date' | 'percent';
/** Where a row stands in its measure's block of rows: the measure columns have borders only around the block. */
type BlockPlace = 'only' | 'first' | 'inner' | 'last';

/** Narrow columns whose headers are printed sideways. */
const SIDEWAYS_HEADERS = new Set<(typeof DETAIL_COLUMNS)[number]>(['strategic', 'quickWin', 'percent']);

/** The measure and its CAF references: one block over the measure's activities. */
const MEASURE_BLOCK_COLUMNS = new Set([COLUMN_NUMBER.measure, COLUMN_NUMBER.strategic, COLUMN_NUMBER.quickWin]);

const BLOCK_BORDERS: Record<BlockPlace, Partial<ExcelJS.Borders>> = {
  only: thin,
  first: { top: thin.top, left: thin.left, right: thin.right },
  inner: { left: thin.left, right: thin.right },
  last: { left: thin.left, right: thin.right, bottom: thin.bottom },
};

const CENTERED_COLUMNS = new Set([
  COLUMN_NUMBER.strategic,
  COLUMN_NUMBER.quickWin,
  COLUMN_NUMBER.start,
  COLUMN_NUMBER.end,
  COLUMN_NUMBER.percent,
  COLUMN_NUMBER.completedOn,
  COLUMN_NUMBER.newEnd,
]);

const dataStyles = new Map<string, Partial<ExcelJS.Style>>();

/** The style of a data cell; one object per distinct style, never changed once made. */
function dataStyle(kind: CellKind, overdue: boolean, emphasis: boolean, block: BlockPlace): Partial<ExcelJS.Style> {
  const key = `${kind}|${overdue}|${emphasis}|${block}`;
  let style = dataStyles.get(key);
  if (!style) {
    style = Object.freeze({
      font: emphasis ? { ...FONT, bold: true, color: { argb: COLORS.overdueFont } } : FONT,
      border: BLOCK_BORDERS[block],
      alignment: { wrapText: true, vertical: 'top', ...(kind === 'text' || kind === 'textFormat' ? {} : { horizontal: 'center' }) },
      ...(overdue ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: COLORS.overdueFill } } } : {}),
      ...(kind === 'date' ? { numFmt: DATE_FORMAT } : kind === 'percent' ? { numFmt: PERCENT_FORMAT } : kind === 'textFormat' ? { numFmt: '@' } : {}),
    }) as Partial<ExcelJS.Style>;
    dataStyles.set(key, style);
  }
  return style;
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

function columnLetter(n: number): string {
  let letters = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) letters = String.fromCharCode(65 + ((x - 1) % 26)) + letters;
  return letters;
}
