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
  target: string | null;
  owners: string[];
  note: string | null;
  source: SourceRef;
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
  /** 1-based row number as in the file. */
  row: number;
  /** 0-based by column; holes are null. */
  cells: CellValue[];
}

export interface Sheet {
  name: string;
  rows: SheetRow[];
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
