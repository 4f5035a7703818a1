import { z } from 'zod';
import { MAX_LINE_LENGTH, MAX_NAME_LENGTH, MAX_TITLE_LENGTH, typedText } from './form-input';
import { ASSESSMENT_ITEM_KINDS, MAX_SCORE, MIN_SCORE, SCORE_DIMENSIONS, SCORING_SYSTEMS, subCriterion, type AssessmentItemKind, type Scores } from './assessment-scoring';
import { ASSESSMENT_STAGES } from './assessment-stage';

/** The fields of a self-assessment's settings form (new, and the chair's edit). */
export const assessmentSettingsSchema = z.object({
  title: typedText(MAX_TITLE_LENGTH, { required: 'asTitleRequired', tooLong: 'fieldTooLong' }),
  period: typedText(MAX_NAME_LENGTH, { required: 'asPeriodRequired', tooLong: 'fieldTooLong' }),
  scoringSystem: z.enum(SCORING_SYSTEMS, { message: 'asSystemRequired' }),
});

export const stageSchema = z.object({ to: z.enum(ASSESSMENT_STAGES) });

/** Items of one kind a sheet may carry, each at most MAX_LINE_LENGTH characters. */
export const MAX_ITEMS_PER_KIND = 25;
/**
 * A sheet's form in bytes: 3 kinds x 25 items x 2000 characters, url-encoded (a Cyrillic letter
 * is 6 bytes), fits; more is refused with 413 while it streams in.
 */
export const MAX_SHEET_FORM_BYTES = 1024 * 1024;

const score = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
  z.coerce.number({ message: 'asScoreInvalid' }).int('asScoreInvalid').min(MIN_SCORE, 'asScoreInvalid').max(MAX_SCORE, 'asScoreInvalid').nullable(),
);

const optionalScore = score.optional();

const items = z.array(typedText(MAX_LINE_LENGTH)).max(MAX_ITEMS_PER_KIND, 'asTooManyItems');

const sheetSchema = z.object({
  version: z.string().regex(/^\d{1,9}$/).transform(Number),
  scores: z.object(Object.fromEntries(SCORE_DIMENSIONS.map((d) => [d, optionalScore])) as Record<keyof Scores, typeof optionalScore>),
  items: z.object(Object.fromEntries(ASSESSMENT_ITEM_KINDS.map((kind) => [kind, items])) as Record<AssessmentItemKind, typeof items>),
});

export type SheetForm = { version: number; scores: Scores; items: Record<AssessmentItemKind, string[]> };

/**
 * A sheet as the form sends it: `version`, one field per score dimension ("" is unscored) and
 * each item kind's field repeated, one per item; empty items are dropped.
 */
export function parseSheetForm(form: FormData): { ok: true; data: SheetForm } | { ok: false; error: string } {
  const parsed = sheetSchema.safeParse({
    version: form.get('version'),
    scores: Object.fromEntries(SCORE_DIMENSIONS.filter((d) => form.has(d)).map((d) => [d, form.get(d)])),
    items: Object.fromEntries(ASSESSMENT_ITEM_KINDS.map((kind) => [kind, form.getAll(kind).filter((v) => typeof v !== 'string' || v.trim() !== '')])),
  });
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'asInvalidForm' };
  return { ok: true, data: parsed.data };
}

/** The sub-criterion code of a URL ("2.3"), or null when it is not one of the 28. */
export function parseSubCriterionCode(value: string | undefined): string | null {
  return value && subCriterion(value) ? value : null;
}

/** The first message of each field of a form that failed its schema. */
export function firstErrors(error: z.ZodError): Record<string, string> {
  const fields = error.flatten().fieldErrors as Record<string, string[] | undefined>;
  return Object.fromEntries(Object.entries(fields).flatMap(([field, messages]) => (messages?.[0] ? [[field, messages[0]]] : [])));
}
