/**
 * The table and the row a TableReader (table-reader.ts) is reading: the row's cells by meaning
 * (which of them went into the plan, the rest being reported), the activity's fields for
 * readActivity (FieldSource), and the warnings at a row and column.
 */
import { importPlanWords as words } from '../app/i18n/import-plan';
import { inBoth } from '../app/i18n/words';
import type { FieldSource } from './activity-fields';
import { columnAt, type ColumnKey, type Header } from './header';
import type { Message } from './import-error';
import type { LevelRule, RowCounts } from './mapping';
import type { Level } from './codes';
import { type PlanWarnings, shorten } from './plan-warnings';
import { cellText, isBlank } from './text';
import type { CellValue, MeasureKind, Sheet } from './types';

export interface TableLayout {
  sheet: Sheet;
  header: Header;
  levels: LevelRule;
  /** The kind of every measure of the table (the sheet's name or title says it), if any. */
  kind: MeasureKind | null;
  /** The area the title above the table (or the sheet's name) gives, if any. */
  area: { code: string; title: string } | null;
  /** Columns a mapping marks 'ignore'. */
  ignored: Set<number>;
}

export interface TableRead {
  counts: RowCounts;
  levelsFound: Level[];
  /** Date cells read, and those that could not be. */
  dates: { read: number; invalid: number };
  /** Columns not read: index -> non-empty cells. */
  unreadColumns: Map<number, number>;
  uncoded: boolean;
  kindFromSections: boolean;
}

export abstract class TableCells implements FieldSource {
  protected t!: TableLayout;
  protected read!: TableRead;
  // The row being read, and the columns of it that went into the plan (the rest is reported).
  protected cells: CellValue[] = [];
  protected readonly placed = new Set<number>();

  constructor(private readonly warnings: PlanWarnings) {}

  protected peek(key: ColumnKey): CellValue {
    return this.valueIn(this.cells, key);
  }

  /**
   * The cell of the meaning in the cells given; of owners in several columns, their texts one per
   * line (of two № columns, the first: the measures' numbers; activityCode reads the second).
   */
  private valueIn(cells: CellValue[], key: ColumnKey): CellValue {
    const index = this.t.header.keys[key];
    if (index === undefined) return null;
    const more = this.t.header.more?.[key];
    if (more === undefined || key === 'code') return cells[index] ?? null;
    const texts = [index, ...more].map((i) => cells[i] ?? null).filter((value) => !isBlank(value)).map(cellText);
    return texts.length > 0 ? texts.join('\n') : null;
  }

  /** The activity's own № column when the table has two (the measure's, then the activity's), taken. */
  protected activityCode(): CellValue | undefined {
    const index = this.t.header.more?.code?.[0];
    if (index === undefined) return undefined;
    this.placed.add(index);
    return this.cells[index] ?? null;
  }

  protected take(key: ColumnKey): CellValue {
    const index = this.t.header.keys[key];
    if (index !== undefined) this.placed.add(index);
    if (key !== 'code') for (const i of this.t.header.more?.[key] ?? []) this.placed.add(i);
    return this.peek(key);
  }

  protected has(key: ColumnKey): boolean {
    return !isBlank(this.peek(key));
  }

  // FieldSource: the activity's fields from its row, or from its measure's own row where its are empty.
  protected fallback: CellValue[] | null = null;
  protected row = 0;

  get dates(): TableRead['dates'] {
    return this.read.dates;
  }

  field(key: ColumnKey): CellValue {
    const own = this.take(key);
    if (this.fallback === null || !isBlank(own)) return own;
    return this.valueIn(this.fallback, key);
  }

  warnField(column: string | null, message: Message): void {
    this.warnAt(this.row, column, message);
  }

  label(key: ColumnKey): string | null {
    const index = this.t.header.keys[key];
    return index === undefined ? null : columnAt(this.t.header, index).label;
  }

  protected warnAt(row: number | null, column: string | null, message: Message): void {
    this.warnings.add({ sheet: this.t.sheet.name, row, column }, message);
  }

  /** The filled cells of the row that went into no place of the plan: a warning each, or counted for a column without a meaning. */
  protected reportUnplaced(filled: number[], row: number, reason: Message): void {
    for (const index of filled) {
      if (this.placed.has(index)) continue;
      const column = columnAt(this.t.header, index);
      if (column.key === null) {
        this.read.unreadColumns.set(index, (this.read.unreadColumns.get(index) ?? 0) + 1);
        continue;
      }
      this.warnAt(row, column.label, inBoth(words, 'notImported', { reason, text: shorten(cellText(this.cells[index])) }));
    }
  }

  /** Once the table is read: one warning per column without a meaning, with the cells it had. */
  protected warnUnreadColumns(): void {
    for (const [index, cells] of this.read.unreadColumns) {
      this.warnAt(null, columnAt(this.t.header, index).label, inBoth(words, cells === 1 ? 'columnNotReadOneCell' : 'columnNotRead', { cells }));
    }
  }
}
