import type { Lang } from '../app/domain/lang';
import { importPlanWords } from '../app/i18n/import-plan';
import { fill } from '../app/i18n/words';
import type { ImportWarning } from './types';

/** A warning on one line of a command's output: where (sheet, row, column), then what. */
export function describeWarning(warning: ImportWarning, lang: Lang): string {
  const words = importPlanWords[lang];
  const where = [
    fill(words.warningSheet, { sheet: warning.sheet }),
    warning.row === null ? null : fill(words.warningRow, { row: warning.row }),
    warning.column === null ? null : fill(words.warningColumn, { column: warning.column }),
  ].filter(Boolean);
  return `  ${where.join(', ')}: ${warning.message}`;
}
