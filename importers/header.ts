import { importFileWords } from '../app/i18n/import-files';
import { inBoth } from '../app/i18n/words';
import type { Message } from './import-error';
import type { ColumnMeaning } from './mapping';
import type { CellValue, Sheet, SheetRow } from './types';
import { parseAreaHeading } from './codes';
import { cellText, columnLetter, isBlank, normaliseSpace } from './text';

/** A meaning a column can be recognised as ('ignore' is only ever chosen by a person). */
export type ColumnKey = Exclude<ColumnMeaning, 'ignore'>;

// A numbering column: "№", "No.", "Ref.", "Код", "№ по ред", "п/п".
const CODE_HEADER = /^(?:№|no\.?|nr\.?|n°|#|ref\.?|reference|код|code|номер|п\/п|id)(?:\s|$)/;

// Checked in this order, first match wins: "Вид на мярката" is 'kind' before it is 'measure',
// "Стратегически мерки" 'strategic', "Срок за изпълнение на дейността" 'period' before 'activity',
// "Отговорник за дейността" 'owners', "Мерки/дейности" 'activity' before 'measure'.
const COLUMN_PATTERNS: [ColumnKey, RegExp][] = [
  ['kind', /^(?:вид|тип|type|kind|категория|category)(?:\s|$)/],
  ['quickWin', /бърз[аи]? побед|quick[ -]?wins?/],
  ['strategic', /стратегическ|strategic/],
  ['caf', /caf|критери|criteri/],
  ['status', /статус|status|състояние|степен на изпълнение|напредък|progress|изпълнение към|процент на изпълнение|% изпълнение|percent complete|% complete/],
  ['start', /начал|^start|^begin|^от дата|^от$|^from$/],
  ['end', /край|крайн|краен|^due|^end|deadline|^до дата|^до$|^to$|^until|^finish|completion/],
  ['period', /срок|period|период|timeframe|time frame|timeline|timing|график|^кога|^when|^дата|^date/],
  ['indicator', /индикатор|indicator|kpi|показател/],
  ['target', /целев|target|очакван|expected|резултат|result|outcome|deliverable/],
  ['owners', /отговор|responsib|owner|изпълнител|accountable|^lead|звено|подпомаг|партньор|partner/],
  ['resources', /ресурс|resource|бюджет|budget|финансир|funding|cost|разход|средства/],
  ['note', /забележ|бележк|коментар|^note|comment|remark|пояснени/],
  ['activity', /дейност|activit|action|действи|задач|task|мероприяти|^наименование$|^описание$|^title$|^description$/],
  ['measure', /мярк|мерки|measure|предложени[ея] за подобрение|improvement/],
  ['area', /^(?:област|area|приоритет|priority|направление)/],
];

// "Стратегическа цел", "Връзка със стратегически документи", "Strategic objective": what the plan serves, not the measure's kind.
const NOT_A_KIND = /(?:стратегическ\S*|strategic)\s+(?:цел|goal|objective|документ|document|рамк|framework|приоритет|priorit|направлен|план|plan)/;

// "Брой мерки", "Number of activities": a count of a meaning (a summary table), not the meaning.
const COUNT_HEADER = /^(?:брой|общ брой|бр\.|number of|no\. of|count)(?:\s|$)/;

// Under a group header of dates ("Срок", "Period"), "от"/"начало"/"from" is the start, "до"/"край"/"to" the end.
const START_WORD = /^(?:от|from|начал|start|begin)/;
const END_WORD = /^(?:до|to|край|крайн|end|until|finish)/;

/** The columns that give a row its title: an activity's, else a measure's (then every row is a measure). */
export const TITLE_COLUMNS: ColumnKey[] = ['activity', 'measure'];
/** The column every plan needs, as messages name it. */
export const REQUIRED_COLUMN_LABEL: Message = inBoth(importFileWords, 'requiredColumnLabel');

const MAX_HEADER_CELL_LENGTH = 80;
const MAX_SUB_HEADER_LENGTH = 40;
const MIN_MEANINGS = 2;
const HEADER_SEARCH_ROWS = 50;

export function recogniseColumn(text: string, group = ''): ColumnKey | null {
  const clean = normaliseSpace(text).toLowerCase();
  if (clean === '' || clean.length > MAX_HEADER_CELL_LENGTH) return null;
  const groupMeaning = group ? recogniseColumn(group) : null;
  if (groupMeaning === 'period' || groupMeaning === 'start' || groupMeaning === 'end') {
    if (START_WORD.test(clean)) return 'start';
    if (END_WORD.test(clean)) return 'end';
  }
  if (CODE_HEADER.test(clean) && clean.length <= 20) return 'code';
  if (COUNT_HEADER.test(clean)) return null;
  const notKind = NOT_A_KIND.test(clean);
  return COLUMN_PATTERNS.find(([key, pattern]) => pattern.test(clean) && !(notKind && key === 'strategic'))?.[0] ?? groupMeaning;
}

export interface Column<K extends string = ColumnKey> {
  index: number;
  key: K | null;
  /** The header text as in the file (group and sub-header joined by " / "), or the column letter when empty. */
  label: string;
}

export interface Header<K extends string = ColumnKey> {
  /** Indexes into the sheet's rows: one row, or a group header row and its sub-header row. */
  rowIndexes: number[];
  columns: Column<K>[];
  keys: Partial<Record<K, number>>;
  /** Further columns of a meaning that may take several ("Отговорник" and "Съизпълнители"), read with the first. */
  more?: Partial<Record<K, number[]>>;
}

export type HeaderSearch<K extends string = ColumnKey> =
  | { kind: 'table'; header: Header<K> }
  | { kind: 'missing-required'; row: number; labels: string[] }
  | { kind: 'none' };

/** What a header's cells can mean: how a cell (under a group header) is recognised, and the meanings of which a table needs one. */
export interface Vocabulary<K extends string> {
  recognise: (text: string, group: string) => K | null;
  required: K[];
  /** Meanings several columns may have (their cells read together); any other second column of a meaning is not read. */
  repeatable?: K[];
  /** A second column of a meaning that two related meanings share: the meanings of it and of the first (see shareResult). */
  share?: Share<K>;
}

type Share<K extends string> = (key: K, text: string, first: string) => { mine: K; first: K } | null;

const TARGET_VALUE = /целев|target/i;

/**
 * "Очакван резултат" and "Целева стойност" both read as a target: without an indicator column, the
 * one naming the value aimed at is the target and the other the indicator, so neither is lost.
 */
const shareResult: Share<ColumnKey> = (key, text, first) => {
  if (key !== 'target') return null;
  return TARGET_VALUE.test(text) && !TARGET_VALUE.test(first) ? { mine: 'target', first: 'indicator' } : { mine: 'indicator', first: 'target' };
};

/**
 * The meanings several columns of a plan may share, their texts joined: owners and co-owners; a
 * № column for the measures and one for the activities; two targets, notes ("Бележки" and
 * "Коментар") or resources.
 */
const REPEATABLE: ColumnKey[] = ['owners', 'code', 'target', 'note', 'resources'];

/** The columns of an improvement plan. */
export const PLAN_VOCABULARY: Vocabulary<ColumnKey> = { recognise: recogniseColumn, required: TITLE_COLUMNS, repeatable: REPEATABLE, share: shareResult };

/**
 * Finds the header by meaning: of the first rows, the one (or the group row and its sub-header
 * row) whose cells name the most columns of the vocabulary; a title
 * block above it is passed over.
 */
export function findHeader<K extends string>(sheet: Sheet, vocabulary: Vocabulary<K>): HeaderSearch<K> {
  const rows = sheet.rows;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  const read = (rowIndexes: number[]) => headerOf(sheet, rowIndexes, (_, text, group) => vocabulary.recognise(text, group), vocabulary.repeatable, vocabulary.share);
  const score = (header: Header<K>) => scoreOf(header, vocabulary.required);
  const candidates: { header: Header<K>; score: number }[] = [];
  for (let rowIndex = 0; rowIndex < limit; rowIndex++) {
    if (rows[rowIndex].hidden) continue;
    const single = read([rowIndex]);
    const singleScore = score(single);
    if (singleScore === 0) continue;
    let candidate = { header: single, score: singleScore };
    if (rowIndex + 1 < rows.length && looksLikeSubHeader(rows[rowIndex + 1])) {
      const double = read([rowIndex, rowIndex + 1]);
      const below = score(read([rowIndex + 1]));
      if (score(double) > singleScore && score(double) > below) candidate = { header: double, score: score(double) };
    }
    candidates.push(candidate);
  }
  // The best, or an earlier row nearly as good (the same header repeated lower down, with one more column named).
  const top = Math.max(0, ...candidates.map((c) => c.score));
  const best = candidates.find((c) => c.score >= top - 1) ?? null;
  if (best === null || Object.keys(best.header.keys).length < MIN_MEANINGS) return { kind: 'none' };
  if (!vocabulary.required.some((key) => best.header.keys[key] !== undefined)) {
    const labels = best.header.columns.filter((c) => c.label !== columnLetter(c.index)).map((c) => c.label);
    return { kind: 'missing-required', row: rows[best.header.rowIndexes[0]].row, labels };
  }
  return { kind: 'table', header: best.header };
}

/** Distinct meanings, and more for a required column: the row that names the table best. */
function scoreOf<K extends string>(header: Header<K>, required: K[]): number {
  const meanings = Object.keys(header.keys).length;
  if (meanings < MIN_MEANINGS) return 0;
  return meanings + (required.some((key) => header.keys[key] !== undefined) ? 2 : 0);
}

/** Short words in two cells or more, no dates or numbers, no area row ("Област 1: ..."): the row could be the second row of a header. */
function looksLikeSubHeader(row: SheetRow): boolean {
  let filled = 0;
  for (const value of row.cells) {
    if (isBlank(value)) continue;
    if (typeof value !== 'string' || normaliseSpace(value).length > MAX_SUB_HEADER_LENGTH || /^\d/.test(value.trim()) || parseAreaHeading(value) !== null) return false;
    filled++;
  }
  return filled > 1;
}

/**
 * The header of the given rows: with two, each column's meaning comes from its sub-header, the
 * group header above it (merged across, or written in the group's first column) adding context.
 */
export function headerFromRows(sheet: Sheet, rowIndexes: number[], given?: Record<number, ColumnKey | 'ignore'>): Header {
  if (!given) return headerOf(sheet, rowIndexes, (_, text, group) => recogniseColumn(text, group), REPEATABLE, shareResult);
  return headerOf(sheet, rowIndexes, (index) => (given[index] === undefined || given[index] === 'ignore' ? null : given[index]), REPEATABLE);
}

/** The header of the given rows, each column's meaning as `keyOf` says from its text (the sub-header's when there is one) and the group's above. */
function headerOf<K extends string>(
  sheet: Sheet,
  rowIndexes: number[],
  keyOf: (index: number, text: string, group: string) => K | null,
  repeatable: K[] = [],
  share?: Share<K>,
): Header<K> {
  const rows = rowIndexes.map((index) => sheet.rows[index]);
  const top = rows[0];
  const sub = rows.length > 1 ? rows[1] : null;
  const width = Math.max(...rows.map((row) => row.cells.length));
  const columns: Column<K>[] = [];
  const keys: Header<K>['keys'] = {};
  const more: NonNullable<Header<K>['more']> = {};
  // A meaning sharing gave a column -> the meaning the column was recognised as.
  const sharedInto = new Map<K, K>();
  let group = '';
  for (let index = 0; index < width; index++) {
    const topText = normaliseSpace(cellText(top.cells[index] ?? null));
    const subText = sub ? normaliseSpace(cellText(sub.cells[index] ?? null)) : '';
    if (topText) group = topText;
    else if (!groupSpans(sheet, top.row, index)) group = subText ? group : '';
    const above = topText || (subText ? group : '');
    const label = [above, subText].filter(Boolean).join(' / ');
    let key = subText ? keyOf(index, subText, above) : keyOf(index, topText, '');
    const taken = key === null ? undefined : keys[key];
    const shared = key === null || taken === undefined ? null : (share?.(key, label, columns[taken]!.label) ?? null);
    const own = key === null ? undefined : sharedInto.get(key);
    if (key !== null && taken !== undefined && own !== undefined && repeatable.includes(own)) {
      // An explicit column of the meaning sharing gave ("Индикатор" after "Очакван резултат" and
      // "Целева стойност") takes it; the shared column is read with its own meaning's column again.
      sharedInto.delete(key);
      columns[taken] = { ...columns[taken]!, key: own };
      (more[own] ??= []).push(taken);
      keys[key] = index;
    } else if (key !== null && taken !== undefined && shared !== null && keys[shared.mine === key ? shared.first : shared.mine] === undefined) {
      if (shared.first !== key) sharedInto.set(shared.first, key);
      if (shared.mine !== key) sharedInto.set(shared.mine, key);
      columns[taken] = { ...columns[taken]!, key: shared.first };
      keys[shared.first] = taken;
      keys[shared.mine] = index;
      key = shared.mine;
    } else if (key !== null && taken !== undefined) {
      if (repeatable.includes(key)) (more[key] ??= []).push(index);
      else key = null; // a second column of the same meaning is not read
    } else if (key !== null) keys[key] = index;
    columns.push({ index, key, label: label || columnLetter(index) });
  }
  return { rowIndexes, columns, keys, ...(Object.keys(more).length > 0 ? { more } : {}) };
}

/** Whether a merged range of the sheet covers this empty header cell from its left. */
function groupSpans(sheet: Sheet, row: number, index: number): boolean {
  return (sheet.merges ?? []).some((m) => m.top <= row && row <= m.bottom && m.left < index && index <= m.right);
}

/** The column for a cell index, also beyond the header's last cell. */
export function columnAt<K extends string>(header: Header<K>, index: number): Column<K> {
  return header.columns[index] ?? { index, key: null, label: columnLetter(index) };
}

/** Whether the row repeats the header (as on every printed page). */
export function repeatsHeader<K extends string>(header: Header<K>, cells: CellValue[]): boolean {
  let same = 0;
  for (const column of header.columns) {
    if (column.key === null) continue; // only the columns read say it is the header again
    const value = cells[column.index];
    if (typeof value !== 'string') continue; // a header is words: a date or a number never repeats it
    const text = normaliseSpace(value);
    if (text === '') continue;
    if (text === column.label || (column.label.includes(' / ') && (column.label.endsWith(` / ${text}`) || column.label.startsWith(`${text} / `)))) same++;
  }
  return same >= 2;
}

const COLUMN_NUMBER = /^(?:\d{1,2}\.?|\(\d{1,2}\))$/;

/** The row under the header that only numbers the columns: 1. 2. 3. ..., or (1) (2) (3) ... */
export function isColumnNumbering(cells: CellValue[], filled: number[]): boolean {
  return filled.length >= 3 && filled.every((index) => COLUMN_NUMBER.test(cellText(cells[index]).trim()));
}
