/**
 * Reporting periods: quarters (тримесечие), half-years (полугодие) and years. A period is
 * a whole number of calendar months; its bounds are ISO dates, both inclusive.
 */
import { commonWords } from '../i18n/common';
import { fill } from '../i18n/words';
import { endOfPreviousQuarter, isoDateParts, monthSpan, quarterOf } from './dates';
import type { Lang } from './lang';

export type PeriodKind = 'quarter' | 'half' | 'year';
/** index: 1-4 for a quarter, 1-2 for a half-year, 1 for a year. */
export type Period = { kind: PeriodKind; year: number; index: number };

const MONTHS: Record<PeriodKind, number> = { quarter: 3, half: 6, year: 12 };
const ROMAN = ['I', 'II', 'III', 'IV'];

/** First and last day of the period: Q1 2024 → { start: '2024-01-01', end: '2024-03-31' }. */
export function periodBounds(period: Period): { start: string; end: string } {
  const months = MONTHS[period.kind];
  return monthSpan(period.year, (period.index - 1) * months + 1, months);
}

/** The period of that kind containing the date. */
export function periodOf(iso: string, kind: PeriodKind): Period {
  const { year, month } = isoDateParts(iso);
  if (kind === 'quarter') return { kind, year, index: quarterOf(iso) };
  return { kind, year, index: Math.floor((month - 1) / MONTHS[kind]) + 1 };
}

/** bg: "II тримесечие 2024", "I полугодие 2024", "2024 г."; en: "Q2 2024", "H1 2024", "2024". */
export function periodLabel(period: Period, lang: Lang): string {
  const { kind, year, index } = period;
  return fill(commonWords[lang][`period_${kind}`], { roman: ROMAN[index - 1]!, index, year });
}

/** The period's form in URLs: '2024-Q2', '2024-H1', '2024'. */
export function periodKey(period: Period): string {
  if (period.kind === 'quarter') return `${period.year}-Q${period.index}`;
  if (period.kind === 'half') return `${period.year}-H${period.index}`;
  return String(period.year);
}

/** Reads a periodKey (letters in either case); null for anything else. */
export function parsePeriod(key: string): Period | null {
  const match = /^(\d{4})(?:-([QH])(\d))?$/i.exec(key.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (!match[2]) return { kind: 'year', year, index: 1 };
  const kind: PeriodKind = match[2].toUpperCase() === 'Q' ? 'quarter' : 'half';
  const index = Number(match[3]);
  return index >= 1 && index <= periodsPerYear(kind) ? { kind, year, index } : null;
}

export function previousPeriod(period: Period): Period {
  if (period.index > 1) return { ...period, index: period.index - 1 };
  return { kind: period.kind, year: period.year - 1, index: periodsPerYear(period.kind) };
}

/**
 * The last day of the quarter before the one containing the date, the reference for
 * "change since the end of last quarter": 2024-05-10 → 2024-03-31, and 2024-03-31 (itself
 * a quarter end) → 2023-12-31.
 */
export function quarterEndBefore(iso: string): string {
  return endOfPreviousQuarter(iso);
}

function periodsPerYear(kind: PeriodKind): number {
  return 12 / MONTHS[kind];
}
