import type { Lang } from '../app/domain/lang';
import type { ImportWarning } from './types';

const WHERE = {
  en: { sheet: (name: string) => `sheet "${name}"`, row: 'row', column: (name: string) => `column "${name}"` },
  bg: { sheet: (name: string) => `лист „${name}“`, row: 'ред', column: (name: string) => `колона „${name}“` },
} as const;

/** A warning on one line of a command's output: where (sheet, row, column), then what. */
export function describeWarning(warning: ImportWarning, lang: Lang): string {
  const words = WHERE[lang];
  const where = [
    words.sheet(warning.sheet),
    warning.row === null ? null : `${words.row} ${warning.row}`,
    warning.column === null ? null : words.column(warning.column),
  ].filter(Boolean);
  return `  ${where.join(', ')}: ${warning.message}`;
}
