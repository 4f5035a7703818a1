/**
 * CAF 2020 scoring (db/caf2020.md, "The self-assessment"): the two scoring systems, their
 * bands with their meaning in Bulgarian and English, and the means. Pure: no database.
 */
import { CAF_CRITERIA, type CafSubCriterion } from './caf2020';

export { CAF_CRITERIA };

export const SCORING_SYSTEMS = ['classical', 'fine_tuned'] as const;
export type ScoringSystem = (typeof SCORING_SYSTEMS)[number];

/** The scores a sheet can carry: one classical score, or the fine-tuned dimensions. */
export const SCORE_DIMENSIONS = ['score', 'plan', 'do', 'check', 'act', 'trends', 'targets'] as const;
export type ScoreDimension = (typeof SCORE_DIMENSIONS)[number];
export type Scores = Partial<Record<ScoreDimension, number | null>>;

/** What a member writes on each sub-criterion, each point its own item. */
export const ASSESSMENT_ITEM_KINDS = ['evidence', 'strength', 'improvement'] as const;
export type AssessmentItemKind = (typeof ASSESSMENT_ITEM_KINDS)[number];

/** Criteria 1-5 are enablers (what the organisation does), 6-9 results (what it achieves). */
export type CriterionKind = 'enabler' | 'result';

export function criterionKind(code: string): CriterionKind {
  return Number(code.split('.')[0]) <= 5 ? 'enabler' : 'result';
}

/** The 28 sub-criteria in CAF order. */
export const SUB_CRITERIA: readonly CafSubCriterion[] = CAF_CRITERIA.flatMap((criterion) => criterion.subCriteria);

export function subCriterion(code: string): CafSubCriterion | undefined {
  return SUB_CRITERIA.find((sub) => sub.code === code);
}

/** What a sub-criterion is scored on: classical one score; fine-tuned PLAN/DO/CHECK/ACT (enablers) or TRENDS/TARGETS (results). */
export function dimensionsOf(system: ScoringSystem, code: string): readonly ScoreDimension[] {
  if (system === 'classical') return ['score'];
  return criterionKind(code) === 'enabler' ? ['plan', 'do', 'check', 'act'] : ['trends', 'targets'];
}

export const MIN_SCORE = 0;
export const MAX_SCORE = 100;

/** The six bands every scale has: 0-10, 11-30, 31-50, 51-70, 71-90, 91-100. */
export const BAND_LIMITS: readonly (readonly [number, number])[] = [
  [0, 10],
  [11, 30],
  [31, 50],
  [51, 70],
  [71, 90],
  [91, 100],
];

type Text = { bg: string; en: string };

/** The band (0-5) a score falls in; a fraction (a mean) is rounded first. */
export function bandIndex(score: number): number {
  const rounded = Math.round(Math.min(MAX_SCORE, Math.max(MIN_SCORE, score)));
  return BAND_LIMITS.findIndex(([, high]) => rounded <= high);
}

const CLASSICAL_ENABLER: Text[] = [
  { bg: 'Няма доказателства или има само отделни примери.', en: 'No evidence, or only anecdotal evidence.' },
  { bg: 'Подходът е планиран (PLAN).', en: 'An approach is planned (PLAN).' },
  { bg: 'Подходът се изпълнява (DO).', en: 'It is being implemented (DO).' },
  { bg: 'Изпълнението се проверява (CHECK).', en: 'It is checked and reviewed (CHECK).' },
  { bg: 'Подходът се коригира въз основа на проверките (ACT).', en: 'It is adjusted on the basis of the checks (ACT).' },
  {
    bg: 'Целият цикъл PDCA се изпълнява редовно; организацията се учи от други и се подобрява непрекъснато.',
    en: 'The whole PDCA cycle runs regularly; the organisation learns from others and keeps improving.',
  },
];

const CLASSICAL_RESULT: Text[] = [
  { bg: 'Няма измерени резултати или няма информация.', en: 'No results are measured, or no information.' },
  { bg: 'Резултатите се измерват: отрицателни тенденции или неизпълнени цели.', en: 'Results are measured: negative trends, or targets not met.' },
  { bg: 'Равни тенденции или изпълнени някои от целите.', en: 'Flat trends, or some targets met.' },
  { bg: 'Подобряващи се тенденции или изпълнени повечето цели.', en: 'Improving trends, or most targets met.' },
  { bg: 'Значителен напредък или изпълнени всички цели.', en: 'Substantial progress, or all targets met.' },
  {
    bg: 'Отлични и устойчиви резултати, изпълнени всички цели, добро сравнение с подобни организации.',
    en: 'Excellent, sustained results, all targets met, positive comparison with relevant organisations.',
  },
];

/** Fine-tuned PLAN, DO, CHECK and ACT: how much evidence, in how many areas. */
const FINE_EVIDENCE: Text[] = [
  { bg: 'Няма доказателства или има само отделни примери.', en: 'No evidence, or only anecdotal evidence.' },
  { bg: 'Слаби доказателства, в някои области.', en: 'Some weak evidence, in some areas.' },
  { bg: 'Добри доказателства, в съответните области.', en: 'Some good evidence, in relevant areas.' },
  { bg: 'Силни доказателства, в повечето области.', en: 'Strong evidence, in most areas.' },
  { bg: 'Много силни доказателства, във всички области.', en: 'Very strong evidence, in all areas.' },
  { bg: 'Отлични доказателства, сравнени с други организации, във всички области.', en: 'Excellent evidence, compared with other organisations, in all areas.' },
];

const FINE_TRENDS: Text[] = [
  { bg: 'Няма измерване.', en: 'No measurement.' },
  { bg: 'Отрицателна тенденция.', en: 'Negative trend.' },
  { bg: 'Равна тенденция или скромен напредък.', en: 'Flat trend, or modest progress.' },
  { bg: 'Устойчив напредък.', en: 'Sustained progress.' },
  { bg: 'Значителен напредък.', en: 'Substantial progress.' },
  { bg: 'Добро сравнение с подобни организации за всички ключови резултати.', en: 'Positive comparison with relevant organisations for all key results.' },
];

const FINE_TARGETS: Text[] = [
  { bg: 'Няма информация или има само отделни примери.', en: 'No information, or only anecdotal information.' },
  { bg: 'Резултатите не достигат целите.', en: 'Results do not meet the targets.' },
  { bg: 'Изпълнени са малко от целите.', en: 'A few targets are met.' },
  { bg: 'Изпълнени са част от целите.', en: 'Some targets are met.' },
  { bg: 'Изпълнени са повечето цели.', en: 'Most targets are met.' },
  { bg: 'Изпълнени са всички цели.', en: 'All targets are met.' },
];

/** The meaning of each band for one dimension of a sub-criterion's kind. */
export function bandTexts(dimension: ScoreDimension, kind: CriterionKind): readonly Text[] {
  if (dimension === 'score') return kind === 'enabler' ? CLASSICAL_ENABLER : CLASSICAL_RESULT;
  if (dimension === 'trends') return FINE_TRENDS;
  if (dimension === 'targets') return FINE_TARGETS;
  return FINE_EVIDENCE;
}

/** The meaning of a score: its band's text for that dimension, in the language asked. */
export function bandText(dimension: ScoreDimension, code: string, score: number, lang: 'bg' | 'en'): string {
  return bandTexts(dimension, criterionKind(code))[bandIndex(score)]![lang];
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** A score rounded as it is shown and charted: at most one decimal (62.5, 60). */
export function roundScore(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A score as shown: at most one decimal, in the language's way ("62,5" / "62.5", "60"); a dash when there is none. */
export function formatScore(value: number | null | undefined, lang: 'bg' | 'en'): string {
  if (value === null || value === undefined) return '—';
  return roundScore(value).toLocaleString(lang === 'bg' ? 'bg-BG' : 'en-GB', { maximumFractionDigits: 1, useGrouping: false });
}

/**
 * A sub-criterion's score from a sheet: the classical score, or the mean of the fine-tuned
 * dimensions; null while any dimension is unscored.
 */
export function sheetScore(system: ScoringSystem, code: string, scores: Scores): number | null {
  const values = dimensionsOf(system, code).map((dimension) => scores[dimension]);
  if (values.some((value) => value === null || value === undefined)) return null;
  return mean(values as number[]);
}

/** A criterion's score: the mean of its sub-criteria's scores; null while any is missing. */
export function criterionScore(criterionCode: string, subScores: ReadonlyMap<string, number | null>): number | null {
  const criterion = CAF_CRITERIA.find((c) => c.code === criterionCode);
  if (!criterion) return null;
  const values = criterion.subCriteria.map((sub) => subScores.get(sub.code));
  if (values.some((value) => value === null || value === undefined)) return null;
  return mean(values as number[]);
}

/** The organisation's total, shown as the mean over the 28 sub-criteria; null while any is missing. */
export function overallScore(subScores: ReadonlyMap<string, number | null>): number | null {
  const values = SUB_CRITERIA.map((sub) => subScores.get(sub.code));
  if (values.some((value) => value === null || value === undefined)) return null;
  return mean(values as number[]);
}

export type Spread = { count: number; min: number; max: number; mean: number; spread: number };

/** How the members' scores of one sub-criterion differ: the consensus meeting discusses the widest spreads first. */
export function spreadOf(scores: readonly number[]): Spread | null {
  if (scores.length === 0) return null;
  const min = Math.min(...scores);
  const max = Math.max(...scores);
  return { count: scores.length, min, max, mean: mean(scores)!, spread: max - min };
}
