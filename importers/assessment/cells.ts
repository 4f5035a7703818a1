/**
 * Reading the cells of a self-assessment table: a sub-criterion's code as people write it, a
 * score, the strengths or areas for improvement of one cell, and a kind word.
 */
import { CAF_CRITERIA } from '../../app/domain/caf2020';
import { MAX_CELL_CHARS } from '../limits';
import { normaliseSpace } from '../text';
import type { CellValue } from '../types';

const SUB_CRITERIA = new Set(CAF_CRITERIA.flatMap((c) => c.subCriteria.map((s) => s.code)));
const CRITERIA = new Set(CAF_CRITERIA.map((c) => c.code));

export type CodeRead =
  | { kind: 'sub'; code: string }
  | { kind: 'criterion'; code: string }
  /** A number that is no CAF 2020 sub-criterion or criterion ("1.7", "10.1", "1.1.1"). */
  | { kind: 'unknown'; code: string }
  /** Text with no code at its start ("Лидерство", "Общо"). */
  | { kind: 'none' };

const LEVEL_WORD = /^(?:под-?\s?критерий|sub-?\s?criterion|критерий|criterion|caf)\s*(?:№\s*)?/i;
// "1.1", "1.1.", "1.1 Title", "1.1. Title", "1.1: Title", "1.1 - Title"; a code never stops before a digit.
const CODE = /^(\d{1,3}(?:\.\d{1,3})*)\.?(?![\d.])(?=[\s:)\-–—]|\p{L}|$)/u;

/** The code at the start of a cell: "1.1", "1.1.", "Подкритерий 1.1", "1.1 Насочване ..."; "Критерий 1", "1. Лидерство" are criteria. */
export function readCode(text: string): CodeRead {
  const clean = normaliseSpace(text.slice(0, 200)).replace(LEVEL_WORD, '');
  const match = CODE.exec(clean);
  if (!match) return { kind: 'none' };
  const code = match[1]!;
  if (SUB_CRITERIA.has(code)) return { kind: 'sub', code };
  if (CRITERIA.has(code)) return { kind: 'criterion', code };
  return { kind: 'unknown', code };
}

/** The criterion of a sub-criterion's code: 1-5 enablers, 6-9 results. */
export const isResult = (code: string) => Number(code.split('.')[0]) >= 6;

const NO_SCORE = new Set(['', '-', '–', '—', 'н/п', 'n/a', 'na']);
const SCORE_TEXT = /^(\d{1,3}(?:[.,]\d+)?)\s*(?:%|т\.?|точки|points|pts\.?)?$/i;

/**
 * A score 0-100 as written: 75, "75", "75,5", "75 т.", a number in a cell shown as a percent
 * (0.75 shown as 75%) as Excel shows it; null when empty or a dash; 'invalid' for text or a
 * number out of 0-100.
 */
export function readScore(value: CellValue, shownAsPercent = false): number | null | 'invalid' {
  if (value === null) return null;
  if (value instanceof Date) return 'invalid';
  let number: number;
  if (typeof value === 'number') number = shownAsPercent ? value * 100 : value;
  else {
    const text = normaliseSpace(value).toLocaleLowerCase('bg');
    if (NO_SCORE.has(text)) return null;
    const match = SCORE_TEXT.exec(text);
    if (!match) return 'invalid';
    number = Number(match[1]!.replace(',', '.'));
  }
  if (!Number.isFinite(number) || number < 0 || number > 100) return 'invalid';
  return Math.round(number * 100) / 100;
}

/** A list mark at the start of a line: "-", "•", "*", "1.", "2)", "а)". */
const BULLET = /^(?:[-–—•*▪●◦·►✓]|\d{1,2}[.)](?!\d)|[а-яa-z]\))\s*/u;
const INLINE_BULLET = /\s*[•▪●◦►]\s*/gu;

/**
 * The items of one cell: one per line, or one per list mark when the lines have marks (a
 * line without one then goes on the item above it: a long item wrapped by hand). Marks and a
 * closing ";" or "," go; the same item twice is kept once.
 */
export function splitItems(text: string): string[] {
  const lines = text
    .slice(0, MAX_CELL_CHARS)
    .replace(INLINE_BULLET, '\n• ')
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const marked = lines.some((line) => BULLET.test(line));
  const items: string[] = [];
  for (const line of lines) {
    const hasMark = BULLET.test(line);
    const body = line.replace(BULLET, '');
    if (marked && !hasMark && items.length > 0) items[items.length - 1] += ` ${body}`;
    else items.push(body);
  }
  const tidy = items.map((item) => normaliseSpace(item).replace(/[;,]$/, '').trim()).filter((item) => item !== '');
  return [...new Set(tidy)];
}

export type ItemKind = 'strengths' | 'improvements';

/** A kind cell (or a sheet's name): "силна страна", "Strength", "+", "СС"; "област за подобрение", "Area for improvement", "-", "ОП". */
export function readItemKind(text: string): ItemKind | null {
  const clean = normaliseSpace(text.slice(0, 200)).toLocaleLowerCase('bg');
  const strength = /силн|strength|^\+$|^сс$/.test(clean);
  const improvement = /подобр|усъвърш|improv|слаб|weak|^-$|^оп$|^озп$|^обл/.test(clean);
  if (strength === improvement) return null;
  return strength ? 'strengths' : 'improvements';
}
