import { z } from 'zod';
import { isIsoDate, todayInSofia } from './dates';
import { MAX_LINE_LENGTH, MAX_TEXT_LENGTH, typedText } from './form-input';
import { STATUSES } from './status';

/** A field left empty (or only spaces) is null. */
export const emptyAsNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

/** An optional day (YYYY-MM-DD): null when empty. */
export const optionalDate = z.preprocess(emptyAsNull, z.string().refine(isIsoDate, 'trDateInvalid').nullable().default(null));

/** The activities.version a form was rendered from: null when not sent. */
export const versionField = z.preprocess(emptyAsNull, z.coerce.number().int().nonnegative().nullable().default(null));

/**
 * The status update form, the one schema of the activity page and of the quick update on "my
 * activities" (which sends no completion day, as-of day nor link: they are null).
 */
export const statusUpdateSchema = z
  .object({
    intent: z.literal('status'),
    version: versionField,
    status: z.enum(STATUSES, { message: 'trStatusRequired' }),
    percent: z.preprocess(
      emptyAsNull,
      z.coerce
        .number({ message: 'trPercentInvalid' })
        .int('trPercentInvalid')
        .min(0, 'trPercentInvalid')
        .max(100, 'trPercentInvalid')
        .nullable()
        .default(null)
    ),
    comment: z.preprocess(emptyAsNull, typedText(MAX_TEXT_LENGTH, { tooLong: 'trCommentTooLong' }).nullable().default(null)),
    completedOn: optionalDate,
    asOf: optionalDate,
    evidenceUrl: z.preprocess(
      emptyAsNull,
      typedText(MAX_LINE_LENGTH, { tooLong: 'trUrlInvalid' })
        .pipe(z.string().url('trUrlInvalid'))
        .refine((v) => /^https?:\/\//i.test(v), 'trUrlInvalid')
        .nullable()
        .default(null)
    ),
  })
  .superRefine((value, ctx) => {
    if (value.asOf && value.asOf > todayInSofia()) {
      ctx.addIssue({ code: 'custom', path: ['asOf'], message: 'trAsOfInFuture' });
    } else if (value.completedOn && value.completedOn > (value.asOf ?? todayInSofia())) {
      // Completed by the day the update reports on: done as of 30.09 is not completed in October.
      ctx.addIssue({ code: 'custom', path: ['completedOn'], message: value.asOf ? 'trCompletedAfterAsOf' : 'trCompletedInFuture' });
    }
  });
