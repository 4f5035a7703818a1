/**
 * Prioritising the agreed areas for improvement (CAF step 7) and linking them to a plan's
 * measures: the rating scale, the quadrants of the impact x feasibility grid, sorting and
 * filtering the list, and which measures to suggest. Pure: no database.
 */
import { z } from 'zod';
import type { Progress } from './progress';

/** Impact and feasibility are each rated 1 (low / hard) to 5 (high / easy). */
export const RATING_MIN = 1;
export const RATING_MAX = 5;
/** A rating of 4 or 5 counts as high impact / easy to do; the grid's dividing lines sit at 3.5. */
export const RATING_HIGH = 4;
export const RATING_SPLIT = (RATING_HIGH + RATING_HIGH - 1) / 2;

export const ratingSchema = z.coerce.number().int().min(RATING_MIN).max(RATING_MAX);

/** What the chair decided about an area for improvement no measure answers. */
export const GAP_DECISIONS = ['accepted', 'planned_later'] as const;
export type GapDecision = (typeof GAP_DECISIONS)[number];

/**
 * The four parts of the grid: quick wins (high impact, easy), major projects (high impact, hard),
 * fill-ins (low impact, easy) and the rest (low impact, hard: the last to take on).
 */
export const QUADRANTS = ['quick_win', 'major_project', 'fill_in', 'low_priority'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export function quadrantOf(impact: number | null, feasibility: number | null): Quadrant | null {
  if (impact === null || feasibility === null) return null;
  const high = impact >= RATING_HIGH;
  const easy = feasibility >= RATING_HIGH;
  if (high) return easy ? 'quick_win' : 'major_project';
  return easy ? 'fill_in' : 'low_priority';
}

/** One agreed area for improvement as the list needs it. */
export type PriorityRow = {
  itemId: number;
  /** The sub-criterion ("2.3") and its criterion ("2"). */
  code: string;
  position: number;
  /** The consensus score of the sub-criterion (0-100), null while unscored. */
  score: number | null;
  impact: number | null;
  feasibility: number | null;
  /** The measures linked to it (for ?measure=). */
  measureIds: readonly number[];
};

export const PRIORITY_SORTS = ['code', 'priority', 'score', 'impact', 'feasibility'] as const;
export type PrioritySort = (typeof PRIORITY_SORTS)[number];

export const RATING_FILTERS = ['all', 'unrated', ...QUADRANTS] as const;
export type RatingFilter = (typeof RATING_FILTERS)[number];

export const SCORE_FILTERS = ['all', 'below_30', 'below_50'] as const;
export type ScoreFilter = (typeof SCORE_FILTERS)[number];

/** The list's query (?criterion=2&score=below_50&rating=quick_win&sort=priority&measure=12); anything unknown falls back. */
export const priorityQuerySchema = z.object({
  criterion: z
    .string()
    .regex(/^[1-9]$/)
    .nullable()
    .catch(null),
  score: z.enum(SCORE_FILTERS).catch('all'),
  rating: z.enum(RATING_FILTERS).catch('all'),
  sort: z.enum(PRIORITY_SORTS).catch('code'),
  /** Only the areas one measure answers (the plan page links here). */
  measure: z.coerce.number().int().positive().nullable().catch(null),
});
export type PriorityQuery = z.infer<typeof priorityQuerySchema>;

export function parsePriorityQuery(params: URLSearchParams): PriorityQuery {
  return priorityQuerySchema.parse({
    criterion: params.get('criterion') || null,
    score: params.get('score') ?? undefined,
    rating: params.get('rating') ?? undefined,
    sort: params.get('sort') ?? undefined,
    measure: params.get('measure') || null,
  });
}

function matches(row: PriorityRow, query: PriorityQuery): boolean {
  if (query.criterion !== null && row.code.split('.')[0] !== query.criterion) return false;
  if (query.measure !== null && !row.measureIds.includes(query.measure)) return false;
  if (query.score !== 'all') {
    const limit = query.score === 'below_30' ? 30 : 50;
    if (row.score === null || row.score >= limit) return false;
  }
  if (query.rating === 'all') return true;
  const quadrant = quadrantOf(row.impact, row.feasibility);
  return query.rating === 'unrated' ? quadrant === null : quadrant === query.rating;
}

/** CAF order: by sub-criterion ("1.2" before "1.10" would not arise, but compare numerically anyway), then position. */
function byCode(a: PriorityRow, b: PriorityRow): number {
  const [ac, as] = a.code.split('.').map(Number);
  const [bc, bs] = b.code.split('.').map(Number);
  return ac! - bc! || as! - bs! || a.position - b.position;
}

/** Unrated last in every sort by a rating; ties in CAF order. */
const descending = (a: number | null, b: number | null) => (b ?? -Infinity) - (a ?? -Infinity);

/**
 * The areas for improvement the query asks for, in its order: CAF order; priority (quick wins,
 * then major projects, fill-ins, the rest, unrated last; within a quadrant the higher impact x
 * feasibility first); the lowest score first; the highest impact or feasibility first.
 */
export function sortAndFilter<T extends PriorityRow>(rows: readonly T[], query: PriorityQuery): T[] {
  const rank = (row: PriorityRow) => {
    const quadrant = quadrantOf(row.impact, row.feasibility);
    return quadrant === null ? QUADRANTS.length : QUADRANTS.indexOf(quadrant);
  };
  const compare: Record<PrioritySort, (a: T, b: T) => number> = {
    code: () => 0,
    priority: (a, b) => rank(a) - rank(b) || descending(a.impact === null ? null : a.impact * a.feasibility!, b.impact === null ? null : b.impact * b.feasibility!),
    score: (a, b) => (a.score ?? Infinity) - (b.score ?? Infinity),
    impact: (a, b) => descending(a.impact, b.impact),
    feasibility: (a, b) => descending(a.feasibility, b.feasibility),
  };
  return rows.filter((row) => matches(row, query)).sort((a, b) => compare[query.sort](a, b) || byCode(a, b));
}

/** A measure that may be suggested, with the CAF codes its plan refers it to. */
export type MeasureCandidate = { measureId: number; cafCodes: readonly string[] };
export type Suggestion = { measureId: number; match: 'sub_criterion' | 'criterion' };

/**
 * The measures to suggest for an area for improvement of sub-criterion `code`: those referred to
 * the same sub-criterion first, then those referred to its criterion ("2", or another "2.x"),
 * each in the order given (the plan's); measures already linked are left out.
 */
export function suggestMeasures(code: string, candidates: readonly MeasureCandidate[], linked: ReadonlySet<number>): Suggestion[] {
  const criterion = code.split('.')[0];
  const open = candidates.filter((candidate) => !linked.has(candidate.measureId));
  const same = open.filter((candidate) => candidate.cafCodes.includes(code));
  const near = open.filter((candidate) => !same.includes(candidate) && candidate.cafCodes.some((ref) => ref.split('.')[0] === criterion));
  return [...same.map((c) => ({ measureId: c.measureId, match: 'sub_criterion' as const })), ...near.map((c) => ({ measureId: c.measureId, match: 'criterion' as const }))];
}

/** An area for improvement no measure answers is a gap; it stays open until the chair decides on it. */
export function isOpenGap(linkCount: number, decision: GapDecision | null): boolean {
  return linkCount === 0 && decision === null;
}

/** What the priorities page and the plan page show (app/models/improvement-priority.server.ts reads it). */
export type LinkedMeasure = { measureId: number; planId: number; planTitle: string; code: string; title: string; progress: Progress };
export type ImprovementArea = PriorityRow & { text: string; gapDecision: GapDecision | null; measures: LinkedMeasure[]; suggestions: (Suggestion & { code: string; title: string; planTitle: string })[] };
export type MeasureAnswers = { measureId: number; code: string; title: string; assessmentId: number; areas: number };
