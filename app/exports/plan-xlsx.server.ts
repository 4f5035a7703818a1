/**
 * A plan as an .xlsx in the layout the importer reads (the Lovech plan's): the title and period
 * on top, one header row, then per area a row "Област 1: ..." across the table, and per activity
 * a row with its measure (merged down over the measure's activities), the activity with its code,
 * the CAF references of a strategic measure or a quick win in that kind's column ("х" when it
 * has none), dates, indicator, target, owners, resources and note. Archived areas, measures and
 * activities are left out, as they are left out of every figure: importing the file gives the
 * plan's live items back (tests/plan-export.test.ts).
 */
import ExcelJS from 'exceljs';
import type { Lang } from '~/domain/lang';
import type { StructureActivity, StructureArea, StructureMeasure } from '~/domain/plan-structure-form';
import { translateWith, type WordKey } from '~/i18n';
import { planStructureWords } from '~/i18n/plan-structure';
import { estimateLines, rowHeight, setDate, setText } from './xlsx-cells.server';

type Word = WordKey<typeof planStructureWords>;

/** The columns, in order: the header word and the width. */
const COLUMNS: { key: string; word: Word; width: number }[] = [
  { key: 'measure', word: 'xpMeasure', width: 34 },
  { key: 'activity', word: 'xpActivity', width: 40 },
  { key: 'strategic', word: 'xpStrategic', width: 18 },
  { key: 'quickWin', word: 'xpQuickWin', width: 13 },
  { key: 'start', word: 'xpStart', width: 12 },
  { key: 'end', word: 'xpEnd', width: 12 },
  { key: 'indicator', word: 'xpIndicator', width: 24 },
  { key: 'target', word: 'xpTarget', width: 28 },
  { key: 'owners', word: 'xpOwners', width: 24 },
  { key: 'resources', word: 'xpResources', width: 18 },
  { key: 'note', word: 'xpNote', width: 18 },
];
/**
 * A measure without a kind has its CAF references in a column of their own, after the others
 * and only when the plan has such a measure (the Lovech layout has none).
 */
const CAF_COLUMN = { key: 'caf', word: 'xpCaf', width: 14 } as const;
const ALL_COLUMNS = [...COLUMNS, CAF_COLUMN];
const column = (key: string) => ALL_COLUMNS.findIndex((c) => c.key === key) + 1;
/** What a kind column holds for a measure of that kind without CAF references: a mark the importer reads. */
const KIND_MARK = 'х';

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FF9AA4B2' } },
  left: { style: 'thin', color: { argb: 'FF9AA4B2' } },
  bottom: { style: 'thin', color: { argb: 'FF9AA4B2' } },
  right: { style: 'thin', color: { argb: 'FF9AA4B2' } },
};

export type PlanExport = { title: string; period: string | null; areas: StructureArea[] };

/** The live part of a plan's structure: archived areas, measures and activities left out. */
export function liveStructure(areas: StructureArea[]): StructureArea[] {
  return areas
    .filter((area) => !area.archived)
    .map((area) => ({
      ...area,
      measures: area.measures.filter((m) => !m.archived).map((m) => ({ ...m, activities: m.activities.filter((a) => !a.archived) })),
    }));
}

const coded = (code: string, title: string) => `${code}. ${title}`;

function kindCell(measure: StructureMeasure, kind: 'strategic' | 'quick_win'): string | null {
  if (measure.kind !== kind) return null;
  return measure.cafRefs.length ? measure.cafRefs.join(', ') : KIND_MARK;
}

function writeActivity(row: ExcelJS.Row, measure: StructureMeasure, activity: StructureActivity | null): void {
  setText(row.getCell(column('measure')), coded(measure.code, measure.title));
  setText(row.getCell(column('strategic')), kindCell(measure, 'strategic'));
  setText(row.getCell(column('quickWin')), kindCell(measure, 'quick_win'));
  if (measure.kind === null && measure.cafRefs.length) setText(row.getCell(column('caf')), measure.cafRefs.join(', '));
  if (!activity) return;
  setText(row.getCell(column('activity')), coded(activity.code, activity.title));
  if (activity.ongoing) {
    setText(row.getCell(column('start')), activity.ongoingText);
    setText(row.getCell(column('end')), activity.ongoingText);
  } else {
    setDate(row.getCell(column('start')), activity.start);
    setDate(row.getCell(column('end')), activity.currentEnd);
  }
  setText(row.getCell(column('indicator')), activity.indicator);
  setText(row.getCell(column('target')), activity.target);
  setText(row.getCell(column('owners')), activity.owners.join(', '));
  setText(row.getCell(column('resources')), activity.resources);
  setText(row.getCell(column('note')), activity.note);
}

/** The height of a row: its longest wrapped text (the measure's spread over the rows it is merged across). */
function fit(row: ExcelJS.Row, measureRows: number): void {
  let lines = 1;
  row.eachCell((cell, col) => {
    const text = typeof cell.value === 'string' ? cell.value : '';
    const columnLines = estimateLines(text, ALL_COLUMNS[col - 1]!.width);
    lines = Math.max(lines, col === column('measure') ? Math.ceil(columnLines / measureRows) : columnLines);
  });
  row.height = rowHeight(lines);
}

export async function buildPlanXlsx(plan: PlanExport, lang: Lang): Promise<Buffer> {
  const t = (key: Word, params?: Record<string, string>) => translateWith(lang, planStructureWords, key, params);
  const areas = liveStructure(plan.areas);
  const columns = areas.some((area) => area.measures.some((m) => m.kind === null && m.cafRefs.length > 0)) ? ALL_COLUMNS : COLUMNS;
  const last = columns.length;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t('xpSheet'), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 4 }],
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const banner = (rowNumber: number, text: string, font: Partial<ExcelJS.Font>) => {
    const row = sheet.getRow(rowNumber);
    setText(row.getCell(1), text);
    row.font = font;
    row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    sheet.mergeCells(rowNumber, 1, rowNumber, last);
  };
  banner(1, plan.title, { bold: true, size: 14 });
  if (plan.period) banner(2, t('xpPeriod', { period: plan.period }), { italic: true });
  const header = sheet.getRow(4);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = t(c.word);
    cell.border = BORDER;
  });
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = rowHeight(3);
  let next = 5;
  for (const area of areas) {
    const areaRow = sheet.getRow(next);
    setText(areaRow.getCell(1), t('xpArea', { code: area.code, title: area.title }));
    areaRow.font = { bold: true };
    areaRow.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6EEF8' } };
    areaRow.alignment = { vertical: 'middle', wrapText: true };
    areaRow.getCell(1).border = BORDER;
    sheet.mergeCells(next, 1, next, last);
    next += 1;
    for (const measure of area.measures) {
      const items: (StructureActivity | null)[] = measure.activities.length ? measure.activities : [null];
      const first = next;
      for (const activity of items) {
        const row = sheet.getRow(next);
        writeActivity(row, measure, activity);
        row.alignment = { vertical: 'top', wrapText: true };
        for (let c = 1; c <= last; c++) row.getCell(c).border = BORDER;
        fit(row, items.length);
        next += 1;
      }
      if (items.length > 1) {
        for (const key of ['measure', 'strategic', 'quickWin', ...(columns === ALL_COLUMNS ? ['caf'] : [])]) {
          for (let r = first + 1; r < next; r++) sheet.getRow(r).getCell(column(key)).value = null;
          sheet.mergeCells(first, column(key), next - 1, column(key));
        }
      }
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
