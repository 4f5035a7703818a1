import type { Lang } from '../app/domain/lang';
import { importPlanWords as words } from '../app/i18n/import-plan';
import { inBoth } from '../app/i18n/words';
import { kindFromType } from './caf';
import { parseAreaHeading } from './codes';
import { PLAN_VOCABULARY, REQUIRED_COLUMN_LABEL, findHeader, type Header, type HeaderSearch } from './header';
import { ImportError, type Message } from './import-error';
import { guessLevels, ignoredColumns, mappedHeader, sheetMappingOf, titleKey } from './levels';
import type { Confidence, ImportOptions, LevelRule, Mapping, SheetMapping, TableUnderstanding, Understanding } from './mapping';
import { PlanWarnings } from './plan-warnings';
import type { TableLayout, TableRead } from './table-cells';
import { TableReader } from './table-reader';
import { FOOTNOTE } from './table-rows';
import { cellText, columnLetter, normaliseSpace } from './text';
import type { MeasureKind, ParsedPlan, Sheet, SheetRow } from './types';

const PERIOD = /(\d{4})\s*[-–—]\s*(\d{4})/;
// The one year a plan's title names ("ПЛАН ЗА ПОДОБРЕНИЕ ... 2025 г."): its period when no range is written.
const TITLE_YEAR = /(?<![\d./])((?:19|20)\d{2})(?![\d./])/g;
const PLAN_TITLE = /^(?:план|plan)(?:\s|$)|improvement plan/i;
const KIND_TITLE = /^(?:бързи победи|стратегически мерки|quick wins|strategic measures)(?![\p{L}\p{N}])/iu;
const KIND_SHEET = /бърз|quick|стратег|strateg/i;
const MOST = 0.5;

export interface PlanUnderstood {
  plan: ParsedPlan;
  understanding: Understanding;
}

interface Found {
  sheet: Sheet;
  header: Header;
  levels: LevelRule;
  kind: MeasureKind | null;
  entry: SheetMapping | null;
}

/**
 * Turns the rows of every sheet into the plan tree, with warnings in the given language, and
 * says how it understood the tables; throws ImportError when no sheet holds a plan table or
 * nothing in them could be read as an activity.
 */
export function buildPlan(sheets: Sheet[], fileName: string, lang: Lang, options: ImportOptions = {}): PlanUnderstood {
  const found: Found[] = [];
  const ignoredSheets: Understanding['ignoredSheets'] = [];
  const searches: { sheet: Sheet; search: HeaderSearch }[] = [];
  for (const sheet of sheets) {
    const table = options.mapping ? fromMapping(sheet, options.mapping) : guess(sheet);
    if ('header' in table) found.push(table);
    else {
      ignoredSheets.push({ sheet: sheet.name, reason: table.reason[lang] });
      if ('search' in table && table.search) searches.push({ sheet, search: table.search });
    }
  }
  const mapping: Mapping = { version: 1, sheets: found.map((f) => f.entry ?? sheetMappingOf(f.sheet, f.header, f.levels, f.kind)) };
  const understandingOf = (tables: TableUnderstanding[]): Understanding => {
    const confidence = tables.length === 0 ? 'low' : lowest(tables.map((t) => t.confidence));
    return { tables, ignoredSheets, confidence, needsMapping: confidence === 'low', mapping, mapped: options.mapping !== undefined };
  };
  if (found.length === 0) {
    throw new ImportError(fileName, options.mapping ? mappingFitsNothing(ignoredSheets) : noTableError(searches), understandingOf([]));
  }

  const titleBlock = readTitleBlock(found.flatMap(({ sheet, header }) => rowsAbove(sheet, header)));
  const warnings = new PlanWarnings(lang);
  const reader = new TableReader(warnings, titleBlock.title ?? fileName.replace(/\.[^.]*$/, ''));
  const tables: TableUnderstanding[] = [];
  for (const sheet of sheets) {
    const table = found.find((f) => f.sheet === sheet);
    if (!table) {
      const ignored = ignoredSheets.find((s) => s.sheet === sheet.name);
      if (ignored) warnings.add({ sheet: sheet.name, row: null, column: null }, { en: ignored.reason, bg: ignored.reason });
      warnings.flush();
      continue;
    }
    const layout: TableLayout = {
      sheet,
      header: table.header,
      levels: table.levels,
      kind: table.kind,
      area: areaAbove(sheet, table.header) ?? areaHeadingAbove(sheet, String(reader.areas.length + 1), found.length > 1),
      ignored: ignoredColumns(table.entry),
    };
    const read = reader.readTable(layout);
    if (table.levels.by === 'every-row' && read.counts.activities > 0) {
      warnings.add({ sheet: sheet.name, row: null, column: null }, ONE_LEVEL);
    }
    warnings.flush();
    tables.push(describeTable(table, read, lang));
  }
  const understanding = understandingOf(tables);
  if (reader.areas.every((area) => area.measures.every((measure) => measure.activities.length === 0))) {
    throw new ImportError(fileName, nothingRead(tables), understanding);
  }
  return { plan: { ...titleBlock, areas: reader.areas, warnings: warnings.list() }, understanding };
}

const ONE_LEVEL = inBoth(words, 'oneLevelOnly');

type Guess = Found | { reason: Message; search?: HeaderSearch };

function guess(sheet: Sheet): Guess {
  const search = findHeader(sheet, PLAN_VOCABULARY);
  if (search.kind !== 'table') return { reason: ignoredSheetReason(search), search };
  const header = search.header;
  return { sheet, header, levels: guessLevels(sheet, header), kind: sheetKind(sheet, header), entry: null };
}

function fromMapping(sheet: Sheet, mapping: Mapping): Guess {
  const mapped = mappedHeader(sheet, mapping);
  if (mapped.kind === 'skip') {
    return { reason: mapped.reason === 'not-mapped' ? inBoth(words, 'sheetNotMapped') : inBoth(words, 'sheetWithoutMappedHeader', { row: mapped.row }) };
  }
  const { header, entry } = mapped;
  if (titleKey(header) === null) {
    return { reason: inBoth(words, 'sheetMappedWithoutTitle', { column: REQUIRED_COLUMN_LABEL }) };
  }
  const levels = entry.levels.by === 'columns' && (header.keys.measure === undefined || header.keys.activity === undefined) ? guessLevels(sheet, header) : entry.levels;
  return { sheet, header, levels, kind: entry.kind ?? null, entry: { ...entry, sheet: entry.sheet === '*' ? sheet.name : entry.sheet, levels } };
}

/** The sheet's name or a title above its table says its measures are of one kind ("Бързи победи"). */
function sheetKind(sheet: Sheet, header: Header): MeasureKind | null {
  const lines = titleLines(rowsAbove(sheet, header));
  const line = lines.find((l) => KIND_TITLE.test(l));
  if (line) return kindFromType(line);
  return KIND_SHEET.test(sheet.name) ? kindFromType(sheet.name) : null;
}

/** "Област 2 - Хора" written above the table. */
function areaAbove(sheet: Sheet, header: Header): { code: string; title: string } | null {
  for (const line of titleLines(rowsAbove(sheet, header))) {
    const heading = parseAreaHeading(line);
    if (heading) return { code: heading.code, title: heading.title || line };
  }
  return null;
}

/** "1. Лидерство", "2) Хора" above a Word table; "Лидерство" alone, capitalised, with no figures or punctuation but commas, quotes and hyphens. */
const NUMBERED_HEADING = /^(\d{1,2})\s*[.):\-–—]?\s+(\p{Lu}.{0,99})$/u;
const BARE_HEADING = /^\p{Lu}[\p{L} ,„“"'\-–]{2,99}$/u;

/**
 * The paragraph right above a Word (or Writer) table, when it is a short heading that names the
 * table's area: numbered ("1. Лидерство": area 1), or, in a document of several tables (one per
 * area), alone ("Лидерство": the next number). Never the plan's title, a kind's title or a
 * signature line. A table whose own rows open areas leaves this one empty, and it is dropped.
 */
function areaHeadingAbove(sheet: Sheet, nextCode: string, severalTables: boolean): { code: string; title: string } | null {
  const nearest = sheet.heading?.at(-1);
  if (nearest === undefined) return null;
  const line = normaliseSpace(nearest);
  if (PLAN_TITLE.test(line) || KIND_TITLE.test(line) || FOOTNOTE.test(line)) return null;
  const numbered = NUMBERED_HEADING.exec(line);
  if (numbered) return { code: numbered[1]!, title: numbered[2]! };
  return severalTables && BARE_HEADING.test(line) ? { code: nextCode, title: line } : null;
}

/**
 * The text above a table: a Word table's paragraphs above it (Sheet.heading, the nearest last),
 * a sheet's rows above its header.
 */
function rowsAbove(sheet: Sheet, header: Header): SheetRow[] {
  const heading = (sheet.heading ?? []).map((line): SheetRow => ({ row: 0, cells: [line] }));
  return [...heading, ...sheet.rows.slice(0, header.rowIndexes[0])];
}

function titleLines(rows: SheetRow[]): string[] {
  return rows.map((row) => normaliseSpace(row.cells.map(cellText).join(' '))).filter((line) => line !== '');
}

function readTitleBlock(rows: SheetRow[]): Pick<ParsedPlan, 'title' | 'period'> {
  const lines = titleLines(rows);
  const range = lines.map((line) => PERIOD.exec(line)).find((match) => match !== null);
  const title = lines.find((line) => PLAN_TITLE.test(line)) ?? null;
  const years = title === null ? [] : [...new Set([...title.matchAll(TITLE_YEAR)].map((match) => match[1]!))];
  const period = range ? `${range[1]}-${range[2]}` : years.length === 1 ? years[0]! : null;
  return { title, period };
}

const CONFIDENCE_ORDER: Confidence[] = ['low', 'medium', 'high'];

function lowest(values: Confidence[]): Confidence {
  return CONFIDENCE_ORDER.find((c) => values.includes(c)) ?? 'high';
}

/** What the table was taken as, and how sure the importer is (with its reasons, in the person's language). */
function describeTable(table: Found, read: TableRead, lang: Lang): TableUnderstanding {
  const { header, sheet, levels } = table;
  const low: Message[] = [];
  const medium: Message[] = [];
  const items = read.counts.activities + read.counts.unread;
  if (header.keys.activity === undefined) medium.push(inBoth(words, 'reasonNoActivityColumn'));
  if (levels.by === 'every-row') medium.push(inBoth(words, 'reasonNoLevels'));
  if (read.uncoded) medium.push(inBoth(words, 'reasonNoNumbers'));
  if (['start', 'end', 'period'].every((key) => header.keys[key as 'start'] === undefined)) medium.push(inBoth(words, 'reasonNoDateColumn'));
  if (read.dates.invalid > MOST * (read.dates.read + read.dates.invalid) && read.dates.invalid > 0) low.push(inBoth(words, 'reasonMostDatesUnread'));
  if (read.counts.unread > MOST * items) low.push(inBoth(words, 'reasonMostRowsUnread'));
  if (read.counts.activities === 0) low.push(inBoth(words, 'reasonNoActivities'));
  const confidence: Confidence = low.length > 0 ? 'low' : medium.length > 0 ? 'medium' : 'high';
  const cells = new Map<number, number>();
  for (const row of sheet.rows.slice(header.rowIndexes.at(-1)! + 1)) {
    row.cells.forEach((value, index) => {
      if (value !== null && value !== '') cells.set(index, (cells.get(index) ?? 0) + 1);
    });
  }
  const ignored = ignoredColumns(table.entry);
  return {
    sheet: sheet.name,
    headerRows: header.rowIndexes.map((index) => sheet.rows[index].row),
    columns: header.columns.map((column) => ({
      column: columnLetter(column.index),
      header: column.label === columnLetter(column.index) ? '' : column.label,
      meaning: column.key ?? 'ignore',
      cells: cells.get(column.index) ?? 0,
      ...(column.key === null && !ignored.has(column.index) && (cells.get(column.index) ?? 0) > 0 ? { unread: true } : {}),
    })),
    levels,
    levelsFound: read.levelsFound,
    kindFrom: table.kind !== null ? 'sheet' : read.kindFromSections ? 'sections' : ['strategic', 'quickWin', 'kind'].some((k) => header.keys[k as 'kind'] !== undefined) ? 'columns' : 'none',
    rows: read.counts,
    confidence,
    reasons: [...low, ...medium].map((m) => m[lang]),
  };
}

function ignoredSheetReason(search: Exclude<HeaderSearch, { kind: 'table' }>): Message {
  if (search.kind === 'missing-required') return inBoth(words, 'sheetHeaderWithoutTitle', { row: search.row, column: REQUIRED_COLUMN_LABEL });
  return inBoth(words, 'sheetWithoutTable');
}

function noTableError(searches: { sheet: Sheet; search: HeaderSearch }[]): Message {
  for (const { sheet, search } of searches) {
    if (search.kind === 'missing-required') {
      const labels = listed(search.labels.map((name) => inBoth(words, 'quotedName', { name })));
      return inBoth(words, 'requiredColumnMissing', { column: REQUIRED_COLUMN_LABEL, sheet: sheet.name, row: search.row, labels });
    }
  }
  const sheets = searches.length > 0 ? listed(searches.map(({ sheet }) => inBoth(words, 'quotedName', { name: sheet.name }))) : inBoth(words, 'emptyWorkbook');
  return inBoth(words, 'noHeaderRow', { sheets });
}

function mappingFitsNothing(ignored: Understanding['ignoredSheets']): Message {
  const list = ignored.map((s) => `${s.sheet}: ${s.reason}`).join('; ');
  return inBoth(words, 'mappingFitsNoSheet', { list });
}

function nothingRead(tables: TableUnderstanding[]): Message {
  const where = listed(tables.map((t) => inBoth(words, 'headerAt', { sheet: t.sheet, rows: t.headerRows.join('-') })));
  return inBoth(words, 'nothingRead', { where });
}

/** Texts in both languages as one list, each language's joined by commas. */
function listed(items: Message[]): Message {
  return { bg: items.map((item) => item.bg).join(', '), en: items.map((item) => item.en).join(', ') };
}
