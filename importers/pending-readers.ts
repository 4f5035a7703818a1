/**
 * Stand-ins for two readers another change adds (importers/dates.ts readPeriod and
 * importers/caf.ts readKindMark): the same signatures, over what exists today. When those land,
 * this file goes and its callers import the real ones.
 */
import { readDate } from './dates';
import type { Message } from './import-error';
import { cellText, normaliseSpace } from './text';
import type { CellValue } from './types';

export type PeriodRead =
  | { kind: 'empty' }
  | { kind: 'ongoing'; wording: string }
  | { kind: 'range'; start: string | null; end: string | null }
  | { kind: 'invalid'; reason: Message };

const RANGE = /^(?:от\s+|from\s+)?(.+?)\s+(?:[-–—]|до|to|until)\s+(.+)$/i;
const YEARS = /^(\d{4})\s*[-–—]\s*(\d{4})(\s*г\.?)?$/i;
const REPEATING = /^(?:ежегодно|ежемесечно|всяк[аиоя]|постоянно|регулярно|annually|yearly|monthly|every|each|continuous|permanent)/i;

/** One column holding a deadline ("30.06.2024": the end) or a range ("2024 - 2025 г.": start and end). */
export function readPeriod(value: CellValue): PeriodRead {
  const text = normaliseSpace(cellText(value));
  if (text === '') return { kind: 'empty' };
  if (REPEATING.test(text)) return { kind: 'ongoing', wording: text };
  const range = YEARS.exec(text) ?? RANGE.exec(text);
  if (range) {
    const start = readDate(range[1], 'start');
    const end = readDate(range[2], 'end');
    if (start.kind === 'invalid') return start;
    if (end.kind === 'invalid') return end;
    return { kind: 'range', start: start.kind === 'date' ? start.iso : null, end: end.kind === 'date' ? end.iso : null };
  }
  const end = readDate(value, 'end');
  if (end.kind === 'ongoing') return { kind: 'ongoing', wording: text };
  if (end.kind === 'date') return { kind: 'range', start: null, end: end.iso };
  return end;
}

/** A mark in a kind column: "х", "x", "да", "✓", "yes" -> true; "не", "no", "-" -> false; anything else null. */
export function readKindMark(text: string): boolean | null {
  const clean = normaliseSpace(text).toLowerCase();
  if (/^(?:х|x|да|✓|✔|☑|yes|y|\+|1|•)$/.test(clean)) return true;
  if (/^(?:не|no|n|-|–|—|0)$/.test(clean)) return false;
  return null;
}
