/** The importer's output contract (see PRODUCT.md, "Parsed plan JSON"). */
import type { Message } from './import-error';

export type MeasureKind = 'strategic' | 'quick_win';

export interface SourceRef {
  sheet: string;
  /** 1-based, as Excel shows it (for CSV: the record number). */
  row: number;
}

export interface ParsedActivity {
  code: string;
  title: string;
  /** ISO date (YYYY-MM-DD). */
  start: string | null;
  end: string | null;
  ongoing: boolean;
  /** The wording of an ongoing period ("текущо", "ежегодно"), when the plan gives one. */
  ongoingText: string | null;
  /** How achievement is measured ("Индикатор", "KPI"), beside the value aimed at (target). */
  indicator: string | null;
  target: string | null;
  owners: string[];
  /** Resources or budget, as written. */
  resources: string | null;
  note: string | null;
  /** A status column of the plan: the activity's first status update. */
  status: ParsedActivityStatus | null;
  source: SourceRef;
}

export interface ParsedActivityStatus {
  status: 'planned' | 'in_progress' | 'done' | 'postponed' | 'cancelled';
  percent: number | null;
  /** The cell as written, when it says more than the status word. */
  comment: string | null;
}

export interface ParsedMeasure {
  code: string;
  title: string;
  kind: MeasureKind | null;
  cafRefs: string[];
  activities: ParsedActivity[];
}

export interface ParsedArea {
  code: string;
  title: string;
  measures: ParsedMeasure[];
}

export interface ImportWarning {
  sheet: string;
  row: number | null;
  /** The column's header text as in the file; null when the warning is about a whole row or sheet. */
  column: string | null;
  message: string;
}

export interface ParsedPlan {
  title: string | null;
  period: string | null;
  areas: ParsedArea[];
  warnings: ImportWarning[];
}

/** A cell as read from a file, before any interpretation. */
export type CellValue = string | number | Date | null;

export interface SheetRow {
  /** 1-based row number as in the file (a Word table: the row of the table, as Word counts them). */
  row: number;
  /** 0-based by column; holes are null. */
  cells: CellValue[];
  /** 0-based columns whose number is shown as a percent (its number format has %: 1.5 is shown 150%); .xlsx only. */
  percentColumns?: number[];
  /** The file hides the row (Excel: hidden; Calc: collapsed; Word: hidden row mark). Absent when shown. */
  hidden?: boolean;
  /** Word: the row repeats at the top of each page (w:tblHeader), i.e. the table says it is its header. Absent otherwise. */
  header?: boolean;
}

/**
 * Cells merged into one: the value is in the top-left cell only, the others are empty.
 * Rows are 1-based as SheetRow.row, columns 0-based as SheetRow.cells; the bounds are inclusive.
 */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * What one reader gives per sheet: an Excel or Calc sheet, a CSV file, or one table of a Word
 * document (named "Таблица 1", "Таблица 2", ... in document order).
 */
export interface Sheet {
  name: string;
  rows: SheetRow[];
  /** Merged cells (Excel mergeCells, Calc spans, Word gridSpan and vMerge), in file order; absent when none. */
  merges?: CellRange[];
  /**
   * Word: the paragraphs of text directly above the table (after the previous table), in order, the
   * nearest last; empty paragraphs left out, at most the last 30. This is where a Word plan has its
   * title block ("УТВЪРЖДАВАМ", the plan's title and period) and area titles written as headings
   * above each table. Absent for spreadsheets, whose title block is in their rows.
   */
  heading?: string[];
  /** What the reader noticed (bytes that are not text, say), in each language; listed first among the plan's warnings. */
  notes?: SheetNote[];
  /** A text file: the encoding its text was read in (for a CSV file that is not UTF-8, a guess). */
  encoding?: 'utf-8' | 'utf-16le' | 'windows-1251';
}

export interface SheetNote {
  row: number | null;
  /** A column letter, or null for the whole row or file. */
  column: string | null;
  message: Message;
}
