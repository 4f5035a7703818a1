/** The importer's output contract (see PRODUCT.md, "Parsed plan JSON"). */

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
  /** 1-based row number as in the file. */
  row: number;
  /** 0-based by column; holes are null. */
  cells: CellValue[];
  /** The row is hidden in the file (not shown, not printed). */
  hidden?: boolean;
}

export interface Sheet {
  name: string;
  rows: SheetRow[];
  /** Merged ranges: rows 1-based as SheetRow.row, columns 0-based; the value is in the top-left cell. */
  merges?: { top: number; left: number; bottom: number; right: number }[];
}
