import type { Header } from './header';
import { titleKey } from './levels';
import { readCodeCell } from './codes';
import { cellText, isBlank } from './text';
import type { CellValue, Sheet } from './types';

/**
 * Merged cells under the header: a value merged down (a measure over its activities) applies to
 * every row it covers (not the title or code column: those are one row's); a range merged across
 * the table marks a group row (an area). Without a measure column, a code merged down the № column
 * ("1.1", "Мярка 1.1") is the measure's of the rows it covers (codeDown: row -> code).
 */
export function readMerges(sheet: Sheet, header: Header): { across: Set<number>; filledDown: Map<number, CellValue[]>; codeDown: Map<number, string> } {
  const across = new Set<number>();
  const filledDown = new Map<number, CellValue[]>();
  const codeDown = new Map<number, string>();
  const headerEnd = sheet.rows[header.rowIndexes.at(-1)!].row;
  const merges = (sheet.merges ?? []).filter((m) => m.top > headerEnd);
  if (merges.length === 0) return { across, filledDown, codeDown };
  const byRow = new Map(sheet.rows.map((row) => [row.row, row]));
  const title = header.keys[titleKey(header)!];
  const width = header.columns.filter((c) => c.key !== null).length;
  for (const m of merges) {
    if (m.right - m.left >= Math.min(2, width - 1)) {
      for (let row = m.top; row <= m.bottom; row++) across.add(row);
      continue;
    }
    if (m.bottom === m.top || m.left === title) continue;
    const value = byRow.get(m.top)?.cells[m.left] ?? null;
    if (m.left === header.keys.code) {
      const code = readCodeCell(cellText(value));
      if (code !== null && header.keys.measure === undefined) for (let row = m.top; row <= m.bottom; row++) codeDown.set(row, code);
      continue;
    }
    for (let row = m.top + 1; row <= m.bottom; row++) {
      const source = byRow.get(row);
      if (!source) continue;
      const cells = filledDown.get(row) ?? [...source.cells];
      while (cells.length < m.left) cells.push(null); // no holes: a short row is padded, not left sparse
      for (let column = m.left; column <= m.right; column++) if (isBlank(cells[column] ?? null)) cells[column] = value;
      filledDown.set(row, cells);
    }
  }
  return { across, filledDown, codeDown };
}
