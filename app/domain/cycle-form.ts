import { z } from 'zod';
import { CYCLE_STEPS } from './caf-cycle';
import { isIsoDate, todayInSofia } from './dates';
import { MAX_LINE_LENGTH, typedText } from './form-input';
import { emptyAsNull } from './status-form';

/**
 * The form of a step's record on /cycle: a day (not in the future, except the planned day of
 * the next self-assessment), a short note and a link; the file comes beside it (the route). 'clear' deletes the record and reads only the step.
 */
export const cycleStepFormSchema = z
  .object({
    intent: z.enum(['record', 'clear']),
    step: z.enum(CYCLE_STEPS),
    doneOn: z.preprocess(emptyAsNull, z.string().refine(isIsoDate, 'csDateInvalid').nullable().default(null)),
    note: z.preprocess(emptyAsNull, typedText(MAX_LINE_LENGTH, { tooLong: 'csNoteTooLong' }).nullable().default(null)),
    evidenceUrl: z.preprocess(
      emptyAsNull,
      typedText(MAX_LINE_LENGTH, { tooLong: 'csUrlInvalid' })
        .pipe(z.string().url('csUrlInvalid'))
        .refine((v) => /^https?:\/\//i.test(v), 'csUrlInvalid')
        .nullable()
        .default(null),
    ),
    removeFile: z.preprocess((v) => v === 'on', z.boolean()),
  })
  .superRefine((value, ctx) => {
    if (value.doneOn && value.step !== 'next' && value.doneOn > todayInSofia())
      ctx.addIssue({
        code: 'custom',
        path: ['doneOn'],
        message: 'csDateFuture',
      });
  });
export type CycleStepForm = z.infer<typeof cycleStepFormSchema>;
