/**
 * What makes two plan files "the same layout" for a kept mapping: the sheets' names and the
 * texts of the header rows the mapping names, case and spacing aside (the quarterly re-import
 * of an edited plan has the same headers, whatever its rows hold).
 */
import type { Mapping, SheetPreview } from '../../importers';

/** Header rows further down than this are not looked at (their texts count as empty). */
export const SIGNATURE_ROWS = 40;

const norm = (text: string) => text.toLocaleLowerCase('bg').replace(/\s+/g, ' ').trim();

/** The header texts the mapping reads in these sheets, as one string (hashed by the caller). */
export function headerKey(mapping: Mapping, sheets: SheetPreview[]): string {
  const named = new Set(mapping.sheets.map((s) => s.sheet));
  return mapping.sheets
    .flatMap((sheetMapping) => {
      const matching = sheetMapping.sheet === '*' ? sheets.filter((s) => !named.has(s.sheet)) : sheets.filter((s) => s.sheet === sheetMapping.sheet);
      return matching.map((sheet) => {
        const texts = sheetMapping.headerRows.map((row) => {
          const index = sheet.rowNumbers.indexOf(row);
          return index < 0 ? '' : (sheet.rows[index] ?? []).map(norm).join('|');
        });
        return `${norm(sheet.sheet)}#${sheetMapping.headerRows.join(',')}#${texts.join('/')}`;
      });
    })
    .join('\n');
}
