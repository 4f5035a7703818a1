/**
 * How a person (or the importer's own guess) says a table is laid out: which rows are the
 * header, what each column means, and how rows become areas, measures and activities.
 * The importer applies a Mapping instead of guessing; its guess (Understanding) carries the
 * same shape so a form can start from it. JSON format: README, "Command line".
 */
import { z } from 'zod';

/** What a column holds. 'ignore' columns are not read and not reported. */
export const COLUMN_MEANINGS = [
  'code',
  'area',
  'measure',
  'activity',
  'strategic',
  'quickWin',
  'kind',
  'caf',
  'start',
  'end',
  'period',
  'owners',
  'indicator',
  'target',
  'status',
  'resources',
  'note',
  'ignore',
] as const;
export type ColumnMeaning = (typeof COLUMN_MEANINGS)[number];

/**
 * How rows become the plan's three levels.
 * - columns: an area, measure and activity column (whichever exist; area rows are rows with a
 *   single cell such as "Област 1: ..." or "I. ЛИДЕРСТВО");
 * - numbering: one title column; the depth of each row's number (from the code column or the
 *   text) gives its level: depths lists the depth of each level found (e.g. area 1, measure 2,
 *   activity 3; or measure 1, activity 2 with no area level);
 * - every-row: each row is an activity, and becomes a measure with one activity of the same title.
 */
export type LevelRule =
  | { by: 'columns' }
  | { by: 'numbering'; depths: { area?: number; measure?: number; activity: number } }
  | { by: 'every-row' };

export interface SheetMapping {
  /** The sheet's name, or "*" for every sheet not named elsewhere in the mapping. */
  sheet: string;
  /** 1-based row numbers as in the file: one row, or a group header row over a sub-header row. */
  headerRows: number[];
  /** By column letter ("A", "B", ...): what the column holds; a column not listed is not read (and reported). */
  columns: Record<string, ColumnMeaning>;
  levels: LevelRule;
  /** The kind of every measure of the sheet (a sheet of quick wins); null or absent: from the columns. */
  kind?: 'strategic' | 'quick_win' | null;
}

export interface Mapping {
  version: 1;
  sheets: SheetMapping[];
}

export type Confidence = 'high' | 'medium' | 'low';

export interface ColumnUnderstanding {
  /** Column letter as the spreadsheet shows it. */
  column: string;
  /** The header text (group header and sub-header joined by " / "), or '' when empty. */
  header: string;
  meaning: ColumnMeaning;
  /** Non-empty cells under the header. */
  cells: number;
  /** The column holds cells but nothing reads them (reported in one warning). */
  unread?: boolean;
}

export interface RowCounts {
  areas: number;
  measures: number;
  activities: number;
  /** Rows passed over: empty, hidden, a numbering row, a repeated header, totals, footnotes, signatures. */
  skipped: number;
  /** Rows with content that went nowhere (each has a warning). */
  unread: number;
}

export interface TableUnderstanding {
  sheet: string;
  headerRows: number[];
  columns: ColumnUnderstanding[];
  levels: LevelRule;
  /** The levels the rows were read into, e.g. ['area', 'measure', 'activity'] or ['measure', 'activity']. */
  levelsFound: ('area' | 'measure' | 'activity')[];
  /** Where the kind of a measure came from. */
  kindFrom: 'columns' | 'sheet' | 'sections' | 'none';
  rows: RowCounts;
  confidence: Confidence;
  /** Why the confidence is not high (in the language asked for). */
  reasons: string[];
}

export interface Understanding {
  tables: TableUnderstanding[];
  /** Sheets without a plan table, and why. */
  ignoredSheets: { sheet: string; reason: string }[];
  /** The lowest confidence of the tables ('low' when there are none). */
  confidence: Confidence;
  /** True when the person should check or correct the mapping before confirming. */
  needsMapping: boolean;
  /** The guess (or the mapping given) as a Mapping: what a mapping form starts from. */
  mapping: Mapping;
  /** Whether the plan was read by a mapping given in the options rather than guessed. */
  mapped: boolean;
}

export interface ImportOptions {
  /** Read the tables this way instead of guessing. */
  mapping?: Mapping;
}

const levelRule = z.discriminatedUnion('by', [
  z.object({ by: z.literal('columns') }),
  z.object({
    by: z.literal('numbering'),
    depths: z.object({ area: z.number().int().min(1).max(9).optional(), measure: z.number().int().min(1).max(9).optional(), activity: z.number().int().min(1).max(9) }),
  }),
  z.object({ by: z.literal('every-row') }),
]);

const mappingSchema = z.object({
  version: z.literal(1),
  sheets: z
    .array(
      z.object({
        sheet: z.string().min(1).max(200),
        headerRows: z.array(z.number().int().min(1).max(1_000_000)).min(1).max(2),
        columns: z.record(z.string().regex(/^[A-Z]{1,3}$/), z.enum(COLUMN_MEANINGS)),
        levels: levelRule,
        kind: z.enum(['strategic', 'quick_win']).nullable().optional(),
      }),
    )
    .min(1)
    .max(200),
});

/** Checks a mapping given as JSON (a file, a form); returns the first problem in words, or the mapping. */
export function readMapping(json: unknown): { mapping: Mapping } | { error: string } {
  const parsed = mappingSchema.safeParse(json);
  if (parsed.success) return { mapping: parsed.data };
  const issue = parsed.error.issues[0];
  return { error: `${issue.path.join('.') || 'mapping'}: ${issue.message}` };
}
