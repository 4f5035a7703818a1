/**
 * What re-importing an edited plan would change: activities added, removed and changed field
 * by field. Activities are matched by code first (in order, preferring the same title when a
 * code is used twice), then the rest by title similarity.
 */
import type { ParsedActivity } from '../../importers/types';
import { normalizeName } from './names';

/** The fields the diff compares, in the order it shows them. */
export const DIFF_FIELDS = [
  'code',
  'title',
  'measureCode',
  'start',
  'end',
  'ongoing',
  'ongoingText',
  'indicator',
  'target',
  'resources',
  'owners',
  'note',
] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

/** An activity as the diff compares it: the importer's fields (importers/types.ts) and its measure's code. */
export type ComparableActivity = Pick<ParsedActivity, Exclude<DiffField, 'measureCode'>> & { measureCode: string };

export type FieldChange = { field: DiffField; before: string; after: string };
export type ActivityMatch<E, I = ComparableActivity> = { existing: E; incoming: I; changes: FieldChange[] };
export type PlanDiff<E, I = ComparableActivity> = {
  added: I[];
  removed: E[];
  changed: ActivityMatch<E, I>[];
  unchanged: ActivityMatch<E, I>[];
};

/** Titles at least this similar (Dice coefficient of letter pairs) count as the same activity. */
export const TITLE_SIMILARITY = 0.6;

export function diffPlan<E extends ComparableActivity, I extends ComparableActivity>(existing: E[], incoming: I[]): PlanDiff<E, I> {
  const unmatchedExisting = new Set(existing);
  const matches: ActivityMatch<E, I>[] = [];
  const unmatchedIncoming: I[] = [];

  for (const activity of incoming) {
    const sameCode = existing.filter((e) => unmatchedExisting.has(e) && e.code === activity.code);
    const match = sameCode.find((e) => normalizeName(e.title) === normalizeName(activity.title)) ?? sameCode[0];
    if (match) {
      unmatchedExisting.delete(match);
      matches.push({ existing: match, incoming: activity, changes: compare(match, activity) });
    } else {
      unmatchedIncoming.push(activity);
    }
  }

  const added: I[] = [];
  for (const activity of unmatchedIncoming) {
    let best: E | undefined;
    let bestScore = TITLE_SIMILARITY;
    for (const candidate of unmatchedExisting) {
      const score = titleSimilarity(candidate.title, activity.title);
      if (score >= bestScore) [best, bestScore] = [candidate, score];
    }
    if (best) {
      unmatchedExisting.delete(best);
      matches.push({ existing: best, incoming: activity, changes: compare(best, activity) });
    } else {
      added.push(activity);
    }
  }

  return {
    added,
    removed: existing.filter((e) => unmatchedExisting.has(e)),
    changed: matches.filter((m) => m.changes.length > 0),
    unchanged: matches.filter((m) => m.changes.length === 0),
  };
}

function show(value: ComparableActivity[DiffField]): string {
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value ?? '';
}

function compare(before: ComparableActivity, after: ComparableActivity): FieldChange[] {
  return DIFF_FIELDS.flatMap((field) => {
    const [a, b] = [show(before[field]), show(after[field])];
    return a === b ? [] : [{ field, before: a, after: b }];
  });
}

function pairs(text: string): Map<string, number> {
  const letters = normalizeName(text).replace(/[^\p{L}\p{N}]+/gu, '');
  const counts = new Map<string, number>();
  for (let i = 0; i < letters.length - 1; i++) {
    const pair = letters.slice(i, i + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/** Dice coefficient of the letter pairs of two titles: 1 for the same letters, 0 for nothing shared. */
export function titleSimilarity(a: string, b: string): number {
  const [pa, pb] = [pairs(a), pairs(b)];
  let shared = 0;
  let total = 0;
  for (const [pair, count] of pa) {
    shared += Math.min(count, pb.get(pair) ?? 0);
    total += count;
  }
  for (const count of pb.values()) total += count;
  return total === 0 ? (a === b ? 1 : 0) : (2 * shared) / total;
}
