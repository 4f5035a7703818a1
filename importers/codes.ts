import { normaliseSpace } from './text';

export type Level = 'area' | 'measure' | 'activity';

export interface CodedText {
  code: string | null;
  title: string;
  /** The level the text names itself ("Мярка 1.1", "Дейност 1.1.1", "Area 2"), when it does. */
  level?: Level;
  /** The text is an item of a list ("а)", "-", "•") under the row above. */
  bullet?: boolean;
}

// "2.10. Продължаване", "3.1.1.Сформиране", "2.9.1 Актуализиране", "1.1000) ...": the code, then the
// title. A code never stops before a digit, and its first number has at most 3 digits: "2022 г." is no code.
const LEADING_CODE = /^(\d{1,3}(?:\.\d+)*)(?!\.?\d)[.)]?\s*(?!\d)(.*)$/s;
// "Мярка 1.1", "Дейност 1.1.1 -", "Measure 2:", "Action 3.1.2.": the level named before the code.
const LEVEL_WORDS: [Level, RegExp][] = [
  ['area', /^(?:област|area|критерий|criterion)$/i],
  ['measure', /^(?:мярка|measure)$/i],
  ['activity', /^(?:дейност|действие|activity|action|задача|task)$/i],
];
const NAMED_CODE = /^([\p{L}]+)\s*(?:№\s*)?(\d{1,3}(?:\.\d+)*)\.?\s*[:.)\-–—]?\s*(.*)$/su;
// "а)", "б)", "a)", "iv)", "-", "–", "•", "*", "▪": a list item.
const BULLET = /^(?:[а-яa-z]\)|[ivx]{1,4}\)|[-–—•*▪●◦·]\s*)\s*(.*)$/isu;

/** Takes the leading number (or level word and number, or list mark) out of a measure or activity text. */
export function splitCode(text: string): CodedText {
  const clean = normaliseSpace(text);
  const match = LEADING_CODE.exec(clean);
  if (match) return { code: match[1], title: match[2].trim() };
  const named = NAMED_CODE.exec(clean);
  const level = named ? LEVEL_WORDS.find(([, word]) => word.test(named[1]))?.[0] : undefined;
  if (named && level) return { code: named[2], title: named[3].trim(), level };
  const bullet = BULLET.exec(clean);
  if (bullet && bullet[1].trim() !== '') return { code: null, title: bullet[1].trim(), bullet: true };
  return { code: null, title: clean };
}

/**
 * The activities of one cell written as a list, one per line ("1. ...\n2. ..." or "- ...\n- ..."):
 * each line split as splitCode does; null when the cell has one line or a line that is neither
 * numbered nor marked (ordinary text over several lines stays whole).
 */
export function listedItems(text: string): CodedText[] | null {
  const lines = text.split(/\r\n|\r|\n/).map((line) => line.trim()).filter((line) => line !== '');
  if (lines.length < 2) return null;
  const items = lines.map(splitCode);
  return items.every((item) => (item.code !== null || item.bullet === true) && item.title !== '') ? items : null;
}

// "Област 2: Управление ...", "Area 2 - People", "ОБЛАСТ № 3. ...", "Критерий 2 - Стратегия", "Criterion 3 -",
// "Приоритет 1:", "Цел 1:", "Област на подобрение 1", and roman-numbered group rows: "I. ЛИДЕРСТВО", "II - Хора".
const AREA_HEADING = /^(?:област|area|критерий|criterion|приоритет(?:на област)?|priority(?: area)?|направление|област (?:на|за) подобрение|(?:стратегическа |оперативна )?цел|(?:strategic )?(?:goal|objective))\s*(?:№\s*)?(\d{1,3}|[IVX]{1,5})\s*[:.)\-–—]?\s*(.*)$/is;
const ROMAN_HEADING = /^([IVX]{1,5})\s*[.):\-–—]\s*(\S.*)$/s;
const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10 };

export interface AreaHeading {
  code: string;
  title: string;
}

/** Reads an explicit area heading; null when the text is not one. */
export function parseAreaHeading(text: string): AreaHeading | null {
  const clean = normaliseSpace(text);
  const match = AREA_HEADING.exec(clean) ?? ROMAN_HEADING.exec(clean);
  return match ? { code: arabic(match[1]), title: match[2].trim() } : null;
}

/** "IV" -> "4"; digits as they are. */
export function arabic(code: string): string {
  if (/^\d+$/.test(code)) return code;
  const values = code.toUpperCase().split('').map((letter) => ROMAN[letter] ?? 0);
  const total = values.reduce((sum, value, index) => sum + (value < (values[index + 1] ?? 0) ? -value : value), 0);
  return String(total);
}

/** A plan code as the importer keeps it: "1", "1.2", "1.2.3" (the first number at most 3 digits). */
export const PLAN_CODE = /^\d{1,3}(?:\.\d+)*$/;

/** A code column's cell: "1.1.", "1.1.1", "IV", "№ 3", "Мярка 1.1" -> "1.1", "1.1.1", "4", "3", "1.1"; null when it holds no code. */
export function readCodeCell(text: string): string | null {
  const clean = normaliseSpace(text).replace(/^№\s*/, '');
  if (/^[IVX]{1,5}\.?$/.test(clean)) return arabic(clean.replace('.', ''));
  const named = splitCode(clean);
  if ((named.level === 'measure' || named.level === 'activity') && named.title === '') return named.code;
  const code = clean.replace(/[.)]$/, '');
  return PLAN_CODE.test(code) ? code : null;
}

export function codeDepth(code: string | null): number {
  return code === null ? 0 : code.split('.').length;
}
