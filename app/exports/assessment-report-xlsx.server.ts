/**
 * The approved self-assessment's report as an .xlsx: a summary sheet (the assessment, the group,
 * the totals, each criterion's score beside the previous assessment's) and a sheet of the 28
 * sub-criteria with their scores, strengths and areas for improvement, the score cells in their
 * band's colour; after a previous one, a sheet of the change since it beside the plan's work.
 */
import ExcelJS from 'exceljs';
import { bandIndex, roundScore } from '~/domain/assessment-scoring';
import { dateOfTimestampInSofia, formatDate } from '~/domain/dates';
import type { Lang } from '~/domain/lang';
import { translateWith } from '~/i18n';
import { assessmentReportWords } from '~/i18n/assessment-report';
import type { AssessmentReport } from '~/domain/assessment-data';
import type { ChangeRow, ChangeSection } from '~/domain/plan-follow-up';
import { BAND_COLORS } from '~/components/assessment-report-charts';

type Key = keyof (typeof assessmentReportWords)['en'];
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1D4E89' } };
const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;
const score = (value: number | null) => (value === null ? null : roundScore(value));
const list = (items: string[]) => items.map((item) => `• ${item}`).join('\n');

function header(row: ExcelJS.Row): void {
  row.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  row.fill = HEADER_FILL;
  row.alignment = { vertical: 'middle', wrapText: true };
}

/**
 * Row heights for wrapped text: Excel and LibreOffice do not grow a row to its wrapped text
 * when the file says nothing, so each row gets the height of its tallest cell, estimated from
 * its lines and the column's width (about one character per width unit).
 */
function fitHeight(row: ExcelJS.Row, sheet: ExcelJS.Worksheet, widths: Record<number, number> = {}): void {
  let lines = 1;
  row.eachCell((cell, column) => {
    const width = widths[column] ?? sheet.getColumn(column).width ?? 10;
    const text = cell.value === null || cell.value === undefined ? '' : String(cell.value);
    const count = text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / (width * 1.25))), 0);
    lines = Math.max(lines, count);
  });
  row.height = Math.min(409, 15 * lines + 3);
}

function band(cell: ExcelJS.Cell, value: number | null): void {
  if (value === null) return;
  const colors = BAND_COLORS[bandIndex(value)]!;
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(colors.fill) } };
  cell.font = { bold: true, color: { argb: argb(colors.text) } };
}

export async function buildAssessmentReportXlsx(report: AssessmentReport, lang: Lang): Promise<Buffer> {
  const t = (key: Key, params?: Record<string, string>) => translateWith(lang, assessmentReportWords, key, params);
  const { assessment, criteria, previous } = report;
  const day = (ms: number | null) => (ms === null ? '—' : formatDate(dateOfTimestampInSofia(ms), lang));
  const workbook = new ExcelJS.Workbook();
  const fineTuned = assessment.scoringSystem === 'fine_tuned';

  const summary = workbook.addWorksheet(t('arSheetSummary'), { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  summary.columns = [{ width: 46 }, { width: 16 }, { width: 16 }, { width: 12 }];
  summary.addRow([t('arTitle')]).font = { bold: true, size: 14 };
  summary.addRow([assessment.title]).font = { bold: true, size: 12 };
  const facts: [string, string][] = [
    [t('arPeriod'), assessment.period],
    [t('arScoring'), t(fineTuned ? 'arFineTuned' : 'arClassical')],
    [t('arStarted'), day(assessment.createdAt)],
    [t('arApproved'), `${day(assessment.approvedAt)}${assessment.approvedBy ? ` (${assessment.approvedBy})` : ''}`],
    [t('arGroup'), report.members.map((m) => (m.membership === 'chair' ? `${m.name} (${t('arChair')})` : m.name)).join(', ')],
  ];
  for (const fact of facts) {
    // The value spans the columns B-D.
    const row = summary.addRow(fact);
    summary.mergeCells(row.number, 2, row.number, 4);
    row.alignment = { vertical: 'top', wrapText: true };
    fitHeight(row, summary, { 2: 44 });
  }
  summary.addRow([]);
  for (const [label, value] of [
    [t('arOverall'), report.overall],
    [t('arEnablers'), report.enablers],
    [t('arResults'), report.results],
  ] as const) {
    const row = summary.addRow([label, score(value)]);
    band(row.getCell(2), value);
  }
  summary.addRow([]);
  header(summary.addRow([t('arCriterion'), t('arScore'), ...(previous ? [t('arPrevious'), t('arChange')] : [])]));
  for (const criterion of criteria) {
    const change = criterion.score !== null && criterion.previous !== null ? roundScore(criterion.score - criterion.previous) : null;
    const row = summary.addRow([`${criterion.code}. ${criterion.title[lang]}`, score(criterion.score), ...(previous ? [score(criterion.previous), change] : [])]);
    row.alignment = { vertical: 'top', wrapText: true };
    fitHeight(row, summary);
    band(row.getCell(2), criterion.score);
  }
  if (previous) summary.addRow([t('arCompared', { title: previous.title, period: previous.period })]).font = { italic: true };
  summary.addRow([t('arBands')]).font = { italic: true, color: { argb: 'FF5B6677' } };

  const detail = workbook.addWorksheet(t('arSheetDetail'), {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  detail.columns = [{ width: 6 }, { width: 34 }, { width: 16 }, { width: 9 }, { width: 11 }, { width: 55 }, { width: 55 }];
  const head = detail.addRow([t('arSubCriterion'), '', fineTuned ? `${t('arPhases')} | ${t('arTrendsTargets')}` : '', t('arScore'), t('arPrevious'), t('arStrengths'), t('arImprovements')]);
  header(head);
  detail.mergeCells(1, 1, 1, 2);
  fitHeight(head, detail);
  for (const criterion of criteria) {
    const group = detail.addRow([criterion.code, criterion.title[lang], '', score(criterion.score)]);
    group.font = { bold: true };
    group.alignment = { vertical: 'top', wrapText: true };
    fitHeight(group, detail);
    group.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F5' } };
    for (const sub of criterion.subCriteria) {
      const s = sub.scores;
      const dims = fineTuned ? (criterion.kind === 'result' ? `${s.trends ?? '—'} / ${s.targets ?? '—'}` : `${s.plan ?? '—'} / ${s.do ?? '—'} / ${s.check ?? '—'} / ${s.act ?? '—'}`) : '';
      const row = detail.addRow([sub.code, sub.title[lang], dims, score(sub.score), score(sub.previous), list(sub.strengths), list(sub.improvements)]);
      row.alignment = { vertical: 'top', wrapText: true };
      fitHeight(row, detail);
      band(row.getCell(4), sub.score);
    }
  }
  if (report.change) changeSheet(workbook, report.change, lang, t);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The sheet "Change since the previous self-assessment": per criterion and sub-criterion the scores, the change, the plan's activities done and the areas not addressed. */
function changeSheet(workbook: ExcelJS.Workbook, change: ChangeSection, lang: Lang, t: (key: Key, params?: Record<string, string>) => string): void {
  const sheet = workbook.addWorksheet(t('arSheetChange'), { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [{ width: 6 }, { width: 40 }, { width: 9 }, { width: 9 }, { width: 9 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 60 }];
  sheet.addRow([t('arChangeTitle')]).font = { bold: true, size: 13 };
  const notes = [
    t('arChangeIntro', { title: change.previous.title, period: change.previous.period, plans: change.plans.map((p) => p.title).join(', ') || '—', date: formatDate(change.asOf, lang) }),
    ...(change.plans.length === 0 ? [t('arChangeNoPlan')] : []),
    ...(change.systemsDiffer ? [t('arSystemsDiffer', { before: t(change.previous.scoringSystem === 'fine_tuned' ? 'arFineTuned' : 'arClassical'), now: t(change.previous.scoringSystem === 'fine_tuned' ? 'arClassical' : 'arFineTuned') })] : []),
  ];
  for (const note of notes) {
    const row = sheet.addRow([note]);
    sheet.mergeCells(row.number, 1, row.number, 9);
    row.alignment = { wrapText: true, vertical: 'top' };
    fitHeight(row, sheet, { 1: 150 });
  }
  const head = sheet.addRow([t('arSubCriterion'), '', t('arBefore'), t('arNow'), t('arChange'), t('arDone'), t('arActivities'), t('arShareDone'), t('arUnaddressed')]);
  header(head);
  fitHeight(head, sheet);
  const values = (row: ChangeRow) => [row.code, row.title[lang], score(row.previous), score(row.now), row.change === null ? null : roundScore(row.change), row.done, row.counted, row.shareDone];
  for (const criterion of change.criteria) {
    const group = sheet.addRow(values(criterion));
    group.font = { bold: true };
    group.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F5' } };
    group.alignment = { vertical: 'top', wrapText: true };
    fitHeight(group, sheet);
    for (const sub of criterion.subCriteria) {
      const areas = sub.unaddressed.map((area) => `${area.text} (${t(`arOutcome_${area.outcome as 'no_measure' | 'nothing_done'}`)})`);
      const row = sheet.addRow([...values(sub), list(areas)]);
      row.alignment = { vertical: 'top', wrapText: true };
      fitHeight(row, sheet);
    }
  }
  sheet.getColumn(8).numFmt = '0%';
}
