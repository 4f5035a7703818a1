import { describe, expect, it } from 'vitest';
import { isOpenGap, parsePriorityQuery, quadrantOf, ratingSchema, sortAndFilter, suggestMeasures, type PriorityRow } from './improvement-priority';

const row = (itemId: number, code: string, score: number | null, impact: number | null, feasibility: number | null, position = 0, measureIds: number[] = []): PriorityRow => ({
  itemId,
  code,
  position,
  score,
  impact,
  feasibility,
  measureIds,
});
const query = (params: string) => parsePriorityQuery(new URLSearchParams(params));
const ids = (rows: PriorityRow[]) => rows.map((r) => r.itemId);

describe('quadrantOf', () => {
  it('puts 4 and 5 high/easy and 1 to 3 low/hard', () => {
    expect(quadrantOf(4, 4)).toBe('quick_win');
    expect(quadrantOf(5, 3)).toBe('major_project');
    expect(quadrantOf(3, 5)).toBe('fill_in');
    expect(quadrantOf(3, 3)).toBe('low_priority');
    expect(quadrantOf(1, 1)).toBe('low_priority');
  });

  it('has no quadrant while unrated', () => {
    expect(quadrantOf(null, 4)).toBeNull();
    expect(quadrantOf(4, null)).toBeNull();
  });
});

describe('ratingSchema', () => {
  it('takes whole numbers 1 to 5 only', () => {
    expect(ratingSchema.safeParse('5').success).toBe(true);
    expect(ratingSchema.safeParse('0').success).toBe(false);
    expect(ratingSchema.safeParse('6').success).toBe(false);
    expect(ratingSchema.safeParse('2.5').success).toBe(false);
    expect(ratingSchema.safeParse('x').success).toBe(false);
  });
});

describe('sortAndFilter', () => {
  const rows = [row(1, '2.1', 40, 2, 2, 0, [7]), row(2, '1.2', 20, 5, 5, 0, [7, 8]), row(3, '1.2', 20, null, null, 1), row(4, '6.1', 60, 5, 2), row(5, '1.1', 10, 4, 5), row(6, '3.1', 45, 2, 5)];

  it('keeps CAF order by default, items of a sub-criterion in their order', () => {
    expect(ids(sortAndFilter(rows, query('')))).toEqual([5, 2, 3, 1, 6, 4]);
  });

  it('sorts by priority: quick wins (bigger product first), major projects, fill-ins, the rest, unrated last', () => {
    expect(ids(sortAndFilter(rows, query('sort=priority')))).toEqual([2, 5, 4, 6, 1, 3]);
  });

  it('sorts by the lowest score, and by the highest impact or feasibility with unrated last', () => {
    expect(ids(sortAndFilter(rows, query('sort=score')))).toEqual([5, 2, 3, 1, 6, 4]);
    expect(ids(sortAndFilter(rows, query('sort=impact')))).toEqual([2, 4, 5, 1, 6, 3]);
    expect(ids(sortAndFilter(rows, query('sort=feasibility')))).toEqual([5, 2, 6, 1, 4, 3]);
  });

  it('filters by criterion, score and rating', () => {
    expect(ids(sortAndFilter(rows, query('criterion=1')))).toEqual([5, 2, 3]);
    expect(ids(sortAndFilter(rows, query('score=below_30')))).toEqual([5, 2, 3]);
    expect(ids(sortAndFilter(rows, query('score=below_50')))).toEqual([5, 2, 3, 1, 6]);
    expect(ids(sortAndFilter(rows, query('rating=quick_win')))).toEqual([5, 2]);
    expect(ids(sortAndFilter(rows, query('rating=unrated')))).toEqual([3]);
    expect(ids(sortAndFilter(rows, query('criterion=1&rating=quick_win&sort=priority')))).toEqual([2, 5]);
    expect(ids(sortAndFilter(rows, query('measure=7')))).toEqual([2, 1]);
    expect(ids(sortAndFilter(rows, query('measure=8')))).toEqual([2]);
  });

  it('falls back on anything unknown in the query', () => {
    expect(query('criterion=12&score=low&rating=best&sort=x&measure=-1')).toEqual({ criterion: null, score: 'all', rating: 'all', sort: 'code', measure: null });
  });
});

describe('suggestMeasures', () => {
  const candidates = [
    { measureId: 10, cafCodes: ['2.1'] },
    { measureId: 11, cafCodes: ['1.2', '2.3'] },
    { measureId: 12, cafCodes: ['2.3'] },
    { measureId: 13, cafCodes: ['5.1'] },
    { measureId: 14, cafCodes: ['2'] },
  ];

  it('suggests measures of the same sub-criterion first, then of its criterion, in the plan order', () => {
    expect(suggestMeasures('2.3', candidates, new Set())).toEqual([
      { measureId: 11, match: 'sub_criterion' },
      { measureId: 12, match: 'sub_criterion' },
      { measureId: 10, match: 'criterion' },
      { measureId: 14, match: 'criterion' },
    ]);
  });

  it('leaves out measures already linked, and suggests nothing when no measure shares the criterion', () => {
    expect(suggestMeasures('2.3', candidates, new Set([11, 10, 14]))).toEqual([{ measureId: 12, match: 'sub_criterion' }]);
    expect(suggestMeasures('9.1', candidates, new Set())).toEqual([]);
  });
});

describe('isOpenGap', () => {
  it('is open when no measure answers the area and the chair has not decided', () => {
    expect(isOpenGap(0, null)).toBe(true);
    expect(isOpenGap(0, 'accepted')).toBe(false);
    expect(isOpenGap(0, 'planned_later')).toBe(false);
    expect(isOpenGap(2, null)).toBe(false);
  });
});
