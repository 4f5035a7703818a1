import { codeDepth, parseAreaHeading, readCodeCell, splitCode } from './codes';
import { columnAt, headerFromRows, isColumnNumbering, repeatsHeader, type ColumnKey, type Header } from './header';
import type { LevelRule, Mapping, SheetMapping } from './mapping';
import { cellText, columnLetter, inCapitals, isBlank } from './text';
import type { Sheet } from './types';

const ROMAN_CELL = /^[IVX]{1,5}\.?$/;

/** The header's title column: the activity's, else the measure's. */
export function titleKey(header: Header): ColumnKey | null {
  if (header.keys.activity !== undefined) return 'activity';
  return header.keys.measure !== undefined ? 'measure' : null;
}

/**
 * How the rows become levels, by what the table holds: a measure and an activity column; else
 * the depths of the numbers present (1 = area or measure, 1.1 = measure, 1.1.1 = activity, as the
 * depths found decide; list items "а)", "-" under a numbered row are its activities); else every
 * row is an activity.
 */
export function guessLevels(sheet: Sheet, header: Header): LevelRule {
  if (header.keys.measure !== undefined && header.keys.activity !== undefined) return { by: 'columns' };
  const title = header.keys[titleKey(header)!]!;
  const codeColumn = header.keys.code;
  const counts = new Map<number, number>();
  const named: Record<'measure' | 'activity', Map<number, number>> = { measure: new Map(), activity: new Map() };
  const firstNumbers = new Set<string>();
  let repeatedFirst = false;
  let bullets = 0;
  const across = rowsMergedAcross(sheet);
  // The depths of numbered area rows ("1. ЛИДЕРСТВО", "Област 1:"): above the items' levels, they are the area level.
  const areaDepths = new Map<number, number>();
  // Of them, the depths of rows taken for areas only by their capitals ("1. ОБУЧЕНИЕ НА СЛУЖИТЕЛИТЕ").
  const capitalDepths = new Set<number>();
  for (const { row, cells, hidden } of sheet.rows.slice(header.rowIndexes.at(-1)! + 1)) {
    if (hidden || isBlank(cells[title] ?? null)) continue;
    const filled: number[] = [];
    cells.forEach((value, index) => isBlank(value) || filled.push(index));
    const text = cellText(cells[title] ?? null);
    const split = splitCode(text);
    // A lone cell is an area row or a note, unless it is numbered and reads as no area (named,
    // merged across, in capitals): a lone "1. Мярка" over its activities "1.1. ..." is a level.
    if (filled.length < 2 && codeColumn === undefined && (split.code === null || areaLike(text, split.title, across.has(row)))) {
      if (split.code !== null) areaDepths.set(codeDepth(split.code), (areaDepths.get(codeDepth(split.code)) ?? 0) + 1);
      if (split.code !== null && !across.has(row) && parseAreaHeading(text) === null) capitalDepths.add(codeDepth(split.code));
      continue;
    }
    if (isColumnNumbering(cells, filled) || repeatsHeader(header, cells)) continue;
    const codeText = codeColumn === undefined ? '' : cellText(cells[codeColumn] ?? null).trim();
    if (ROMAN_CELL.test(codeText)) continue;
    const code = readCodeCell(codeText) ?? split.code;
    if (split.bullet) bullets++;
    if (code === null) continue;
    const depth = codeDepth(code);
    if (split.level === 'measure' || split.level === 'activity') named[split.level].set(depth, (named[split.level].get(depth) ?? 0) + 1);
    counts.set(depth, (counts.get(depth) ?? 0) + 1);
    if (depth === 1) {
      if (firstNumbers.has(code)) repeatedFirst = true;
      firstNumbers.add(code);
    }
  }
  const rule = levelsByDepth(counts, named, repeatedFirst, bullets);
  const areaDepth = mostCommon(areaDepths);
  // Numbered rows in capitals one level above the only items ("1. ОБУЧЕНИЕ ..." over "1.1. ...")
  // of an activity column ("Мерки и дейности"), no area row named or merged across: two levels of
  // numbers, the capitals being the measures (under a measure column, "1. ЛИДЕРСТВО" is an area).
  const [itemDepth, ...otherDepths] = counts.keys();
  if (rule.by === 'every-row' && titleKey(header) === 'activity' && otherDepths.length === 0 && areaDepths.size === 1 && capitalDepths.size === 1 && capitalDepths.has(itemDepth - 1)) {
    return { by: 'numbering', depths: { measure: itemDepth - 1, activity: itemDepth } };
  }
  // Not a depth items have too ("1." restarting under each measure).
  if (rule.by !== 'numbering' || rule.depths.area !== undefined || areaDepth === null || counts.has(areaDepth)) return rule;
  return areaDepth < (rule.depths.measure ?? rule.depths.activity) ? { by: 'numbering', depths: { area: areaDepth, ...rule.depths } } : rule;
}

/** The level rule the depths of the numbered items give. */
function levelsByDepth(counts: Map<number, number>, named: Record<'measure' | 'activity', Map<number, number>>, repeatedFirst: boolean, bullets: number): LevelRule {
  const measureNamed = mostCommon(named.measure);
  const activityNamed = mostCommon(named.activity);
  if (measureNamed !== null) return { by: 'numbering', depths: { measure: measureNamed, activity: activityNamed ?? measureNamed + 1 } };
  let depths = [...counts.keys()].sort((a, b) => a - b);
  // "1.", "2." starting again under each measure: numbers of the activities within their measure.
  if (repeatedFirst && depths.length > 1) depths = depths.filter((depth) => depth !== 1);
  if (depths.length >= 3) {
    const [area, measure, activity] = depths.slice(-3);
    return { by: 'numbering', depths: { area, measure, activity } };
  }
  if (depths.length === 2) return { by: 'numbering', depths: { measure: depths[0], activity: depths[1] } };
  if (depths.length === 1) {
    const [depth] = depths;
    if (bullets > 0 || repeatedFirst) return { by: 'numbering', depths: { measure: depth, activity: depth + 1 } };
    if (depth >= 3) return { by: 'numbering', depths: { activity: depth } };
  }
  if (bullets > 0) return { by: 'numbering', depths: { measure: 1, activity: 2 } };
  return { by: 'every-row' };
}

/** Rows a merged range spans across (three columns or more): group rows. */
function rowsMergedAcross(sheet: Sheet): Set<number> {
  const rows = new Set<number>();
  for (const m of sheet.merges ?? []) if (m.right - m.left >= 2) for (let row = m.top; row <= m.bottom; row++) rows.add(row);
  return rows;
}

/** "Област 1: ...", "I. ЛИДЕРСТВО", a row merged across, a title in capitals. */
function areaLike(text: string, title: string, mergedAcross: boolean): boolean {
  return mergedAcross || parseAreaHeading(text) !== null || inCapitals(title);
}

function mostCommon(counts: Map<number, number>): number | null {
  let best: [number, number] | null = null;
  for (const entry of counts) if (best === null || entry[1] > best[1]) best = entry;
  return best?.[0] ?? null;
}

/** The table as a Mapping entry: what a mapping form starts from, and what applying it reads again. */
export function sheetMappingOf(sheet: Sheet, header: Header, levels: LevelRule, kind: SheetMapping['kind']): SheetMapping {
  const columns: SheetMapping['columns'] = {};
  for (const column of header.columns) if (column.key !== null) columns[columnLetter(column.index)] = column.key;
  return { sheet: sheet.name, headerRows: header.rowIndexes.map((index) => sheet.rows[index].row), columns, levels, kind: kind ?? null };
}

export type MappedHeader = { kind: 'header'; header: Header; entry: SheetMapping } | { kind: 'skip'; reason: 'not-mapped' } | { kind: 'skip'; reason: 'no-row'; row: number };

/** The header a mapping gives for a sheet: its rows and its columns' meanings, instead of a guess. */
export function mappedHeader(sheet: Sheet, mapping: Mapping): MappedHeader {
  const entry = mapping.sheets.find((s) => s.sheet === sheet.name) ?? mapping.sheets.find((s) => s.sheet === '*');
  if (!entry) return { kind: 'skip', reason: 'not-mapped' };
  const indexes: number[] = [];
  for (const row of entry.headerRows) {
    const index = sheet.rows.findIndex((r) => r.row === row);
    if (index === -1) return { kind: 'skip', reason: 'no-row', row };
    indexes.push(index);
  }
  const given: Record<number, ColumnKey | 'ignore'> = {};
  for (const [letter, meaning] of Object.entries(entry.columns)) given[columnIndex(letter)] = meaning;
  const header = headerFromRows(sheet, indexes, given);
  // Columns the mapping names beyond the header's last cell.
  for (const index of Object.keys(given).map(Number)) {
    const meaning = given[index];
    if (index >= header.columns.length && meaning !== 'ignore' && header.keys[meaning] === undefined) {
      for (let i = header.columns.length; i <= index; i++) header.columns.push(columnAt(header, i));
      header.columns[index] = { ...header.columns[index], key: meaning };
      header.keys[meaning] = index;
    }
  }
  return { kind: 'header', header, entry };
}

/** "A" -> 0, "AA" -> 26. */
export function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/** Columns a mapping marks 'ignore': not read, and not reported. */
export function ignoredColumns(entry: SheetMapping | null): Set<number> {
  const ignored = new Set<number>();
  if (entry) for (const [letter, meaning] of Object.entries(entry.columns)) if (meaning === 'ignore') ignored.add(columnIndex(letter));
  return ignored;
}
