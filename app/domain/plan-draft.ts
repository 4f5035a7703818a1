/**
 * Drafting a plan from the agreed areas for improvement (CAF step 7): which measures the chosen
 * areas become, of which kind, under which area of the plan, with which CAF references and first
 * activities. Pure: no database (app/models/plan-draft.server.ts writes what this returns).
 */
import { z } from 'zod';
import { CAF_CRITERIA } from './caf2020';
import { subCriterion } from './assessment-scoring';
import { quadrantOf } from './improvement-priority';
import { idSchema, MAX_TITLE_LENGTH, typedText } from './form-input';
import type { Lang } from './lang';

/** One measure per chosen area; one per sub-criterion; or the groups the chair numbered. */
export const DRAFT_GROUPINGS = ['item', 'sub_criterion', 'custom'] as const;
export type DraftGrouping = (typeof DRAFT_GROUPINGS)[number];

/** The most areas one draft is made from (the form's size stays bounded). */
export const MAX_DRAFT_ITEMS = 500;
/** The highest group number the chair may give. */
export const MAX_DRAFT_GROUP = 99;
export const MAX_PERIOD_LENGTH = 100;

/** The form "Create a draft plan": its title and period, how to group, the areas chosen and (custom) their group numbers. */
export const draftPlanFormSchema = z.object({
  title: typedText(MAX_TITLE_LENGTH, { required: 'pdTitleRequired' }),
  period: typedText(MAX_PERIOD_LENGTH),
  grouping: z.enum(DRAFT_GROUPINGS, { message: 'pdInvalid' }),
  itemIds: z.array(idSchema).min(1, 'pdNothingChosen').max(MAX_DRAFT_ITEMS, 'pdTooMany'),
  /** By item id, for the custom grouping: the group number the chair gave (none: a measure of its own). */
  groups: z.record(z.string(), z.coerce.number({ message: 'pdGroupInvalid' }).int('pdGroupInvalid').min(1, 'pdGroupInvalid').max(MAX_DRAFT_GROUP, 'pdGroupInvalid')),
});
export type DraftPlanForm = z.infer<typeof draftPlanFormSchema>;

/** Reads the form: `itemIds` (checkboxes), `group-<itemId>` (a number or empty), title, period, grouping. */
export function parseDraftPlanForm(form: FormData) {
  const groups: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of form) {
    const id = /^group-([1-9]\d{0,9})$/.exec(key)?.[1];
    if (id && typeof value === 'string' && value.trim() !== '') groups[id] = value.trim();
  }
  return draftPlanFormSchema.safeParse({
    title: form.get('title') ?? '',
    period: form.get('period') ?? '',
    grouping: form.get('grouping'),
    itemIds: form.getAll('itemIds'),
    groups,
  });
}

/** An area for improvement as drafting needs it. */
export type DraftItem = { itemId: number; code: string; position: number; text: string; impact: number | null; feasibility: number | null };

export type DraftActivity = { code: string; title: string; itemId: number };
export type DraftMeasure = {
  code: string;
  title: string;
  kind: 'strategic' | 'quick_win';
  /** The sub-criteria of its areas, in CAF order. */
  cafCodes: string[];
  /** The areas for improvement it answers (linked on writing). */
  itemIds: number[];
  activities: DraftActivity[];
};
export type DraftArea = { code: string; title: string; criterion: string; measures: DraftMeasure[] };

const numeric = (code: string) => code.split('.').map(Number);
function byCafCode(a: string, b: string): number {
  const [ac, as = 0] = numeric(a);
  const [bc, bs = 0] = numeric(b);
  return ac! - bc! || as - bs;
}
const byItem = (a: DraftItem, b: DraftItem) => byCafCode(a.code, b.code) || a.position - b.position;

/** The key items share when they make one measure. */
function groupKey(item: DraftItem, grouping: DraftGrouping, groups: Readonly<Record<string, number>>): string {
  if (grouping === 'sub_criterion') return `s${item.code}`;
  const group = grouping === 'custom' ? groups[String(item.itemId)] : undefined;
  return group === undefined ? `i${item.itemId}` : `g${group}`;
}

/**
 * A measure of one area keeps its text; of several of one sub-criterion, the sub-criterion's title
 * with its code after it (before it, "1.2. ..." would read as the measure's own number); else
 * the first area's text.
 */
function measureTitle(items: readonly DraftItem[], lang: Lang): string {
  const codes = new Set(items.map((item) => item.code));
  const sub = codes.size === 1 && items.length > 1 ? subCriterion(items[0]!.code) : undefined;
  if (!sub) return items[0]!.text;
  return `${lang === 'bg' ? sub.titleBg : sub.titleEn} (CAF ${sub.code})`;
}

/**
 * The plan the chosen areas make: one measure per group of areas (grouped as the chair chose),
 * a quick win when every area of it lies in the grid's quick-win quadrant, else strategic; its
 * CAF references the areas' sub-criteria; one first activity per area, titled with its text (no
 * dates or owners yet). Measures sit in areas of the plan by CAF criterion (that of their first
 * sub-criterion), in CAF order, numbered as an imported plan is: areas 1, 2..., measures 1.1,
 * activities 1.1.1. `areaTitle` words an area ("Критерий 3. Хора").
 */
export function draftStructure(
  items: readonly DraftItem[],
  grouping: DraftGrouping,
  groups: Readonly<Record<string, number>>,
  lang: Lang,
  areaTitle: (criterion: { code: string; title: string }) => string,
): DraftArea[] {
  const measures = new Map<string, DraftItem[]>();
  for (const item of [...items].sort(byItem)) {
    const key = groupKey(item, grouping, groups);
    measures.set(key, [...(measures.get(key) ?? []), item]);
  }
  const byCriterion = new Map<string, DraftItem[][]>();
  for (const members of measures.values()) {
    const criterion = members[0]!.code.split('.')[0]!;
    byCriterion.set(criterion, [...(byCriterion.get(criterion) ?? []), members]);
  }
  return [...byCriterion.keys()].sort(byCafCode).map((criterion, areaIndex) => {
    const areaCode = String(areaIndex + 1);
    const caf = CAF_CRITERIA.find((c) => c.code === criterion);
    return {
      code: areaCode,
      criterion,
      title: areaTitle({ code: criterion, title: caf ? (lang === 'bg' ? caf.titleBg : caf.titleEn) : '' }),
      measures: byCriterion.get(criterion)!.map((members, measureIndex) => {
        const code = `${areaCode}.${measureIndex + 1}`;
        const quick = members.every((item) => quadrantOf(item.impact, item.feasibility) === 'quick_win');
        return {
          code,
          title: measureTitle(members, lang),
          kind: quick ? 'quick_win' : 'strategic',
          cafCodes: [...new Set(members.map((item) => item.code))].sort(byCafCode),
          itemIds: members.map((item) => item.itemId),
          activities: members.map((item, i) => ({ code: `${code}.${i + 1}`, title: item.text, itemId: item.itemId })),
        };
      }),
    };
  });
}
