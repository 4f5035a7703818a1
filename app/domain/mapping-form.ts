/**
 * The mapping step's form: how a Mapping (importers/mapping.ts) is written as plain form fields
 * and read back, so that the step works as an ordinary form post and as a live fetcher alike.
 * Fields, for the i-th sheet of the preview: sheet.i (its name), header.i (the header rows ticked),
 * levels.i, kind.i and col.i.<letter> (each column's meaning).
 */
import { COLUMN_MEANINGS, readMapping, type LevelRule, type Mapping, type SheetMapping } from '../../importers/mapping';

export const LEVEL_CHOICES = ['columns', 'numbering-3', 'numbering-2', 'every-row'] as const;
export type LevelChoice = (typeof LEVEL_CHOICES)[number];
export const KIND_CHOICES = ['', 'strategic', 'quick_win'] as const;

/** A column's letter as spreadsheets show it: 0 -> A, 26 -> AA. */
export function columnLetter(index: number): string {
  let letter = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  return letter;
}

export function levelChoice(rule: LevelRule): LevelChoice {
  if (rule.by === 'numbering') return rule.depths.area ? 'numbering-3' : 'numbering-2';
  return rule.by;
}

function levelRule(choice: LevelChoice): LevelRule {
  if (choice === 'numbering-3') return { by: 'numbering', depths: { area: 1, measure: 2, activity: 3 } };
  if (choice === 'numbering-2') return { by: 'numbering', depths: { measure: 1, activity: 2 } };
  return { by: choice };
}

/**
 * Reads the mapping step's fields: one sheet mapping per sheet with header rows ticked (a sheet
 * without is not read). Returns the first problem in words (readMapping's) when the result is not a valid mapping.
 */
export function mappingFromForm(form: URLSearchParams | FormData): { mapping: Mapping } | { error: string } {
  const sheets: SheetMapping[] = [];
  for (let i = 0; i < 200 && form.has(`sheet.${i}`); i++) {
    const headerRows = form
      .getAll(`header.${i}`)
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0)
      .sort((a, b) => a - b);
    if (headerRows.length === 0) continue;
    const prefix = `col.${i}.`;
    const columns: SheetMapping['columns'] = {};
    for (const [key, value] of form.entries()) {
      if (key.startsWith(prefix) && (COLUMN_MEANINGS as readonly string[]).includes(String(value)) && value !== 'ignore') {
        columns[key.slice(prefix.length)] = value as SheetMapping['columns'][string];
      }
    }
    const level = String(form.get(`levels.${i}`));
    const kind = String(form.get(`kind.${i}`) ?? '');
    sheets.push({
      sheet: String(form.get(`sheet.${i}`)),
      headerRows: headerRows.slice(0, 2),
      columns,
      levels: levelRule((LEVEL_CHOICES as readonly string[]).includes(level) ? (level as LevelChoice) : 'columns'),
      kind: kind === 'strategic' || kind === 'quick_win' ? kind : null,
    });
  }
  return readMapping({ version: 1, sheets });
}
