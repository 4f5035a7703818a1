import type { Lang } from '../app/domain/lang';
import { readCsv } from './csv';
import { readDocx } from './docx';
import { CSV_EXTENSIONS, OLD_EXTENSIONS, PACKAGE_EXTENSIONS, oldFormat } from './formats';
import { EMPTY_FILE, ImportError, baseName } from './import-error';
import type { ImportOptions } from './mapping';
import { readOpenDocument } from './opendocument';
import { buildPlan, type PlanUnderstood } from './plan-builder';
import { cellText } from './text';
import type { ParsedPlan, Sheet } from './types';
import { readXlsx } from './xlsx';
import { sniffPackage } from './zip';

export { ImportError } from './import-error';
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
  rows: string[][];
}

/** The first rows of each sheet as read, before any interpretation (a Word table's heading paragraphs first): for the upload preview. */
export async function previewRows(bytes: Uint8Array, fileName: string, n = 15): Promise<SheetPreview[]> {
  const sheets = await readSheets(bytes, fileName, n);
  return sheets.map((sheet) => ({
    sheet: sheet.name,
    rows: [...(sheet.heading ?? []).map((line) => [line]), ...sheet.rows.map((row) => row.cells.map(cellText))].slice(0, n),
  }));
}

/**
 * The sheets of a file, read by what it is: the extension says whether it is CSV text or a zip
 * package, the package's parts say which (an .xlsx saved as .docx is read as the workbook it is).
 */
async function readSheets(bytes: Uint8Array, fileName: string, rowLimit?: number): Promise<Sheet[]> {
  if (bytes.length === 0) throw new ImportError(fileName, EMPTY_FILE);
  const extension = /\.[^.\\/]+$/.exec(fileName)?.[0].toLowerCase() ?? '';
  if (CSV_EXTENSIONS.includes(extension)) return [readCsv(bytes, baseName(fileName))];
  if (OLD_EXTENSIONS.includes(extension)) throw new ImportError(fileName, oldFormat(extension));
  const named = PACKAGE_EXTENSIONS[extension];
  if (named === undefined) {
    const expected = [...Object.keys(PACKAGE_EXTENSIONS), ...CSV_EXTENSIONS].join(', ');
    throw new ImportError(fileName, {
      en: `unsupported file type "${extension || 'no extension'}" (expected ${expected})`,
      bg: `неподдържан вид файл „${extension || 'без разширение'}“ (очаква се ${expected})`,
    });
  }
  const kind = sniffPackage(bytes) ?? named;
  if (kind === 'docx') return readDocx(bytes, fileName, rowLimit);
  if (kind === 'ods' || kind === 'odt') return readOpenDocument(bytes, fileName, kind, rowLimit);
  return readXlsx(bytes, fileName, rowLimit);
}
