import type { Lang } from '../app/domain/lang';
import { importFileWords } from '../app/i18n/import-files';
import { inBoth } from '../app/i18n/words';
import { readCsv } from './csv';
import { readDocx } from './docx';
import { CSV_EXTENSIONS, OLD_EXTENSIONS, PACKAGE_EXTENSIONS, oldFormat } from './formats';
import { EMPTY_FILE, ImportError, baseName } from './import-error';
import type { ImportOptions } from './mapping';
import { readOpenDocument } from './opendocument';
import { buildPlan, type PlanUnderstood } from './plan-builder';
import { cellText } from './text';
import type { ImportWarning, ParsedPlan, Sheet } from './types';
import { readXlsx } from './xlsx';
import { sniffPackage } from './zip';

export { ImportError, readOrRefuse } from './import-error';
export { readMapping } from './mapping';
export type * from './mapping';
export type { PlanUnderstood } from './plan-builder';
export type * from './types';

/**
 * Reads an improvement plan from .xlsx, .docx, .ods, .odt or .csv bytes, with its warnings in the
 * given language (Bulgarian unless told), by the mapping given or by guessing the layout; throws
 * ImportError when the file cannot be read at all or nothing in it makes a plan.
 */
export async function parsePlanFile(bytes: Uint8Array, fileName: string, lang: Lang = 'bg', options: ImportOptions = {}): Promise<ParsedPlan> {
  return (await readPlanFile(bytes, fileName, lang, options, 0)).plan;
}

/** The plan, and how the file was understood (header rows, each column's meaning, levels, confidence). */
export async function understandPlanFile(
  bytes: Uint8Array,
  fileName: string,
  lang: Lang = 'bg',
  options: ImportOptions = {},
): Promise<PlanUnderstood> {
  const { plan, understanding } = await readPlanFile(bytes, fileName, lang, options, 0);
  return { plan, understanding };
}

export interface SheetPreview {
  sheet: string;
  /** The row number (1-based, as in the file) of each of rows. */
  rowNumbers: number[];
  rows: string[][];
}

/**
 * Reads the file once for the upload preview: the plan, how it was understood, and the first
 * `sampleSize` rows of each sheet as read, before any interpretation.
 */
export async function readPlanFile(
  bytes: Uint8Array,
  fileName: string,
  lang: Lang = 'bg',
  options: ImportOptions = {},
  sampleSize = 12,
): Promise<PlanUnderstood & { sampleRows: SheetPreview[] }> {
  const sheets = await readSheets(bytes, fileName);
  // Taken before the plan is built, which may fill merged cells in.
  const sampleRows = firstRows(sheets, sampleSize);
  const { plan, understanding } = explainingEncoding(sheets, () => buildPlan(sheets, fileName, lang, options));
  // What the readers noticed comes first among the warnings.
  const notes = readerNotes(sheets, lang);
  return { plan: notes.length > 0 ? { ...plan, warnings: [...notes, ...plan.warnings] } : plan, understanding, sampleRows };
}

/** The first rows of each sheet as read, before any interpretation, with their row numbers (what a mapping's header rows name). */
export async function previewRows(bytes: Uint8Array, fileName: string, n = 15): Promise<SheetPreview[]> {
  return firstRows(await readSheets(bytes, fileName, n), n);
}

function firstRows(sheets: Sheet[], n: number): SheetPreview[] {
  if (n === 0) return [];
  return sheets.map((sheet) => ({
    sheet: sheet.name,
    rowNumbers: sheet.rows.slice(0, n).map((row) => row.row),
    rows: sheet.rows.slice(0, n).map((row) => row.cells.map(cellText)),
  }));
}

/** What `build` makes of the sheets; when it finds nothing in text read in a guessed encoding, the refusal says the guess may be why. */
export function explainingEncoding<T>(sheets: Sheet[], build: () => T): T {
  try {
    return build();
  } catch (error) {
    const guessed = sheets.some((sheet) => sheet.encoding === 'windows-1251');
    if (error instanceof ImportError && guessed) throw error.withNote(inBoth(importFileWords, 'readAsWindows1251'));
    throw error;
  }
}

/** What the readers noticed in the sheets (bytes that are not text, say), as warnings in the language given. */
export function readerNotes(sheets: Sheet[], lang: Lang): ImportWarning[] {
  return sheets.flatMap((sheet) =>
    (sheet.notes ?? []).map((note) => ({ sheet: sheet.name, row: note.row, column: note.column, message: note.message[lang] })),
  );
}

/** The sheets of a .xlsx, .docx, .ods, .odt or .csv file as read, within the reading limits; throws ImportError when it cannot be read. */
export async function readSheets(bytes: Uint8Array, fileName: string, rowLimit?: number): Promise<Sheet[]> {
  if (bytes.length === 0) throw new ImportError(fileName, EMPTY_FILE);
  const extension = /\.[^.\\/]+$/.exec(fileName)?.[0].toLowerCase() ?? '';
  if (CSV_EXTENSIONS.includes(extension)) return [await readCsv(bytes, baseName(fileName))];
  if (OLD_EXTENSIONS.includes(extension)) throw new ImportError(fileName, oldFormat(extension));
  const named = PACKAGE_EXTENSIONS[extension];
  if (named === undefined) {
    const expected = [...Object.keys(PACKAGE_EXTENSIONS), ...CSV_EXTENSIONS].join(', ');
    throw new ImportError(fileName, inBoth(importFileWords, 'unsupportedType', { extension: extension || inBoth(importFileWords, 'noExtension'), expected }));
  }
  const kind = (await sniffPackage(bytes)) ?? named;
  if (kind === 'docx') return readDocx(bytes, fileName, rowLimit);
  if (kind === 'ods' || kind === 'odt') return readOpenDocument(bytes, fileName, kind, rowLimit);
  return readXlsx(bytes, fileName, rowLimit);
}
