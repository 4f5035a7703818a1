/**
 * The structure editor's forms (/plans/:planId/structure): areas, measures and activities added,
 * changed, moved, archived and restored. Codes, CAF references and owners are read by the
 * importer's own rules (importers/codes.ts, caf.ts, text.ts), so what the editor accepts is
 * what an import of the same plan would give; lengths and dates are the form rules of
 * form-input.ts and status-form.ts.
 */
import { z } from 'zod';
import { parseCafRefs } from '../../importers/caf';
import { PLAN_CODE } from '../../importers/codes';
import { splitOwners } from '../../importers/text';
import { MAX_LINE_LENGTH, MAX_TEXT_LENGTH, idSchema, typedText } from './form-input';
import type { ActivityPlanFields } from './activity-detail';
import { isIsoDate } from './dates';
import { emptyAsNull, versionField } from './status-form';

export const STRUCTURE_LEVELS = ['area', 'measure', 'activity'] as const;
export type StructureLevel = (typeof STRUCTURE_LEVELS)[number];

/** A plan's structure as the editor and the export read it (archived items too, in the plan's order). */
export type StructureActivity = ActivityPlanFields & {
  id: number;
  owners: string[];
  archived: boolean;
  version: number;
};
export type StructureMeasure = {
  id: number;
  code: string;
  title: string;
  kind: 'strategic' | 'quick_win' | null;
  cafRefs: string[];
  archived: boolean;
  version: number;
  activities: StructureActivity[];
};
export type StructureArea = { id: number; code: string; title: string; archived: boolean; version: number; measures: StructureMeasure[] };

/** A code is short: "12.3.4" and the like. */
export const MAX_CODE_LENGTH = 20;

const code = typedText(MAX_CODE_LENGTH, { required: 'stCodeRequired', tooLong: 'stCodeInvalid' }).refine((value) => PLAN_CODE.test(value), 'stCodeInvalid');
const title = typedText(MAX_LINE_LENGTH, { required: 'stTitleRequired' });
/** A day (YYYY-MM-DD, what a date field sends, and what the importer makes of a date cell), or null when empty. */
const day = z.preprocess(emptyAsNull, z.string().refine(isIsoDate, 'stDateInvalid').nullable().default(null));
const optionalText = z.preprocess(emptyAsNull, typedText(MAX_TEXT_LENGTH).nullable().default(null));

/** "1.1, 2.3" -> ['1.1', '2.3'] as the importer reads a CAF cell; a reference CAF 2020 does not have is refused. */
const cafRefs = z.preprocess(
  (value) => (typeof value === 'string' ? value : ''),
  typedText(MAX_LINE_LENGTH)
    .transform((text) => parseCafRefs(text))
    .refine((read) => read.unknown.length === 0, 'stCafUnknown')
    .transform((read) => read.refs),
);

/** "Главен секретар, директори на дирекции" -> the owners, split as the importer splits an owners cell. */
const owners = z.preprocess((value) => (typeof value === 'string' ? value : ''), typedText(MAX_TEXT_LENGTH).transform(splitOwners));

export const areaFields = z.object({ code, title });
export const measureFields = z.object({
  code,
  title,
  kind: z.preprocess(emptyAsNull, z.enum(['strategic', 'quick_win']).nullable().default(null)),
  cafRefs,
});
export const activityFields = z
  .object({ code, title, start: day, end: day, owners, indicator: optionalText, target: optionalText })
  .superRefine((value, ctx) => {
    if (value.start && value.end && value.end < value.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'stEndBeforeStart' });
  });

export type AreaFields = z.infer<typeof areaFields>;
export type MeasureFields = z.infer<typeof measureFields>;
export type ActivityFields = z.infer<typeof activityFields>;

/** The fields of each level, by the level's name. */
export const LEVEL_FIELDS = { area: areaFields, measure: measureFields, activity: activityFields } as const;

const level = z.enum(STRUCTURE_LEVELS, { message: 'stBadForm' });
const version = versionField.refine((v) => v !== null, 'stBadForm');

/** What a form of the editor asks: the fields are checked by the level's schema (LEVEL_FIELDS) afterwards. */
export const structureIntent = z.discriminatedUnion(
  'intent',
  [
    /** A new item under a parent: an area under the plan (no parent), a measure under an area, an activity under a measure. */
    z.object({ intent: z.literal('add'), level, parentId: z.preprocess(emptyAsNull, idSchema.nullable().default(null)) }),
    z.object({ intent: z.literal('edit'), level, id: idSchema, version }),
    z.object({ intent: z.literal('move'), level, id: idSchema, version, direction: z.enum(['up', 'down'], { message: 'stBadForm' }) }),
    z.object({ intent: z.literal('archive'), level, id: idSchema, version }),
    z.object({ intent: z.literal('restore'), level, id: idSchema, version }),
  ],
  { errorMap: () => ({ message: 'stBadForm' }) },
);
export type StructureIntent = z.infer<typeof structureIntent>;
