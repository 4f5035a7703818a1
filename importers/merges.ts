import type { Header } from './header';
import { titleKey } from './levels';
import { isBlank } from './text';
import type { CellValue, Sheet } from './types';

/**
 * Merged cells under the header: a value merged down (a measure over its activities) applies to
 * every row it covers (not the title or code column: those are one row's); a range merged across
 * the table marks a group row (an area).
 */
export function readMerges(sheet: Sheet, header: Header): { across: Set<number>; filledDown: Map<number, CellValue[]> } {
  const across = new Set<number>();
  const filledDown = new Map<number, CellValue[]>();
  const headerEnd = sheet.rows[header.rowIndexes.at(-1)!].row;
  const merges = (sheet.merges ?? []).filter((m) => m.top > headerEnd);
  if (merges.length === 0) return { across, filledDown };
  const byRow = new Map(sheet.rows.map((row) => [row.row, row]));
  const title = header.keys[titleKey(header)!];
  const width = header.columns.filter((c) => c.key !== null).length;
  for (const m of merges) {
    if (m.right - m.left >= Math.min(2, width - 1)) {
      for (let row = m.top; row <= m.bottom; row++) across.add(row);
      continue;
    }
    if (m.bottom === m.top || m.left === title || m.left === header.keys.code) continue;
    const value = byRow.get(m.top)?.cells[m.left] ?? null;
    for (let row = m.top + 1; row <= m.bottom; row++) {
      const source = byRow.get(row);
      if (!source) continue;
      const cells = filledDown.get(row) ?? [...source.cells];
      for (let column = m.left; column <= m.right; column++) if (isBlank(cells[column] ?? null)) cells[column] = value;
      filledDown.set(row, cells);
    }
  }
  return { across, filledDown };
}
