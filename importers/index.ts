import type { Lang } from '../app/domain/lang';
import { READ_AS_WINDOWS_1251, readCsv } from './csv';
import { EMPTY_FILE, ImportError, baseName } from './import-error';
import { buildPlan } from './plan-builder';
import { cellText } from './text';
import type { ParsedPlan, Sheet } from './types';
import { readXlsx } from './xlsx';

export { ImportError } from './import-error';
export type * from './types';

const XLSX_EXTENSIONS = ['.xlsx', '.xlsm'];
const CSV_EXTENSIONS = ['.csv', '.tsv', '.txt'];

/**
 * Reads an improvement plan from .xlsx or .csv bytes, with its warnings in the given language
 * (Bulgarian unless told); throws ImportError when the file cannot be read at all.
 */
export async function parsePlanFile(bytes: Uint8Array, fileName: string, lang: Lang = 'bg'): Promise<ParsedPlan> {
  return (await readPlanFile(bytes, fileName, lang, 0)).plan;
}

export interface SheetPreview {
  sheet: string;
  rows: string[][];
}

/**
 * Reads the file once for the upload preview: the plan, and the first `sampleSize` rows of each
 * sheet as read, before any interpretation.
 */
export async function readPlanFile(
  bytes: Uint8Array,
  fileName: string,
  lang: Lang = 'bg',
  sampleSize = 12,
): Promise<{ plan: ParsedPlan; sampleRows: SheetPreview[] }> {
  const sheets = await readSheets(bytes, fileName);
  // Taken before the plan is built, which may fill merged cells in.
  const sampleRows = firstRows(sheets, sampleSize);
  let plan: ParsedPlan;
  try {
    plan = buildPlan(sheets, fileName, lang);
  } catch (error) {
    // No plan found in text read in a guessed encoding: the guess may be why.
    const guessed = sheets.some((sheet) => sheet.encoding === 'windows-1251');
    if (error instanceof ImportError && guessed) throw error.withNote(READ_AS_WINDOWS_1251);
    throw error;
  }
  // What the readers noticed comes first among the warnings.
  const notes = sheets.flatMap((sheet) =>
    (sheet.notes ?? []).map((note) => ({ sheet: sheet.name, row: note.row, column: note.column, message: note.message[lang] })),
  );
  return { plan: notes.length > 0 ? { ...plan, warnings: [...notes, ...plan.warnings] } : plan, sampleRows };
}

/** The first rows of each sheet as read, before any interpretation. */
export async function previewRows(bytes: Uint8Array, fileName: string, n = 15): Promise<SheetPreview[]> {
  return firstRows(await readSheets(bytes, fileName, n), n);
}

function firstRows(sheets: Sheet[], n: number): SheetPreview[] {
  if (n === 0) return [];
  return sheets.map((sheet) => ({
    sheet: sheet.name,
    rows: sheet.rows.slice(0, n).map((row) => row.cells.map(cellText)),
  }));
}

async function readSheets(bytes: Uint8Array, fileName: string, rowLimit?: number): Promise<Sheet[]> {
  if (bytes.length === 0) throw new ImportError(fileName, EMPTY_FILE);
  const extension = /\.[^.\\/]+$/.exec(fileName)?.[0].toLowerCase() ?? '';
  if (XLSX_EXTENSIONS.includes(extension)) return readXlsx(bytes, fileName, rowLimit);
  if (CSV_EXTENSIONS.includes(extension)) return [await readCsv(bytes, baseName(fileName))];
  const expected = [...XLSX_EXTENSIONS, ...CSV_EXTENSIONS].join(', ');
  const old = extension === '.xls';
  throw new ImportError(fileName, {
    en: `unsupported file type "${extension || 'no extension'}" (expected ${expected})${old ? '; save it from Excel as .xlsx' : ''}`,
    bg: `неподдържан вид файл „${extension || 'без разширение'}“ (очаква се ${expected})${old ? '; запишете го от Excel като .xlsx' : ''}`,
  });
}
