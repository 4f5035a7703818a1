/**
 * What a row of a plan table is, read from its text alone: no part of the plan (a total, a
 * footnote, the header repeated: skipped), a kind section, an area heading, or an item of a
 * level; and the warnings about rows without numbers once the table is read. Used by
 * TableReader (table-reader.ts).
 */
import { importPlanWords as words } from '../app/i18n/import-plan';
import { inBoth } from '../app/i18n/words';
import { codeDepth, parseAreaHeading, splitCode, type Level } from './codes';
import { columnAt, isColumnNumbering, repeatsHeader, type Header } from './header';
import type { Message } from './import-error';
import { titleKey } from './levels';
import type { LevelRule } from './mapping';
import type { TableLayout } from './table-cells';
import { cellText, inCapitals, normaliseSpace } from './text';
import type { CellValue } from './types';

const TOTALS = /^(?:общо|всичко|сума|total|totals|sum)(?![\p{L}\p{N}])/iu;
export const FOOTNOTE = /^(?:\*|забележк|бележк|note\b|notes\b|легенда|изготвил|съгласувал|утвърдил|утвърждавам|подпис|\(подпис\)|prepared by|approved by|signature)/i;
/** A line to sign on ("Главен секретар: ............", "/подпис/"): on a row of one cell, a signature under the table. */
const SIGNATURE = /[.…_]{5,}|[(/]\s*подпис\s*[)/]/i;
export const SECTION_KIND = /^(?:стратегически мерки|бързи победи|strategic measures|quick wins)(?![\p{L}\p{N}])/iu;
export const ROMAN_CELL = /^[IVX]{1,5}\.?$/;

/** A row of the table that is no part of the plan: a column numbering ("1 2 3 …"), the header repeated, a total, a footnote, a signature. */
export function isSkipped(cells: CellValue[], filled: number[], header: Header): boolean {
  if (isColumnNumbering(cells, filled) || repeatsHeader(header, cells)) return true;
  const first = normaliseSpace(cellText(cells[filled[0]]));
  return TOTALS.test(first) || FOOTNOTE.test(first) || (filled.length === 1 && SIGNATURE.test(first));
}

/**
 * The area a row of one cell opens ("Област 1:", "I. ЛИДЕРСТВО", a row merged across), with an
 * empty code when it has no number; null when the row is an item, not an area.
 */
export function areaHeading(
  text: string,
  index: number,
  row: number,
  layout: TableLayout,
  across: Set<number>,
  inMeasure: boolean,
): { code: string; title: string } | null {
  const heading = parseAreaHeading(text);
  if (heading) return heading;
  const key = columnAt(layout.header, index).key;
  const split = splitCode(text);
  if (split.bullet || split.level === 'measure' || split.level === 'activity') return null;
  const firstColumn = Math.min(...layout.header.columns.filter((c) => c.key !== null).map((c) => c.index));
  const isTitle = key === titleKey(layout.header);
  if (layout.levels.by === 'columns') {
    if (index !== firstColumn && !across.has(row)) return null;
    if (key === 'activity' && !across.has(row)) return null;
    if (codeDepth(split.code) > 1) return null;
  } else if (layout.levels.by === 'numbering') {
    const depths = layout.levels.depths;
    if (split.code !== null && codeDepth(split.code) !== depths.area) return null;
    if (split.code === null && isTitle && !across.has(row) && !(index === firstColumn && key !== 'code') && inMeasure) return null;
  } else if (isTitle && !across.has(row) && split.code !== null && !inCapitals(split.title)) return null;
  else if (isTitle && !across.has(row) && index !== firstColumn) return null;
  return { code: split.code ?? '', title: split.title };
}

/** The level of a row of a table with one title column, by the level rule, its number and its list mark. */
export function levelOf(levels: LevelRule, code: string | null, named: Level | undefined, bullet: boolean, inMeasure: boolean): Level {
  if (levels.by !== 'numbering') return 'measure';
  if (named) return named;
  if (bullet) return 'activity';
  const depth = codeDepth(code);
  const { area, measure, activity } = levels.depths;
  if (code === null) return inMeasure || measure === undefined ? 'activity' : 'measure';
  if (depth === area) return 'area';
  if (depth === measure) return 'measure';
  if (depth === activity) return 'activity';
  if (inMeasure && measure !== undefined && depth <= measure) return 'activity'; // "1." again under each measure
  return depth > activity ? 'activity' : 'measure';
}

/** A measure or an activity given a number because its row had none. */
export type UncodedRow = { row: number; level: 'measure' | 'activity'; code: string; column: string | null };

/** One warning for a level without numbers at all, else one per row left without. */
export function numberingWarnings(
  uncodedRows: UncodedRow[],
  coded: Record<'measure' | 'activity', number>,
  by: LevelRule['by'],
): { uncoded: boolean; warnings: { row: number; column: string | null; message: Message }[] } {
  let uncoded = false;
  const warnings: { row: number; column: string | null; message: Message }[] = [];
  for (const level of ['measure', 'activity'] as const) {
    const rows = uncodedRows.filter((r) => r.level === level);
    if (rows.length === 0) continue;
    if (coded[level] === 0 && rows.length > 1) {
      uncoded = true;
      const [first, last] = [rows[0], rows[rows.length - 1]];
      const key = by === 'every-row' ? 'rowsNumberedInOrder' : level === 'measure' ? 'measuresNumberedInOrder' : 'activitiesNumberedInOrder';
      warnings.push({ row: first.row, column: first.column, message: inBoth(words, key, { first: first.code, last: last.code }) });
    } else {
      const key = level === 'measure' ? 'measureGivenCode' : 'activityGivenCode';
      for (const { row, code, column } of rows) warnings.push({ row, column, message: inBoth(words, key, { code }) });
    }
  }
  return { uncoded, warnings };
}
