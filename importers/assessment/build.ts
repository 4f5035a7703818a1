/**
 * Turns the sheets of a self-assessment workbook into the parsed assessment. Each sheet's
 * header is found by meaning (../header.ts with the assessment's vocabulary); then every row
 * under it belongs to a sub-criterion: the one whose code it gives, or, with no code (merged
 * cells, one row per item), the one above it. A sub-criterion may take many rows, on one sheet
 * or several: its items are gathered, its first score kept.
 */
import type { Lang } from '../../app/domain/lang';
import { CAF_CRITERIA } from '../../app/domain/caf2020';
import { assessmentImportMessages as words } from '../../app/i18n/assessment-import-messages';
import { fill, inBoth } from '../../app/i18n/words';
import { findHeader, isColumnNumbering, repeatsHeader, type Header } from '../header';
import { ImportError } from '../import-error';
import { PlanWarnings, shorten } from '../plan-warnings';
import { cellText, isBlank, normaliseSpace } from '../text';
import type { CellValue, Sheet, SheetRow } from '../types';
import { readCode, readItemKind, readScore, isResult, splitItems, type CodeRead, type ItemKind } from './cells';
import { ASSESSMENT_VOCABULARY, CODE_COLUMNS, PHASE_COLUMNS, RESULT_COLUMNS, type AssessmentColumn } from './columns';
import type { ParsedAssessment, ParsedSubCriterion } from './types';

type Table = { sheet: Sheet; header: Header<AssessmentColumn> };
type ScoreKey = 'score' | (typeof PHASE_COLUMNS)[number] | (typeof RESULT_COLUMNS)[number];
const SCORE_KEYS: ScoreKey[] = ['score', ...PHASE_COLUMNS, ...RESULT_COLUMNS];
/** Columns that say something about a sub-criterion: a table needs one of them beside its code. */
const CONTENT_KEYS: AssessmentColumn[] = [...SCORE_KEYS, 'strengths', 'improvements', 'text'];

interface Given {
  value: number;
  sheet: string;
  row: number;
}

interface Gathered {
  code: string;
  scores: Partial<Record<ScoreKey, Given>>;
  /** In the order first met; the same item twice is kept once. */
  strengths: Set<string>;
  improvements: Set<string>;
}

// "Общо", "Средно за критерия", "Total", "Average": summary rows, passed over.
const TOTALS = /^(?:общо|всичко|средн|сума|total|average|mean|sum)/i;
const ORDER = CAF_CRITERIA.flatMap((c) => c.subCriteria.map((s) => s.code));

export function buildAssessment(sheets: Sheet[], fileName: string, lang: Lang): ParsedAssessment {
  const tables: Table[] = [];
  for (const sheet of sheets) {
    const search = findHeader(sheet, ASSESSMENT_VOCABULARY);
    if (search.kind === 'table' && CONTENT_KEYS.some((key) => search.header.keys[key] !== undefined)) tables.push({ sheet, header: search.header });
  }
  if (tables.length === 0) {
    const read = (language: Lang) => sheets.map(({ name }) => fill(words[language].sheetName, { name })).join(', ');
    throw new ImportError(fileName, inBoth(words, 'noTable', { sheets: { bg: read('bg'), en: read('en') } }));
  }

  const warnings = new PlanWarnings(lang);
  const gathered = new Map<string, Gathered>();
  for (const table of tables) {
    new TableRead(table, gathered, warnings).readAll();
    warnings.flush();
  }
  if (gathered.size === 0) {
    const where = tables.map(({ sheet, header }) => {
      const codeColumn = CODE_COLUMNS.map((key) => header.keys[key]).find((index) => index !== undefined)!;
      return fill(words[lang].tableAt, { sheet: sheet.name, row: sheet.rows[header.rowIndexes[0]!]!.row, column: header.columns[codeColumn]!.label });
    });
    throw new ImportError(fileName, inBoth(words, 'noSubCriteria', { tables: where.join('; ') }));
  }

  const subCriteria = ORDER.filter((code) => gathered.has(code)).map((code) => finish(gathered.get(code)!, tables, warnings));
  warnings.flush();
  const missing = ORDER.filter((code) => !gathered.has(code));
  if (missing.length > 0) {
    warnings.add({ sheet: tables[0]!.sheet.name, row: null, column: null }, inBoth(words, 'missingSubCriteria', { count: missing.length, codes: missing.join(', ') }));
  }
  const fineTuned = tables.some(({ header }) => [...PHASE_COLUMNS, ...RESULT_COLUMNS].some((key) => header.keys[key] !== undefined));
  return {
    title: titleOf(tables[0]!) ?? fileName.replace(/\.[^.]*$/, ''),
    scoring: fineTuned ? 'fine-tuned' : 'classical',
    subCriteria,
    warnings: warnings.list(),
  };
}

/** The reading of one table's rows into the sub-criteria gathered so far. */
class TableRead {
  private current: Gathered | null = null;
  private readonly name: string;

  constructor(
    private readonly table: Table,
    private readonly gathered: Map<string, Gathered>,
    private readonly warnings: PlanWarnings,
  ) {
    this.name = table.sheet.name;
  }

  readAll(): void {
    const { sheet, header } = this.table;
    for (const row of sheet.rows.slice(header.rowIndexes.at(-1)! + 1)) this.readRow(row);
  }

  private column(key: AssessmentColumn): number | undefined {
    return this.table.header.keys[key];
  }

  private label(index: number): string {
    return this.table.header.columns[index]?.label ?? '';
  }

  private cell(cells: CellValue[], key: AssessmentColumn): CellValue {
    const index = this.column(key);
    return index === undefined ? null : (cells[index] ?? null);
  }

  private readRow({ row, cells, hidden, percentColumns = [] }: SheetRow): void {
    const filled = cells.flatMap((value, index) => (isBlank(value) || this.table.header.columns[index]?.key == null ? [] : [index]));
    if (hidden || filled.length === 0 || isColumnNumbering(cells, filled) || repeatsHeader(this.table.header, cells)) return;
    const where = (index: number | null) => ({ sheet: this.name, row, column: index === null ? null : this.label(index) });
    const code = this.codeOf(cells);
    const hasContent = CONTENT_KEYS.some((key) => !isBlank(this.cell(cells, key)));
    if (code.read.kind === 'sub') this.current = this.subCriterion(code.read.code);
    else if (code.read.kind === 'criterion') {
      this.current = null;
      return;
    } else if (code.read.kind === 'unknown') {
      this.current = null;
      this.warnings.add(where(code.index), inBoth(words, 'unknownCode', { code: code.read.code }));
      return;
    } else if (code.index !== null) {
      this.current = null;
      const text = normaliseSpace(cellText(cells[code.index]!));
      if (hasContent && !TOTALS.test(text)) this.warnings.add(where(code.index), inBoth(words, 'noCode', { text: shorten(text) }));
      return;
    }
    if (!hasContent) return;
    const target = this.current;
    if (target === null) {
      this.warnings.add(where(CODE_COLUMNS.map((key) => this.column(key)).find((index) => index !== undefined) ?? null), inBoth(words, 'noCodeAbove'));
      return;
    }
    for (const key of SCORE_KEYS) {
      const index = this.column(key);
      if (index === undefined) continue;
      const value = cells[index] ?? null;
      const score = readScore(value, percentColumns.includes(index));
      if (score === 'invalid') this.warnings.add(where(index), inBoth(words, 'badScore', { text: shorten(shownAs(value, percentColumns.includes(index))) }));
      else if (score !== null) this.give(target, key, { value: score, sheet: this.name, row }, where(index));
    }
    for (const key of ['strengths', 'improvements'] as const) {
      const text = cellText(this.cell(cells, key));
      if (text.trim() !== '') add(target[key], splitItems(text));
    }
    const text = cellText(this.cell(cells, 'text'));
    if (text.trim() !== '') {
      const kind = this.kindOf(cells, row);
      if (kind !== null) add(target[kind], splitItems(text));
    }
  }

  /** The code the row gives: a sub-criterion's from any code column, else what the first filled one says. */
  private codeOf(cells: CellValue[]): { read: CodeRead; index: number | null } {
    let first: { read: CodeRead; index: number | null } | null = null;
    for (const key of CODE_COLUMNS) {
      const index = this.column(key);
      if (index === undefined || isBlank(cells[index] ?? null)) continue;
      const read = readCode(cellText(cells[index]!));
      if (read.kind === 'sub') return { read, index };
      first ??= { read, index };
    }
    return first ?? { read: { kind: 'none' }, index: null };
  }

  private kindOf(cells: CellValue[], row: number): ItemKind | null {
    const index = this.column('kind');
    if (index === undefined) {
      const kind = readItemKind(this.name);
      if (kind === null) this.warnings.add({ sheet: this.name, row, column: this.label(this.column('text')!) }, inBoth(words, 'noKind'));
      return kind;
    }
    const text = cellText(cells[index] ?? null);
    const kind = readItemKind(text);
    if (kind === null) this.warnings.add({ sheet: this.name, row, column: this.label(index) }, inBoth(words, 'unknownKind', { text: shorten(text) }));
    return kind;
  }

  private subCriterion(code: string): Gathered {
    let found = this.gathered.get(code);
    if (!found) {
      found = { code, scores: {}, strengths: new Set(), improvements: new Set() };
      this.gathered.set(code, found);
    }
    return found;
  }

  private give(target: Gathered, key: ScoreKey, given: Given, where: { sheet: string; row: number; column: string | null }): void {
    const first = target.scores[key];
    if (first === undefined) target.scores[key] = given;
    else if (first.value !== given.value) {
      this.warnings.add(where, inBoth(words, 'secondScore', { code: target.code, value: given.value, first: first.value, firstRow: first.row }));
    }
  }
}

function add(list: Set<string>, items: string[]): void {
  for (const item of items) list.add(item);
}

/** The cell as a person sees it: a number shown as a percent as that percent. */
function shownAs(value: CellValue, shownAsPercent: boolean): string {
  return shownAsPercent && typeof value === 'number' ? `${Number((value * 100).toFixed(2))}%` : cellText(value);
}

/** The sub-criterion with its scores checked: all four phases (or trends and targets) or none; their mean when no score is written. */
function finish(g: Gathered, tables: Table[], warnings: PlanWarnings): ParsedSubCriterion {
  const result = isResult(g.code);
  const wanted = result ? RESULT_COLUMNS : PHASE_COLUMNS;
  const unwanted = result ? PHASE_COLUMNS : RESULT_COLUMNS;
  const stray = unwanted.map((key) => g.scores[key]).find((given) => given !== undefined);
  if (stray) warnings.add({ sheet: stray.sheet, row: stray.row, column: null }, inBoth(words, result ? 'phasesOfResult' : 'resultsOfEnabler', { code: g.code }));
  const given = wanted.map((key) => g.scores[key]);
  const parts = given.every((one) => one !== undefined) ? given.map((one) => one.value) : null;
  const some = given.find((one) => one !== undefined);
  if (parts === null && some) {
    const missing = wanted.filter((key) => g.scores[key] === undefined);
    const header = tables.find((table) => table.sheet.name === some.sheet)!.header;
    const index = header.keys[missing[0]!];
    const phases = (language: Lang) => missing.map((key) => words[language][`phase_${key}`]).join(', ');
    const message = inBoth(words, 'phaseMissing', { code: g.code, phases: { bg: phases('bg'), en: phases('en') } });
    warnings.add({ sheet: some.sheet, row: some.row, column: index === undefined ? null : header.columns[index]!.label }, message);
  }
  const mean = parts === null ? null : Math.round((parts.reduce((sum, value) => sum + value, 0) / parts.length) * 100) / 100;
  return {
    code: g.code,
    score: g.scores.score?.value ?? mean,
    phases: !result && parts ? { plan: parts[0]!, do: parts[1]!, check: parts[2]!, act: parts[3]! } : null,
    trends: result && parts ? parts[0]! : null,
    targets: result && parts ? parts[1]! : null,
    strengths: [...g.strengths],
    improvements: [...g.improvements],
  };
}

/** The title block's first line above the first table's header ("Доклад за самооценка 2022"), if any. */
function titleOf({ sheet, header }: Table): string | null {
  for (const { cells } of sheet.rows.slice(0, header.rowIndexes[0])) {
    const first = cells.find((value) => !isBlank(value));
    if (first === undefined || typeof first !== 'string') continue;
    const text = normaliseSpace(first);
    if (text.length >= 3) return text.length > 200 ? `${text.slice(0, 199)}…` : text;
  }
  return null;
}
