/** The look of the report workbook: font, colours, borders and the shared styles of its data cells. */
import type ExcelJS from 'exceljs';
import { COLUMN_NUMBER, type DetailColumn } from '~/domain/report-layout';
import { DATE_FORMAT, PERCENT_FORMAT } from './xlsx-cells.server';

export const COLORS = {
  headerFill: 'FFDCE6F2',
  areaFill: 'FFE6EEF8',
  overdueFill: 'FFFDE8E6',
  overdueFont: 'FF9B1C1C',
  border: 'FF9AA4B2',
  statusFill: 'FFFFF8E1',
};

export const FONT = { name: 'Calibri', family: 2, size: 11 } as const;

export const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: COLORS.border } },
  left: { style: 'thin', color: { argb: COLORS.border } },
  bottom: { style: 'thin', color: { argb: COLORS.border } },
  right: { style: 'thin', color: { argb: COLORS.border } },
};

export type CellKind = 'text' | 'textFormat' | 'center' | 'date' | 'percent';
/** Where a row stands in its measure's block of rows: the measure columns have borders only around the block. */
export type BlockPlace = 'only' | 'first' | 'inner' | 'last';

/** Narrow columns whose headers are printed sideways. */
export const SIDEWAYS_HEADERS = new Set<DetailColumn>(['strategic', 'quickWin', 'percent']);

/** The measure and its CAF references: one block over the measure's activities. */
export const MEASURE_BLOCK_COLUMNS = new Set([COLUMN_NUMBER.measure, COLUMN_NUMBER.strategic, COLUMN_NUMBER.quickWin]);

const BLOCK_BORDERS: Record<BlockPlace, Partial<ExcelJS.Borders>> = {
  only: thin,
  first: { top: thin.top, left: thin.left, right: thin.right },
  inner: { left: thin.left, right: thin.right },
  last: { left: thin.left, right: thin.right, bottom: thin.bottom },
};

export const CENTERED_COLUMNS = new Set([
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
export function dataStyle(kind: CellKind, overdue: boolean, emphasis: boolean, block: BlockPlace): Partial<ExcelJS.Style> {
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
