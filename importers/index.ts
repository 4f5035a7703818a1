import type { Lang } from '../app/domain/lang';
import { readCsv } from './csv';
import { EMPTY_FILE, ImportError, baseName } from './import-error';
import type { ImportOptions } from './mapping';
import { buildPlan, type PlanUnderstood } from './plan-builder';
import { cellText } from './text';
import type { ParsedPlan, Sheet } from './types';
import { readXlsx } from './xlsx';

export { ImportError } from './import-error';
export { readMapping } from './mapping';
export type * from './mapping';
export type { PlanUnderstood } from './plan-builder';
export type * from './types';

const XLSX_EXTENSIONS = ['.xlsx', '.xlsm'];
const CSV_EXTENSIONS = ['.csv', '.tsv', '.txt'];

/**
 * Reads an improvement plan from .xlsx or .csv bytes, with its warnings in the given language
 * (Bulgarian unless told), by the mapping given or by guessing the layout; throws ImportError
 * when the file cannot be read at all or nothing in it makes a plan.
 */
export async function parsePlanFile(bytes: Uint8Array, fileName: string, lang: Lang = 'bg', options: ImportOptions = {}): Promise<ParsedPlan> {
  return (await understandPlanFile(bytes, fileName, lang, options)).plan;
}

/** The plan, and how the file was understood (header rows, each column's meaning, levels, confidence). */
export async function understandPlanFile(
  bytes: Uint8Array,
  fileName: string,
  lang: Lang = 'bg',
  options: ImportOptions = {},
): Promise<PlanUnderstood> {
  return buildPlan(await readSheets(bytes, fileName), fileName, lang, options);
}

export interface SheetPreview {
  sheet: string;
  /** The row number (1-based, as in the file) of each of rows. */
  rowNumbers: number[];
  rows: string[][];
}

/** The first rows of each sheet as read, before any interpretation: for the upload preview. */
export async function previewRows(bytes: Uint8Array, fileName: string, n = 15): Promise<SheetPreview[]> {
  const sheets = await readSheets(bytes, fileName, n);
  return sheets.map((sheet) => ({
    sheet: sheet.name,
    rowNumbers: sheet.rows.slice(0, n).map((row) => row.row),
    rows: sheet.rows.slice(0, n).map((row) => row.cells.map(cellText)),
  }));
}

async function readSheets(bytes: Uint8Array, fileName: string, rowLimit?: number): Promise<Sheet[]> {
  if (bytes.length === 0) throw new ImportError(fileName, EMPTY_FILE);
  const extension = /\.[^.\\/]+$/.exec(fileName)?.[0].toLowerCase() ?? '';
  if (XLSX_EXTENSIONS.includes(extension)) return readXlsx(bytes, fileName, rowLimit);
  if (CSV_EXTENSIONS.includes(extension)) return [readCsv(bytes, baseName(fileName))];
  const expected = [...XLSX_EXTENSIONS, ...CSV_EXTENSIONS].join(', ');
  const old = extension === '.xls';
  throw new ImportError(fileName, {
    en: `unsupported file type "${extension || 'no extension'}" (expected ${expected})${old ? '; save it from Excel as .xlsx' : ''}`,
    bg: `неподдържан вид файл „${extension || 'без разширение'}“ (очаква се ${expected})${old ? '; запишете го от Excel като .xlsx' : ''}`,
  });
}
