import type { Message } from './import-error';
import type { CellValue, SheetRow } from './types';
import { cellText, columnLetter, normaliseSpace } from './text';

export type ColumnKey =
  | 'measure'
  | 'activity'
  | 'strategic'
  | 'quickWin'
  | 'type'
  | 'caf'
  | 'start'
  | 'end'
  | 'target'
  | 'owners'
  | 'note';

// Checked in this order, first match wins: "Стратегически мерки" is 'strategic' before it is 'measure'.
const COLUMN_PATTERNS: [ColumnKey, RegExp][] = [
  ['quickWin', /бърз[аи]? побед|quick ?wins?/],
  ['strategic', /стратегическ|strategic/],
  ['type', /^(?:вид|тип|type|kind)(?:\s|$)/],
  ['caf', /caf|критери|criteri/],
  ['start', /начал|^start|^begin|^от дата/],
  ['end', /край|срок|^due|^end|deadline|^до дата/],
  ['target', /целев|target|индикатор|очакван|expected|резултат/],
  ['owners', /отговорн|responsib|owner|изпълнител/],
  ['note', /забележ|бележк|коментар|^note|comment|remark/],
  ['activity', /дейност|activit|action/],
  ['measure', /мярк|мерки|measure/],
];

const REQUIRED_COLUMN: ColumnKey = 'activity';
export const REQUIRED_COLUMN_LABEL: Message = {
  en: 'activity title ("Наименование на дейността", "Дейност", "Activity")',
  bg: 'наименование на дейността („Наименование на дейността“, „Дейност“, „Activity“)',
};

const MAX_HEADER_CELL_LENGTH = 80;
const MIN_HEADER_COLUMNS = 3;
const HEADER_SEARCH_ROWS = 50;

export function recogniseColumn(text: string): ColumnKey | null {
  const clean = normaliseSpace(text).toLowerCase();
  if (clean === '' || clean.length > MAX_HEADER_CELL_LENGTH) return null;
  return COLUMN_PATTERNS.find(([, pattern]) => pattern.test(clean))?.[0] ?? null;
}

export interface Column {
  index: number;
  key: ColumnKey | null;
  /** The header text as in the file, or the column letter when the header cell is empty. */
  label: string;
}

export interface Header {
  /** Index into the sheet's rows. */
  rowIndex: number;
  columns: Column[];
  keys: Partial<Record<ColumnKey, number>>;
}

export type HeaderSearch =
  | { kind: 'table'; header: Header }
  | { kind: 'missing-required'; row: number; labels: string[] }
  | { kind: 'none' };

/** Finds the header row by meaning: the first row with at least three recognised column names. */
export function findHeader(rows: SheetRow[]): HeaderSearch {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let rowIndex = 0; rowIndex < limit; rowIndex++) {
    const header = readHeader(rows[rowIndex].cells, rowIndex);
    if (Object.keys(header.keys).length < MIN_HEADER_COLUMNS) continue;
    if (header.keys[REQUIRED_COLUMN] === undefined) {
      const labels = header.columns.filter((c) => c.label !== columnLetter(c.index)).map((c) => c.label);
      return { kind: 'missing-required', row: rows[rowIndex].row, labels };
    }
    return { kind: 'table', header };
  }
  return { kind: 'none' };
}

function readHeader(cells: CellValue[], rowIndex: number): Header {
  const columns: Column[] = [];
  const keys: Header['keys'] = {};
  cells.forEach((value, index) => {
    const label = normaliseSpace(cellText(value));
    let key = recogniseColumn(label);
    if (key !== null && keys[key] !== undefined) key = null; // a second column of the same meaning is not read
    if (key !== null) keys[key] = index;
    columns.push({ index, key, label: label || columnLetter(index) });
  });
  return { rowIndex, columns, keys };
}

/** The column for a cell index, also beyond the header's last cell. */
export function columnAt(header: Header, index: number): Column {
  return header.columns[index] ?? { index, key: null, label: columnLetter(index) };
}
