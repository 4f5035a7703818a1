/**
 * Reads an existing self-assessment (the Excel workbook, Calc sheet, Word table or CSV an
 * administration kept it in) into the parsed assessment: pure, bytes in, assessment out. The
 * file is read by the plan importer's readers, within their limits (../limits.ts).
 */
import type { Lang } from '../../app/domain/lang';
import { explainingEncoding, readerNotes, readSheets } from '../index';
import { buildAssessment } from './build';
import type { ParsedAssessment } from './types';

export type * from './types';

/** Throws ImportError when the file cannot be read, or no sheet in it holds a self-assessment table with a sub-criterion. */
export async function parseAssessmentFile(bytes: Uint8Array, fileName: string, lang: Lang = 'bg'): Promise<ParsedAssessment> {
  const sheets = await readSheets(bytes, fileName);
  const assessment = explainingEncoding(sheets, () => buildAssessment(sheets, fileName, lang));
  const notes = readerNotes(sheets, lang);
  return notes.length > 0 ? { ...assessment, warnings: [...notes, ...assessment.warnings] } : assessment;
}
